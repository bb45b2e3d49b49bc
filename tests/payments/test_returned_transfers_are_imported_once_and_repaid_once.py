"""The bank's 振込結果 file marks the transfers it could not make (振込不能); the same file twice changes
nothing, a file naming a transfer the office never made is refused whole, and a returned transfer is paid
again once: at the counter, or by the next run after the household gives a new account."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hogo.payments import services
from hogo.payments.models import CounterRepayment, Returned, ReturnImport

from .payment_helpers import (
    approved_run,
    bank_account,
    bank_result,
    decided,
    extra_run,
    lines_of,
    payment_settings,
)


@pytest.fixture
def paid(cast):
    """December's approved run: own and mate paid by bank transfer; and its 全銀 file."""
    payment_settings(cast.office_a)
    own, mate = cast.households["own"], cast.households["mate"]
    decided(own, cast.users["cw"], living=80_000, housing=30_000)
    decided(mate, cast.users["cw_mate"], living=60_000)
    bank_account(cast.users["cw"], own)
    bank_account(cast.users["cw_mate"], mate, number="7654321", name="マツモト サクラ")
    run = approved_run(cast)
    return run, services.zengin_file(run)


def _returned_payment(cast, paid):
    run, data = paid
    payment = run.payments.get(household=cast.households["own"])
    imported = services.import_results(
        cast.users["clerk"], cast.office_a, "kekka.txt", bank_result(data, payment.customer_code)
    )
    return payment, imported


def test_a_result_code_other_than_0_marks_that_payment_returned(cast, paid):
    payment, imported = _returned_payment(cast, paid)
    returned = Returned.objects.get()
    assert returned.payment == payment
    assert returned.result_code == "1"
    assert returned.reason == "取引なし（口座なし）"
    assert (imported.returned, imported.paid) == (1, 1)


def test_importing_the_same_file_again_changes_nothing(cast, paid):
    run, data = paid
    payment, first = _returned_payment(cast, paid)
    again = services.import_results(
        cast.users["clerk"], cast.office_a, "kekka-2.txt", bank_result(data, payment.customer_code)
    )
    assert again.pk == first.pk
    assert ReturnImport.objects.count() == 1
    assert Returned.objects.count() == 1


def test_a_result_naming_an_unknown_customer_code_is_refused_whole(cast, paid):
    run, data = paid
    own = run.payments.get(household=cast.households["own"])
    mate = run.payments.get(household=cast.households["mate"])
    result = bank_result(data, own.customer_code)
    result = result.replace(mate.customer_code.encode(), b"9999999999")
    with pytest.raises(ValidationError) as refused:
        services.import_results(cast.users["clerk"], cast.office_a, "kekka.txt", result)
    assert "9999999999" in " ".join(refused.value.message_dict["file"])
    assert not ReturnImport.objects.exists()
    assert not Returned.objects.exists()


def test_a_caseworker_cannot_import_results(cast, paid):
    run, data = paid
    payment = run.payments.get(household=cast.households["own"])
    with pytest.raises(PermissionDenied):
        services.import_results(cast.users["cw"], cast.office_a, "kekka.txt", bank_result(data, payment.customer_code))
    assert not Returned.objects.exists()


def test_a_returned_payment_waits_in_the_unpaid_list_until_repaid_at_the_counter(cast, paid):
    payment, _ = _returned_payment(cast, paid)
    waiting = services.unpaid_returns([cast.office_a.pk])
    assert [r.payment_id for r in waiting] == [payment.pk]
    repaid = services.repay_at_counter(cast.users["clerk"], waiting[0], paid_on=timezone.localdate())
    assert repaid.amount == payment.amount == 110_000
    assert services.unpaid_returns([cast.office_a.pk]) == []


def test_repaying_twice_is_refused(cast, paid):
    _returned_payment(cast, paid)
    returned = Returned.objects.get()
    services.repay_at_counter(cast.users["clerk"], returned, paid_on=timezone.localdate())
    with pytest.raises(ValidationError):
        services.repay_at_counter(cast.users["clerk"], returned, paid_on=timezone.localdate())
    assert CounterRepayment.objects.count() == 1


def test_after_a_new_account_the_next_run_pays_it_again_once_and_it_leaves_the_unpaid_list(cast, paid):
    payment, _ = _returned_payment(cast, paid)
    own = cast.households["own"]
    new = bank_account(cast.users["cw"], own, number="2222222", starts_on=timezone.localdate())
    extra = extra_run(cast)
    again = extra.payments.get(household=own)
    assert again.repays == Returned.objects.get()
    assert again.account_number == new.account_number == "2222222"
    assert again.amount == payment.amount
    assert lines_of(again) == {(date(2026, 12, 1), "repay"): payment.amount}
    assert services.unpaid_returns([cast.office_a.pk]) == []
    with pytest.raises(ValidationError):
        services.repay_at_counter(cast.users["clerk"], Returned.objects.get(), paid_on=timezone.localdate())
    assert not extra_run(cast).payments.exists()


def test_without_a_new_account_the_next_run_does_not_pay_it_again(cast, paid):
    _returned_payment(cast, paid)
    extra = extra_run(cast)
    assert not extra.payments.exists()
    assert len(services.unpaid_returns([cast.office_a.pk])) == 1


def test_a_landlords_returned_rent_is_never_paid_again_to_the_household(cast):
    payment_settings(cast.office_a)
    own = cast.households["own"]
    decided(own, cast.users["cw"], living=80_000, housing=30_000)
    bank_account(cast.users["cw"], own)
    services.set_proxy(
        cast.users["cw"],
        own,
        item="housing",
        payee_name="みなと不動産",
        monthly_amount=30_000,
        starts_on=date(2026, 4, 1),
        bank_code="0001",
        branch_code="001",
        account_type="1",
        account_number="7654321",
        account_name="ﾐﾅﾄﾌﾄﾞｳｻﾝ",
    )
    run = approved_run(cast)
    landlord = run.payments.get(payee="proxy")
    data = bank_result(services.zengin_file(run), landlord.customer_code)
    services.import_results(cast.users["clerk"], cast.office_a, "kekka.txt", data)
    bank_account(cast.users["cw"], own, number="2222222", starts_on=timezone.localdate())
    extra = extra_run(cast)
    assert not extra.payments.filter(payee="household", account_number="2222222").exists()


def test_a_landlords_returned_rent_is_paid_again_to_the_landlords_new_account(cast):
    payment_settings(cast.office_a)
    own = cast.households["own"]
    decided(own, cast.users["cw"], living=80_000, housing=30_000)
    bank_account(cast.users["cw"], own)
    payee = {
        "item": "housing",
        "payee_name": "みなと不動産",
        "monthly_amount": 30_000,
        "bank_code": "0001",
        "branch_code": "001",
        "account_type": "1",
        "account_name": "ﾐﾅﾄﾌﾄﾞｳｻﾝ",
    }
    services.set_proxy(cast.users["cw"], own, starts_on=date(2026, 4, 1), account_number="7654321", **payee)
    run = approved_run(cast)
    landlord = run.payments.get(payee="proxy")
    data = bank_result(services.zengin_file(run), landlord.customer_code)
    services.import_results(cast.users["clerk"], cast.office_a, "kekka.txt", data)
    services.set_proxy(cast.users["cw"], own, starts_on=timezone.localdate(), account_number="7777777", **payee)
    extra = extra_run(cast)
    again = extra.payments.get(repays__payment=landlord)
    assert (again.payee, again.account_number, again.amount) == ("proxy", "7777777", 30_000)
    assert again.proxy.item == "housing"
