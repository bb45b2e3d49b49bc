"""The income recognition rules as plain functions: the month of recognition, a payment for several
months as a monthly figure, the average of varying earnings, overlapping periods."""

from datetime import date

import pytest

from hogo.households import income_rules as r


def test_earnings_are_recognised_in_the_month_received_by_default():
    assert r.recognition_month("earnings", date(2026, 6, 25)) == date(2026, 6, 1)


def test_an_office_may_recognise_earnings_in_the_month_after_they_are_received():
    rules = r.OfficeIncomeRules(earnings_month=r.NEXT_MONTH)
    assert r.recognition_month("earnings", date(2026, 12, 25), rules) == date(2027, 1, 1)


def test_a_pension_is_recognised_in_the_month_it_is_paid_whatever_the_earnings_rule():
    rules = r.OfficeIncomeRules(earnings_month=r.NEXT_MONTH)
    assert r.recognition_month("pension", date(2026, 6, 15), rules) == date(2026, 6, 1)


def test_an_unknown_month_rule_is_an_error():
    with pytest.raises(ValueError):
        r.recognition_month("earnings", date(2026, 6, 1), r.OfficeIncomeRules(earnings_month="later"))


@pytest.mark.parametrize(
    "amount, months, rounding, monthly",
    [
        (130_000, 2, r.FLOOR, 65_000),
        (130_001, 2, r.FLOOR, 65_000),
        (130_001, 2, r.ROUND_HALF_UP, 65_001),
        (40_000, 4, r.FLOOR, 10_000),
        (100, 3, r.ROUND_HALF_UP, 33),
        (101, 3, r.ROUND_HALF_UP, 34),
    ],
)
def test_a_payment_for_several_months_is_a_whole_yen_monthly_figure(amount, months, rounding, monthly):
    assert r.monthly_from_payment(amount, months, rounding) == monthly


@pytest.mark.parametrize("amount, months", [(-1, 2), (1.5, 2), (100, 0)])
def test_a_bad_payment_is_an_error(amount, months):
    with pytest.raises(ValueError):
        r.monthly_from_payment(amount, months)


def test_varying_earnings_are_the_mean_of_the_last_three_months_rounded_down():
    assert r.averaged_earnings([200_000, 90_000, 100_000, 110_001]) == 100_000
    assert r.averaged_earnings([90_000, 100_001], months=3) == 95_000


def test_averaging_refuses_no_months_and_negative_amounts():
    with pytest.raises(ValueError):
        r.averaged_earnings([])
    with pytest.raises(ValueError):
        r.averaged_earnings([100, -1])


def test_amounts_above_the_office_bound_need_confirmation():
    assert not r.needs_confirmation(500_000)
    assert r.needs_confirmation(500_001)
    assert not r.needs_confirmation(800_000, r.OfficeIncomeRules(plausible_monthly_max=1_000_000))


def test_periods_overlap_when_they_share_a_month():
    oct_, nov, dec = date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)
    assert r.periods_overlap(oct_, None, dec, None)
    assert r.periods_overlap(oct_, nov, nov, dec)
    assert not r.periods_overlap(oct_, oct_, nov, None)


def test_an_income_counts_in_the_months_of_its_period():
    assert r.in_period(date(2026, 10, 15), date(2026, 10, 1), None)
    assert not r.in_period(date(2026, 9, 30), date(2026, 10, 1), None)
    assert not r.in_period(date(2027, 1, 1), date(2026, 10, 1), date(2026, 12, 1))


def test_every_rule_not_confirmed_against_its_source_says_so():
    assert all("原文未確認" in rule.citation for rule in r.RULES.values() if not rule.confirmed)
