"""妊娠・出産: a pregnancy recorded for a woman of the household gives 妊産婦加算 from its day, at the
stage recorded, and ends when its period ends."""

from datetime import date

from hogo.decisions import changes
from hogo.decisions.models import Decision

from .circumstance_helpers import OCTOBER, add_member, record_change, under_start_decision


def test_a_pregnancy_gives_the_pregnancy_addition_in_the_drafted_change_decision(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    wife = add_member(household, "山田 花子", birth_date=date(1990, 6, 1))
    start = under_start_decision(household, cw)
    without = changes.compare(household, OCTOBER).amounts
    record_change(
        cw, household, "pregnancy", member=wife, pregnancy_stage="under_6_months", effective_to=date(2026, 12, 31)
    )

    comparison = changes.compare(household, OCTOBER)

    lines = [line for line in comparison.calc.lines if line.code == "pregnancy"]
    assert len(lines) == 1 and lines[0].member == str(wife.public_id) and lines[0].amount > 0
    assert comparison.amounts["living"] == without["living"] + lines[0].amount
    changes.draft_change(cw, household, effective_from=OCTOBER)
    decision = Decision.objects.get(household=household, kind="change")
    assert decision.benefit_total == comparison.new_total > start.benefit_total
    assert "山田 花子さんの妊娠・出産：妊娠6か月未満" in decision.reasons


def test_the_addition_ends_with_the_period_of_the_fact(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    wife = add_member(household, "山田 花子", birth_date=date(1990, 6, 1))
    under_start_decision(household, cw)
    january = date(2027, 1, 1)
    without = changes.compare(household, january).amounts
    record_change(
        cw, household, "pregnancy", member=wife, pregnancy_stage="from_6_months", effective_to=date(2026, 12, 31)
    )

    in_december = changes.compare(household, date(2026, 12, 1))
    in_january = changes.compare(household, january)

    assert [line.working for line in in_december.calc.lines if line.code == "pregnancy"] == ["from_6_months、1級地"]
    assert not [line for line in in_january.calc.lines if line.code == "pregnancy"]
    assert in_january.amounts == without
