"""An income entered for October lowers the benefit: drafting makes exactly one change decision,
effective from October 1st, with the recomputed amounts per 扶助, the reasons naming the income, a
need test of that day, and the comparison line by line against the decision in force."""

from hogo.audit.models import Action, AuditEntry
from hogo.decisions import changes
from hogo.decisions.models import Decision, DecisionStatus

from .change_helpers import OCTOBER, enter_income, under_start_decision


def test_an_income_that_lowers_the_benefit_drafts_one_change_decision_from_its_month(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    enter_income(cw, household)

    drafted = changes.draft_change(cw, household, effective_from=OCTOBER)

    decision = Decision.objects.get(household=household, kind="change")
    assert drafted.decision == decision and decision.status == DecisionStatus.DRAFT
    assert decision.effective_from == OCTOBER
    assert decision.benefit_total == start.benefit_total - 55_900  # 100,000 − 20,500 − 基礎控除 23,600
    assert decision.amounts["living"] == start.amounts["living"] - 55_900
    assert decision.need_test.as_of == OCTOBER and decision.need_test.recognized_income == 55_900
    assert decision.reasons.splitlines() == [
        "令和8年10月分から 山田 太郎さんの就労収入（給与 100,000円）を認定",
        f"扶助額（月額） {start.benefit_total:,}円 → {decision.benefit_total:,}円",
    ]
    assert decision.snapshot["head_name"] == "山田 太郎"
    assert AuditEntry.objects.filter(action=Action.CREATE, target_id=str(decision.public_id)).count() == 1


def test_the_comparison_shows_each_assistance_and_the_total_before_and_after(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    enter_income(cw, household)

    comparison = changes.compare(household, OCTOBER)

    lines = {line.code: line for line in comparison.monthly_lines()}
    assert (lines["living"].before, lines["living"].change) == (start.amounts["living"], -55_900)
    assert (lines["total"].before, lines["total"].after) == (start.benefit_total, start.benefit_total - 55_900)
    assert comparison.changed and not comparison.prorated


def test_a_change_from_the_middle_of_a_month_shows_that_month_prorated_by_the_ledgers_rule(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    enter_income(cw, household)

    comparison = changes.compare(household, OCTOBER.replace(day=16))  # 15 of October's 31 days before

    assert comparison.prorated
    total = comparison.month_lines()[-1]
    new_total = start.benefit_total - 55_900
    assert total.label == "令和8年10月分の合計"
    assert total.before == start.benefit_total
    living_before, living_after = start.amounts["living"], start.amounts["living"] - 55_900
    living = next(line for line in comparison.month_lines() if line.code == "living")
    assert living.after == -(-living_before * 15 // 31) + -(-living_after * 16 // 31)
    assert total.after == sum(line.after for line in comparison.month_lines()[:-1])
    assert total.after < start.benefit_total and total.after > new_total
