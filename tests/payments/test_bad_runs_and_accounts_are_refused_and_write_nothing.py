"""A run that would pay over pending decisions, a second monthly run, a run while another waits for approval,
and a bank account that is not a real 全銀 account are refused, naming the field, and nothing is written."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from hogo.payments import services
from hogo.payments.models import Payment, PaymentLine, PaymentMethod, PaymentRun

from .payment_helpers import DECEMBER, approved_run, bank_account, decided, payment_settings


@pytest.fixture
def office(cast):
    payment_settings(cast.office_a)
    decided(cast.households["own"], cast.users["cw"], living=80_000)
    decided(cast.households["mate"], cast.users["cw_mate"], living=60_000)
    return cast.office_a


def _nothing_written():
    return not PaymentRun.objects.exists() and not Payment.objects.exists() and not PaymentLine.objects.exists()


def _pending(cast):
    own, mate = cast.households["own"], cast.households["mate"]
    decided(own, cast.users["cw"], kind="change", effective_from=DECEMBER, status="draft", living=90_000)
    decided(mate, cast.users["cw_mate"], kind="change", effective_from=date(2026, 11, 15), status="returned", living=1)
    return own.case_number, mate.case_number


def test_drafted_or_returned_decisions_in_the_month_refuse_the_run_listing_the_cases(cast, office):
    cases = _pending(cast)
    with pytest.raises(ValidationError) as refused:
        services.compute_run(cast.users["clerk"], office, DECEMBER)
    message = " ".join(refused.value.message_dict["include_pending"])
    for case in cases:
        assert case in message
    assert _nothing_written()


def test_a_decision_effective_after_the_month_is_not_pending(cast, office):
    decided(cast.households["own"], cast.users["cw"], kind="change", effective_from=date(2027, 1, 1), status="draft")
    run = services.compute_run(cast.users["clerk"], office, DECEMBER)
    assert run.pending == []


def test_with_include_pending_the_run_is_computed_and_records_them(cast, office):
    cases = _pending(cast)
    run = services.compute_run(cast.users["clerk"], office, DECEMBER, include_pending=True)
    assert sorted(p["case_number"] for p in run.pending) == sorted(cases)
    assert run.payments.count() == 2
    assert sorted(run.payments.values_list("amount", flat=True)) == [60_000, 80_000]


def test_a_second_monthly_run_for_the_month_is_refused(cast, office):
    first = approved_run(cast)
    with pytest.raises(ValidationError) as refused:
        services.compute_run(cast.users["clerk"], office, DECEMBER)
    assert "month" in refused.value.message_dict
    assert list(PaymentRun.objects.values_list("pk", flat=True)) == [first.pk]
    assert Payment.objects.exclude(run=first).count() == 0


def test_a_new_run_while_another_waits_for_approval_is_refused(cast, office):
    waiting = services.compute_run(cast.users["clerk"], office, DECEMBER)
    with pytest.raises(ValidationError):
        services.compute_run(cast.users["clerk"], office, date(2027, 1, 1))
    assert list(PaymentRun.objects.values_list("pk", flat=True)) == [waiting.pk]


def test_a_month_that_is_not_a_month_is_refused(cast, office):
    with pytest.raises(ValidationError) as refused:
        services.compute_run(cast.users["clerk"], office, "2026-13")
    assert "month" in refused.value.message_dict
    assert _nothing_written()


ACCOUNT = {
    "bank_code": "0005",
    "branch_code": "001",
    "account_type": "1",
    "account_number": "1234567",
    "account_name": "ﾔﾏﾀﾞ ﾀﾛｳ",
}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("account_number", "12345AB"),
        ("account_number", "123456"),
        ("account_number", "12345678"),
        ("bank_code", "0002"),
        ("bank_code", "12"),
        ("branch_code", "999"),
        ("account_name", "山田"),
    ],
)
def test_a_bad_account_is_refused_naming_the_field_and_nothing_is_saved(cast, field, value):
    with pytest.raises(ValidationError) as refused:
        services.set_method(
            cast.users["cw"],
            cast.households["own"],
            method="bank",
            starts_on=date(2026, 4, 1),
            **{**ACCOUNT, field: value},
        )
    assert field in refused.value.message_dict
    assert not PaymentMethod.objects.exists()


@pytest.mark.parametrize("name", ["ヤマダ タロウ", "やまだ たろう", "ﾔﾏﾀﾞ ﾀﾛｳ"])
def test_an_account_name_in_katakana_or_hiragana_is_kept_in_half_width_kana(cast, name):
    method = bank_account(cast.users["cw"], cast.households["own"], name=name)
    method.refresh_from_db()
    assert method.account_name == "ﾔﾏﾀﾞ ﾀﾛｳ"


def test_full_width_digits_are_read_as_digits(cast):
    method = services.set_method(
        cast.users["cw"],
        cast.households["own"],
        method="bank",
        starts_on=date(2026, 4, 1),
        **{**ACCOUNT, "bank_code": "０００５", "account_number": "１２３４５６７"},
    )
    assert (method.bank_code, method.account_number) == ("0005", "1234567")


def test_a_counter_household_needs_no_account(cast):
    method = services.set_method(cast.users["cw"], cast.households["own"], method="counter", starts_on=date(2026, 4, 1))
    assert method.account_number == ""
