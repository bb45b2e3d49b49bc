"""法第78条の2: a debt the recipient asked in writing to have taken from the benefit is deducted from the
household's own payment, at most the office's monthly limit in a month and never more than the payment; the
chief's approval books the deduction on the receivable."""

from datetime import date

from hogo.payments.models import PaymentLine
from hogo.receivables import rules as receivable_rules

from .payment_helpers import (
    DECEMBER,
    approved_run,
    balance_of,
    bank_account,
    debt78,
    decided,
    extra_run,
    household_payment,
    lines_of,
    offset_limit,
    payment_settings,
)


def _paid_household(cast, living=80_000):
    payment_settings(cast.office_a)
    own = cast.households["own"]
    decided(own, cast.users["cw"], living=living, medical=12_000)
    bank_account(cast.users["cw"], own)
    return own


def test_the_office_limit_is_deducted_as_an_offset_line_and_booked_on_the_receivable_at_approval(cast):
    own = _paid_household(cast)
    offset_limit(cast.office_a, 5_000)
    debt = debt78(cast, amount=35_000)
    run = approved_run(cast)
    payment = household_payment(run, own)
    assert lines_of(payment) == {(DECEMBER, "living"): 80_000, (DECEMBER, "offset"): -5_000}
    assert payment.amount == 75_000
    assert run.totals["gross"] == 80_000
    assert run.totals["offset"] == 5_000
    assert run.totals["net"] == 75_000
    offsets = list(debt.entries.filter(kind=receivable_rules.OFFSET).values_list("amount", flat=True))
    assert offsets == [5_000]
    assert balance_of(debt) == 30_000


def test_a_balance_below_the_limit_is_taken_whole(cast):
    own = _paid_household(cast)
    offset_limit(cast.office_a, 5_000)
    debt = debt78(cast, amount=3_000)
    run = approved_run(cast)
    payment = household_payment(run, own)
    assert lines_of(payment)[(DECEMBER, "offset")] == -3_000
    assert payment.amount == 77_000
    assert balance_of(debt) == 0


def test_a_second_run_in_the_month_takes_nothing_more_once_the_limit_is_reached(cast):
    own = _paid_household(cast)
    offset_limit(cast.office_a, 5_000)
    debt = debt78(cast, amount=35_000)
    approved_run(cast)
    decided(own, cast.users["cw"], kind="change", effective_from=DECEMBER, living=90_000, medical=12_000)
    extra = extra_run(cast)
    payment = household_payment(extra, own)
    assert lines_of(payment) == {(DECEMBER, "living"): 10_000}
    assert payment.amount == 10_000
    assert balance_of(debt) == 30_000


def test_a_second_run_takes_only_what_is_left_of_the_monthly_limit(cast):
    own = _paid_household(cast)
    offset_limit(cast.office_a, 5_000)
    first = debt78(cast, amount=2_000)
    approved_run(cast)
    later = debt78(cast, amount=35_000)
    decided(own, cast.users["cw"], kind="change", effective_from=DECEMBER, living=90_000, medical=12_000)
    extra = extra_run(cast)
    assert lines_of(household_payment(extra, own))[(DECEMBER, "offset")] == -3_000
    assert balance_of(first) == 0
    assert balance_of(later) == 32_000


def test_no_offset_without_the_written_application(cast):
    own = _paid_household(cast)
    offset_limit(cast.office_a, 5_000)
    debt = debt78(cast, amount=35_000, applied=False)
    run = approved_run(cast)
    payment = household_payment(run, own)
    assert not PaymentLine.objects.filter(run=run, item="offset").exists()
    assert payment.amount == 80_000
    assert balance_of(debt) == 35_000


def test_an_offset_is_never_more_than_the_payment(cast):
    own = _paid_household(cast, living=20_000)
    offset_limit(cast.office_a, 100_000)
    debt = debt78(cast, amount=35_000)
    run = approved_run(cast)
    taken = -sum(PaymentLine.objects.filter(run=run, item="offset").values_list("amount", flat=True))
    paid = sum(run.payments.filter(household=own).values_list("amount", flat=True))
    assert 0 < taken <= 20_000
    assert paid == 20_000 - taken
    assert balance_of(debt) == 35_000 - taken


def test_the_oldest_debt_is_taken_first(cast):
    own = _paid_household(cast)
    offset_limit(cast.office_a, 5_000)
    older = debt78(cast, amount=2_000)
    newer = debt78(cast, amount=35_000)
    assert older.due_on <= newer.due_on
    run = approved_run(cast)
    assert household_payment(run, own).amount == 75_000
    assert (balance_of(older), balance_of(newer)) == (0, 32_000)


def test_a_debt_of_another_household_is_not_taken_from_this_one(cast):
    own = _paid_household(cast)
    mate = cast.households["mate"]
    decided(mate, cast.users["cw_mate"], living=60_000)
    offset_limit(cast.office_a, 5_000)
    debt78(cast, "own", amount=35_000)
    run = approved_run(cast)
    assert household_payment(run, mate).amount == 60_000
    assert household_payment(run, own).amount == 75_000
    assert date(2026, 12, 1) == run.month
