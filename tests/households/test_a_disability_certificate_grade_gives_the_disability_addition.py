"""障害者手帳の等級: a 身体障害者手帳 2級 recorded from a month gives 障害者加算 at the 1・2級相当 level from
that month; a 3級 gives the lower level; a 4級 gives none."""

import pytest

from hogo.decisions import changes
from hogo.decisions.models import Decision

from .circumstance_helpers import OCTOBER, record_change, under_start_decision

SEVERE_1_1 = 27_460  # 障害者加算 1・2級相当, 1級地: the 2026-04 version (unverified), in force in October 2026


def _disability_lines(comparison):
    return [line for line in comparison.calc.lines if line.code == "disability" and line.amount]


def test_a_grade_2_physical_certificate_gives_the_higher_disability_addition(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    record_change(cw, household, "disability", certificate="physical", grade="2級")

    comparison = changes.compare(household, OCTOBER)

    assert [line.amount for line in _disability_lines(comparison)] == [SEVERE_1_1]
    assert comparison.amounts["living"] == start.amounts["living"] + SEVERE_1_1
    changes.draft_change(cw, household, effective_from=OCTOBER)
    decision = Decision.objects.get(household=household, kind="change")
    assert decision.benefit_total == start.benefit_total + SEVERE_1_1
    assert "障害者手帳の等級：身体障害 2級" in decision.reasons


@pytest.mark.parametrize("certificate, grade, level", [("physical", "3級", "3級相当"), ("mental", "2級", "3級相当")])
def test_a_grade_3_physical_or_grade_2_mental_certificate_gives_the_lower_addition(cast, certificate, grade, level):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    record_change(cw, household, "disability", certificate=certificate, grade=grade)

    lines = _disability_lines(changes.compare(household, OCTOBER))

    assert len(lines) == 1 and 0 < lines[0].amount < SEVERE_1_1 and level in lines[0].working


def test_a_grade_4_physical_certificate_gives_no_addition_and_nothing_to_draft(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    record_change(cw, household, "disability", certificate="physical", grade="4級")

    comparison = changes.compare(household, OCTOBER)

    assert not _disability_lines(comparison) and not comparison.changed
    assert changes.draft_change(cw, household, effective_from=OCTOBER).decision is None
