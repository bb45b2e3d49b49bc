"""A change decision approved after a month was paid: a rise is paid by the next (extra) run as lines for each
month it covers (追給); a fall is listed for the 法第63条 review and nothing is deducted."""

from datetime import date

from hogo.payments.models import PaymentLine

from .payment_helpers import (
    DECEMBER,
    NOVEMBER,
    approved_run,
    bank_account,
    decided,
    extra_run,
    household_payment,
    lines_of,
    next_business_day,
    payment_settings,
)


def _paid_november_and_december(cast):
    payment_settings(cast.office_a)
    own, mate = cast.households["own"], cast.households["mate"]
    decided(own, cast.users["cw"], living=80_000, housing=30_000)
    decided(mate, cast.users["cw_mate"], living=60_000)
    bank_account(cast.users["cw"], own)
    approved_run(cast, NOVEMBER)
    december = approved_run(cast, DECEMBER)
    return own, mate, december


def test_a_rise_from_november_is_paid_for_november_and_december_by_the_extra_run(cast):
    own, mate, december = _paid_november_and_december(cast)
    change = decided(own, cast.users["cw"], kind="change", effective_from=NOVEMBER, living=83_000, housing=30_000)
    assert change.approved_at > december.computed_at
    extra = extra_run(cast)
    assert extra.kind == "extra"
    assert extra.pay_on == next_business_day()
    payment = household_payment(extra, own)
    assert lines_of(payment) == {(NOVEMBER, "living"): 3_000, (DECEMBER, "living"): 3_000}
    assert payment.amount == 6_000
    assert payment.method == "bank"
    assert not extra.payments.filter(household=mate).exists()
    assert extra.overpaid == []


def test_after_the_extra_run_each_month_has_paid_what_the_ledger_owes(cast):
    own, _, _ = _paid_november_and_december(cast)
    decided(own, cast.users["cw"], kind="change", effective_from=date(2026, 11, 16), living=83_000, housing=30_000)
    extra_run(cast)
    for month, living in ((NOVEMBER, 80_000 + 1_500), (DECEMBER, 83_000)):
        paid = sum(
            PaymentLine.objects.filter(household=own, month=month, item="living").values_list("amount", flat=True)
        )
        assert paid == living


def test_a_fall_is_listed_as_overpaid_and_nothing_is_deducted(cast):
    own, _, _ = _paid_november_and_december(cast)
    decided(own, cast.users["cw"], kind="change", effective_from=NOVEMBER, living=78_000, housing=30_000)
    extra = extra_run(cast)
    assert not extra.payments.exists()
    assert not extra.lines.filter(amount__lt=0).exists()
    overpaid = sorted((o["month"], o["item"], o["amount"], o["case_number"]) for o in extra.overpaid)
    assert overpaid == [
        ("2026-11-01", "living", 2_000, own.case_number),
        ("2026-12-01", "living", 2_000, own.case_number),
    ]


def test_a_fall_in_one_item_is_not_set_against_a_rise_in_another(cast):
    own, _, _ = _paid_november_and_december(cast)
    decided(own, cast.users["cw"], kind="change", effective_from=DECEMBER, living=78_000, housing=35_000)
    extra = extra_run(cast)
    assert lines_of(household_payment(extra, own)) == {(DECEMBER, "housing"): 5_000}
    assert [(o["month"], o["item"], o["amount"]) for o in extra.overpaid] == [("2026-12-01", "living", 2_000)]


def test_a_second_extra_run_pays_the_difference_only_once(cast):
    own, _, _ = _paid_november_and_december(cast)
    decided(own, cast.users["cw"], kind="change", effective_from=NOVEMBER, living=83_000, housing=30_000)
    extra_run(cast)
    again = extra_run(cast)
    assert not again.payments.exists()
