"""A monthly run pays each household exactly what the ledger owes for the month, in cash items only."""

from hogo.decisions import ledger
from hogo.decisions.services import approved_rows
from hogo.payments import services
from hogo.payments.models import PaymentLine

from .payment_helpers import DECEMBER, approved_run, assisted, bank_account, payment_settings


def test_each_households_lines_add_up_to_the_ledgers_cash_items_for_the_month(cast):
    payment_settings(cast.office_a)
    own, mate = assisted(cast, "own"), assisted(cast, "mate", cw="cw_mate")
    bank_account(cast.users["cw"], own)
    run = approved_run(cast)
    for household in (own, mate):
        owed = ledger.owed_for(approved_rows(household.pk), DECEMBER)
        cash = sum(owed.owed[k] for k in ("living", "housing", "education", "occupational")) + sum(
            owed.one_time.values()
        )
        paid = sum(PaymentLine.objects.filter(run=run, household=household).values_list("amount", flat=True))
        assert cash > 0
        assert paid == cash
    assert run.totals["net"] == run.totals["gross"]
    methods = dict(run.payments.values_list("household_id", "method"))
    assert methods == {own.pk: "bank", mate.pk: "counter"}


def test_medical_and_care_assistance_are_never_paid_in_cash(cast):
    payment_settings(cast.office_a)
    assisted(cast, "own")
    run = approved_run(cast)
    assert not run.lines.filter(item__in=["medical", "care"]).exists()


def test_a_second_run_in_the_same_month_pays_nothing_already_paid(cast):
    payment_settings(cast.office_a)
    assisted(cast, "own")
    approved_run(cast)
    extra = services.compute_run(
        cast.users["clerk"], cast.office_a, DECEMBER, kind="extra", pay_on=_business_day_after_today()
    )
    assert extra.payments.count() == 0


def _business_day_after_today():
    from datetime import timedelta

    from django.utils import timezone

    from hogo.payments.paydays import is_bank_business_day

    day = timezone.localdate() + timedelta(days=1)
    while not is_bank_business_day(day):
        day += timedelta(days=1)
    return day
