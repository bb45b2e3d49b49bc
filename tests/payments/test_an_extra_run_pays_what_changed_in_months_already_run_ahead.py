"""An extra run (随時払) for this month also pays what a decision changed in a month a run has already paid
ahead — December's run is computed in late November; a rise from November approved after it must reach
December too, and a later monthly run must not forget it (review finding, issue 21)."""

from datetime import date

from hogo.payments.models import PaymentLine

from .payment_helpers import DECEMBER, NOVEMBER, approved_run, bank_account, decided, extra_run, payment_settings

JANUARY = date(2027, 1, 1)


def paid_for(household, month) -> int:
    lines = PaymentLine.objects.filter(household=household, month=month, run__status="approved")
    return sum(lines.exclude(item__in=["offset", "repay"]).values_list("amount", flat=True))


def test_a_rise_from_november_approved_after_decembers_run_is_paid_for_both_months(cast):
    payment_settings(cast.office_a)
    own = cast.households["own"]
    decided(own, cast.users["cw"], living=80_000)
    bank_account(cast.users["cw"], own)
    approved_run(cast, NOVEMBER)
    approved_run(cast, DECEMBER)
    decided(own, cast.users["cw"], kind="change", effective_from=NOVEMBER, living=83_000)
    extra_run(cast, NOVEMBER)
    assert paid_for(own, NOVEMBER) == 83_000
    assert paid_for(own, DECEMBER) == 83_000
    approved_run(cast, JANUARY)
    assert paid_for(own, JANUARY) == 83_000
    assert paid_for(own, DECEMBER) == 83_000  # nothing paid twice
