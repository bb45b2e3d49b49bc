"""Each seeded rule's due-date computation, as pure functions (no database)."""

import json
from datetime import date
from pathlib import Path

import pytest

from hogo.followups import schedule
from hogo.followups.schedule import HouseholdFacts, RuleSpec, add_months, occurrences, urgency

DEFAULTS = {
    r["code"]: r
    for r in json.loads((Path(__file__).parents[2] / "hogo/followups/default_rules.json").read_text(encoding="utf-8"))[
        "rules"
    ]
}
LONG_AGO = date(2020, 1, 1)


def spec(code, **overrides) -> RuleSpec:
    values = {
        k: v
        for k, v in DEFAULTS[code].items()
        if k
        in {"schedule", "interval_months", "interval_days", "day", "month", "date_field", "grade_months", "warn_days"}
    }
    values["applies_when"] = tuple(DEFAULTS[code]["applies_when"])
    values.setdefault("effective_from", LONG_AGO)
    values.update(overrides)
    return RuleSpec(id=1, **values)


def household(*facts, anchor=date(2024, 4, 1), grade="", dates=None):
    return HouseholdFacts(1, frozenset(facts), anchor, grade, dates or {})


def due(rule, facts, last_done=None, today=date(2026, 11, 23)):
    found = occurrences(rule, facts, last_done, today)
    return [o.due_on for o in found]


def test_every_seeded_rule_passes_its_own_validation():
    for code, values in DEFAULTS.items():
        assert schedule.rule_problems(values) == {}, code


# 資産申告: 12 months from the last declaration, or from the start of assistance.
def test_assets_declaration_is_due_twelve_months_after_the_last_one():
    assert due(spec("assets_declaration"), household("under_assistance"), last_done=date(2026, 3, 15)) == [
        date(2027, 3, 15)
    ]


def test_assets_declaration_counts_from_the_start_of_assistance_when_none_was_received():
    assert due(spec("assets_declaration"), household("under_assistance", anchor=date(2026, 2, 1))) == [date(2027, 2, 1)]


def test_a_declaration_on_29_february_falls_due_on_28_february_the_next_year():
    assert due(spec("assets_declaration"), household("under_assistance"), last_done=date(2024, 2, 29)) == [
        date(2025, 2, 28)
    ]


def test_month_end_arithmetic_falls_back_to_the_last_day_of_the_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 8, 31), 3) == date(2026, 11, 30)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_assets_declaration_does_not_apply_after_assistance_ended():
    assert due(spec("assets_declaration"), household()) == []


# 課税調査: every June, for current and last-year recipients.
def test_tax_check_is_due_on_30_june_of_the_current_year():
    assert due(spec("tax_check"), household("recipient_this_or_last_year"), today=date(2026, 6, 1)) == [
        date(2026, 6, 30)
    ]


def test_tax_check_warns_from_1_june():
    (occ,) = occurrences(spec("tax_check"), household("recipient_this_or_last_year"), None, date(2026, 5, 20))
    assert occ.warn_on == date(2026, 6, 1)
    assert urgency(occ.due_on, occ.warn_on, date(2026, 5, 31)) == "upcoming"
    assert urgency(occ.due_on, occ.warn_on, date(2026, 6, 1)) == "due"
    assert urgency(occ.due_on, occ.warn_on, date(2026, 7, 1)) == "overdue"


def test_tax_check_covers_a_household_whose_assistance_ended_last_year():
    assert due(spec("tax_check"), household("recipient_this_or_last_year"), today=date(2027, 6, 10)) == [
        date(2027, 6, 30)
    ]


def test_tax_check_skips_households_that_were_not_recipients():
    assert due(spec("tax_check"), household("at_home"), today=date(2026, 6, 10)) == []


def test_tax_check_of_a_year_before_the_rule_took_effect_is_not_generated():
    assert (
        due(
            spec("tax_check", effective_from=date(2026, 7, 1)),
            household("recipient_this_or_last_year"),
            today=date(2026, 11, 23),
        )
        == []
    )


# 収入申告: monthly for earners, every 12 months otherwise.
def test_earners_declare_income_by_the_10th_of_every_month():
    found = occurrences(
        spec("income_declaration_earners"), household("under_assistance", "has_earnings"), None, date(2026, 11, 23)
    )
    assert [(o.due_on, o.period_label) for o in found] == [(date(2026, 11, 10), "令和8年11月")]


def test_monthly_rule_on_the_31st_falls_on_the_last_day_of_february():
    assert due(spec("job_search_report"), household("under_assistance", "able_to_work"), today=date(2026, 2, 3)) == [
        date(2026, 2, 28)
    ]
    assert due(spec("job_search_report"), household("under_assistance", "able_to_work"), today=date(2028, 2, 3)) == [
        date(2028, 2, 29)
    ]


def test_a_monthly_item_before_assistance_started_is_not_generated():
    facts = household("under_assistance", "has_earnings", anchor=date(2026, 11, 15))
    assert due(spec("income_declaration_earners"), facts, today=date(2026, 11, 20)) == []


def test_households_without_earnings_declare_every_twelve_months():
    assert due(
        spec("income_declaration_others"), household("under_assistance", "no_earnings"), last_done=date(2025, 12, 1)
    ) == [date(2026, 12, 1)]
    assert due(spec("income_declaration_earners"), household("under_assistance", "no_earnings")) == []


# 医療要否意見書: 3 months inpatient, 6 months outpatient.
def test_medical_opinion_is_renewed_every_three_months_for_inpatients():
    assert due(
        spec("medical_opinion_inpatient"), household("under_assistance", "inpatient"), last_done=date(2026, 8, 31)
    ) == [date(2026, 11, 30)]


def test_medical_opinion_is_renewed_every_six_months_for_outpatients():
    assert due(
        spec("medical_opinion_outpatient"), household("under_assistance", "outpatient"), last_done=date(2026, 5, 31)
    ) == [date(2026, 11, 30)]


def test_the_medical_interval_is_configurable():
    assert due(
        spec("medical_opinion_outpatient", interval_months=4),
        household("under_assistance", "outpatient"),
        last_done=date(2026, 5, 31),
    ) == [date(2026, 9, 30)]


# 家庭訪問: by visit grade, never less often than the national floor.
@pytest.mark.parametrize("grade, months", [("A", 1), ("B", 2), ("C", 3), ("D", 6)])
def test_home_visits_follow_the_grade_interval(grade, months):
    assert due(
        spec("home_visit"), household("under_assistance", "at_home", grade=grade), last_done=date(2026, 5, 10)
    ) == [add_months(date(2026, 5, 10), months)]


def test_an_ungraded_household_at_home_is_visited_at_least_twice_a_year():
    assert due(spec("home_visit"), household("under_assistance", "at_home"), last_done=date(2026, 5, 10)) == [
        date(2026, 11, 10)
    ]


def test_a_grade_interval_longer_than_the_floor_is_cut_to_six_months():
    rule = spec("home_visit", grade_months={"D": 12})
    assert schedule.visit_interval_months(rule, "D", in_institution=False) == 6


def test_hospital_and_facility_residents_are_visited_once_a_year():
    assert due(
        spec("home_visit"), household("under_assistance", "in_institution", grade="A"), last_done=date(2026, 5, 10)
    ) == [date(2027, 5, 10)]


def test_an_office_may_visit_residents_more_often_but_never_less():
    assert schedule.visit_interval_months(spec("home_visit", grade_months={"institution": 6}), "", True) == 6
    assert schedule.visit_interval_months(spec("home_visit", grade_months={"institution": 18}), "", True) == 12


# 扶養 re-check, 介護認定, 障害者手帳, 年金
def test_support_recheck_is_yearly():
    assert due(spec("support_recheck"), household("under_assistance"), last_done=date(2026, 1, 31)) == [
        date(2027, 1, 31)
    ]


def test_care_certification_warns_sixty_days_before_it_expires():
    facts = household("under_assistance", dates={"care_certified_until": (("m7", date(2027, 1, 31)),)})
    (occ,) = occurrences(spec("care_certification"), facts, None, date(2026, 11, 23))
    assert (occ.due_on, occ.warn_on) == (date(2027, 1, 31), date(2026, 12, 2))


def test_each_member_with_a_certificate_gets_an_item():
    facts = household(
        "under_assistance",
        dates={"disability_certificate_until": (("m1", date(2027, 3, 31)), ("m2", date(2028, 1, 15)))},
    )
    assert due(spec("disability_certificate"), facts) == [date(2027, 3, 31), date(2028, 1, 15)]


def test_pension_revision_is_checked_in_june_for_pensioners_only():
    assert due(spec("pension_revision"), household("under_assistance", "has_pension"), today=date(2026, 6, 2)) == [
        date(2026, 6, 30)
    ]
    assert due(spec("pension_revision"), household("under_assistance"), today=date(2026, 6, 2)) == []


def test_recognition_deadlines_come_from_receipts_not_from_the_calendar():
    assert due(spec("declaration_recognition"), household("under_assistance")) == []


def test_a_check_done_before_the_rule_took_effect_counts_from_the_effective_date():
    rule = spec("support_recheck", effective_from=date(2026, 4, 1))
    assert due(rule, household("under_assistance"), last_done=date(2025, 1, 10)) == [date(2027, 4, 1)]
