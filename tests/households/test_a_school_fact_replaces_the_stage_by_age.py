"""就学状況: the school stage by age (学校教育法第17条) is what the engine assumes; a recorded fact says
what is so from its day — a 16-year-old who does not attend gets no 高等学校等就学費, a 19-year-old still
in high school gets it — and the months before keep the stage by age."""

from datetime import date

from hogo.decisions import changes
from hogo.decisions.models import Decision

from .circumstance_helpers import OCTOBER, add_member, record_change, under_start_decision

HIGH_SCHOOL_BASIC = 5_300  # 生業扶助 高等学校等就学費 基本額 (education.json, unverified)


def _high_school_lines(comparison):
    return [line for line in comparison.calc.lines if line.code == "occupational"]


def test_a_sixteen_year_old_who_does_not_attend_gets_no_high_school_costs_from_the_fact(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    son = add_member(household, "山田 次郎", birth_date=date(2010, 5, 1), sex="male", relation="child")
    under_start_decision(household, cw)
    assert [line.amount for line in _high_school_lines(changes.compare(household, OCTOBER))] == [HIGH_SCHOOL_BASIC]

    record_change(cw, household, "school", member=son, school_stage="none", source_document="school")

    assert _high_school_lines(changes.compare(household, OCTOBER)) == []
    assert [line.amount for line in _high_school_lines(changes.compare(household, date(2026, 9, 1)))] == [
        HIGH_SCHOOL_BASIC
    ]
    changes.draft_change(cw, household, effective_from=OCTOBER)
    decision = Decision.objects.get(household=household, kind="change")
    assert "令和8年10月分から 山田 次郎さんの就学状況：就学していない" in decision.reasons


def test_a_nineteen_year_old_still_in_high_school_gets_the_high_school_costs(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    son = add_member(household, "山田 次郎", birth_date=date(2007, 5, 1), sex="male", relation="child")
    under_start_decision(household, cw)
    assert _high_school_lines(changes.compare(household, OCTOBER)) == []

    record_change(cw, household, "school", member=son, school_stage="high_school")

    lines = _high_school_lines(changes.compare(household, OCTOBER))
    assert [(line.member, line.amount) for line in lines] == [(str(son.public_id), HIGH_SCHOOL_BASIC)]
