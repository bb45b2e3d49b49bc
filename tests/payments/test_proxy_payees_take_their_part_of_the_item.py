"""代理納付 (法第37条の2): a payee takes its monthly amount, at most the item it is paid from, out of the
household's line for the month, as a separate bank payment to its own account; nothing is lost or paid twice."""

from datetime import date

import pytest

from hogo.decisions import ledger
from hogo.decisions.services import approved_rows
from hogo.payments import services
from hogo.payments.models import PaymentLine

from .payment_helpers import (
    DECEMBER,
    approved_run,
    bank_account,
    decided,
    extra_run,
    household_payment,
    lines_of,
    payment_settings,
)

LANDLORD = {
    "payee_name": "みなと不動産",
    "starts_on": date(2026, 4, 1),
    "bank_code": "0001",
    "branch_code": "001",
    "account_type": "1",
    "account_number": "7654321",
    "account_name": "ミナトフドウサン",
}


def _household(cast, living=70_000, housing=40_000):
    payment_settings(cast.office_a)
    own = cast.households["own"]
    decided(own, cast.users["cw"], living=living, housing=housing, medical=12_000)
    bank_account(cast.users["cw"], own)
    return own


def _proxy(cast, household, item="housing", monthly_amount=30_000, **changes):
    return services.set_proxy(
        cast.users["cw"], household, item=item, monthly_amount=monthly_amount, **{**LANDLORD, **changes}
    )


def _cash_owed(household, month):
    owed = ledger.owed_for(approved_rows(household.pk), month)
    return sum(owed.owed[k] for k in ("living", "housing", "education", "occupational")) + sum(owed.one_time.values())


def test_the_rent_goes_to_the_landlords_account_and_the_rest_of_housing_to_the_household(cast):
    own = _household(cast)
    landlord = _proxy(cast, own, monthly_amount=30_000)
    run = approved_run(cast)
    proxy = run.payments.get(household=own, payee="proxy")
    assert proxy.proxy_id == landlord.pk
    assert proxy.method == "bank"
    assert (proxy.bank_code, proxy.branch_code, proxy.account_number) == ("0001", "001", "7654321")
    assert proxy.account_name == "ﾐﾅﾄﾌﾄﾞｳｻﾝ"
    assert proxy.amount == 30_000
    assert lines_of(proxy) == {(DECEMBER, "housing"): 30_000}
    mine = household_payment(run, own)
    assert lines_of(mine) == {(DECEMBER, "living"): 70_000, (DECEMBER, "housing"): 10_000}
    assert mine.amount == 80_000
    assert mine.account_number == "1234567"


def test_a_monthly_amount_above_the_housing_owed_pays_the_landlord_the_housing_owed_only(cast):
    own = _household(cast)
    _proxy(cast, own, monthly_amount=50_000)
    run = approved_run(cast)
    proxy = run.payments.get(household=own, payee="proxy")
    assert proxy.amount == 40_000
    mine = household_payment(run, own)
    assert lines_of(mine) == {(DECEMBER, "living"): 70_000}


def test_the_care_premium_comes_out_of_living(cast):
    own = _household(cast)
    _proxy(cast, own, item="care_premium", monthly_amount=3_000, payee_name="みなと市（介護保険）")
    run = approved_run(cast)
    insurer = run.payments.get(household=own, payee="proxy")
    assert lines_of(insurer) == {(DECEMBER, "living"): 3_000}
    assert lines_of(household_payment(run, own)) == {(DECEMBER, "living"): 67_000, (DECEMBER, "housing"): 40_000}


@pytest.mark.parametrize("monthly_amount", [30_000, 50_000])
def test_all_the_households_lines_still_add_up_to_the_ledgers_cash_items(cast, monthly_amount):
    own = _household(cast)
    _proxy(cast, own, monthly_amount=monthly_amount)
    _proxy(cast, own, item="care_premium", monthly_amount=3_000, payee_name="みなと市（介護保険）")
    run = approved_run(cast)
    paid = sum(PaymentLine.objects.filter(run=run, household=own).values_list("amount", flat=True))
    assert paid == _cash_owed(own, DECEMBER) == 110_000
    assert sum(run.payments.filter(household=own).values_list("amount", flat=True)) == 110_000
    assert run.payments.filter(household=own, payee="proxy").count() == 2


def test_a_stopped_proxy_pays_the_household_again(cast):
    own = _household(cast)
    _proxy(cast, own, monthly_amount=30_000)
    services.set_proxy(
        cast.users["cw"],
        own,
        item="housing",
        payee_name="",
        monthly_amount=0,
        starts_on=date(2026, 11, 1),
        stopped=True,
    )
    run = approved_run(cast)
    assert not run.payments.filter(payee="proxy").exists()
    assert household_payment(run, own).amount == 110_000


def test_a_landlord_gets_no_more_than_its_monthly_amount_in_a_month_across_runs(cast):
    own = _household(cast)
    _proxy(cast, own, monthly_amount=30_000)
    approved_run(cast)
    decided(
        own, cast.users["cw"], kind="change", effective_from=DECEMBER, living=70_000, housing=45_000, medical=12_000
    )
    extra = extra_run(cast)
    to_landlord = sum(
        PaymentLine.objects.filter(household=own, payment__payee="proxy", month=DECEMBER).values_list(
            "amount", flat=True
        )
    )
    assert to_landlord == 30_000
    assert lines_of(household_payment(extra, own)) == {(DECEMBER, "housing"): 5_000}
