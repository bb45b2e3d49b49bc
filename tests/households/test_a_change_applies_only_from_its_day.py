"""A change counts only from the day it takes effect (and until its end, when it has one): the month
before is computed as it was, a comparison for an earlier month finds nothing to change, and a fact
from the middle of a month splits that month (日割) while the monthly amount changes in full."""

from datetime import date

from hogo.decisions import changes

from .circumstance_helpers import OCTOBER, record_change, under_start_decision


def test_the_month_before_the_fact_is_computed_without_it(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    record_change(cw, household, "care_premium", amount=3_000)

    september = changes.compare(household, date(2026, 9, 1))

    assert not [line for line in september.calc.lines if line.code == "care_premium"]
    assert september.amounts["living"] == start.amounts["living"] and not september.changed
    assert changes.draft_change(cw, household, effective_from=date(2026, 9, 1)).decision is None


def test_a_fact_with_an_end_counts_only_within_its_period(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    november, december = date(2026, 11, 1), date(2026, 12, 1)
    without = {month: changes.compare(household, month).amounts["living"] for month in (november, december)}
    record_change(cw, household, "care_premium", amount=3_000, effective_to=date(2026, 11, 30))

    assert changes.compare(household, november).amounts["living"] == without[november] + 3_000
    assert changes.compare(household, december).amounts["living"] == without[december]


def test_a_fact_from_the_middle_of_a_month_is_prorated_in_that_month(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    record_change(cw, household, "care_premium", amount=3_100, effective_from=date(2026, 10, 16))

    assert not changes.compare(household, date(2026, 10, 15)).changed
    comparison = changes.compare(household, date(2026, 10, 16))

    assert comparison.prorated and comparison.new_total == start.benefit_total + 3_100
    living = next(line for line in comparison.month_lines() if line.code == "living")
    before, after = start.amounts["living"], start.amounts["living"] + 3_100
    assert living.after == -(-before * 15 // 31) + -(-after * 16 // 31)


def test_a_correction_recorded_later_for_the_same_day_is_the_one_in_force(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    first = record_change(cw, household, "care_premium", amount=3_000)
    record_change(cw, household, "care_premium", amount=2_800, note="納入通知書の読み違い")

    assert changes.compare(household, OCTOBER).amounts["living"] == start.amounts["living"] + 2_800
    first.refresh_from_db()
    assert first.amount == 3_000  # the first record stays, as history
