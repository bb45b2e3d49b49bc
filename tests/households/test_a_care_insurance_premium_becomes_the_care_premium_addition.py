"""介護保険料（普通徴収）: the monthly premium recorded from a month becomes 介護保険料加算 (its actual
amount) in the recomputed amounts and in the change decision drafted for that month."""

from hogo.decisions import changes
from hogo.decisions.models import Decision

from .circumstance_helpers import OCTOBER, head_of, record_change, under_start_decision


def test_the_premium_is_added_to_living_assistance_in_the_recomputed_amounts(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    record_change(cw, household, "care_premium", amount=3_000, source_document="care_premium_notice")

    comparison = changes.compare(household, OCTOBER)

    premium = [line for line in comparison.calc.lines if line.code == "care_premium"]
    assert [(line.amount, line.member) for line in premium] == [(3_000, str(head_of(household).public_id))]
    assert comparison.amounts["living"] == start.amounts["living"] + 3_000
    assert comparison.changed


def test_the_drafted_change_decision_carries_the_premium_and_names_it_in_its_reasons(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    record_change(cw, household, "care_premium", amount=3_000)

    drafted = changes.draft_change(cw, household, effective_from=OCTOBER)

    decision = Decision.objects.get(household=household, kind="change")
    assert drafted.decision == decision
    assert decision.amounts["living"] == start.amounts["living"] + 3_000
    assert decision.benefit_total == start.benefit_total + 3_000
    assert decision.reasons.splitlines()[0] == (
        "令和8年10月分から 山田 太郎さんの介護保険料（普通徴収の月額）：月額 3,000円"
    )


def test_a_later_premium_replaces_the_earlier_one_from_its_own_day(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    november, december = OCTOBER.replace(month=11), OCTOBER.replace(month=12)
    without = {month: changes.compare(household, month).amounts["living"] for month in (november, december)}
    record_change(cw, household, "care_premium", amount=3_000)
    record_change(cw, household, "care_premium", amount=4_500, effective_from=december)

    assert changes.compare(household, november).amounts["living"] == without[november] + 3_000
    assert changes.compare(household, december).amounts["living"] == without[december] + 4_500
