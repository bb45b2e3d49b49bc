"""Two changes that take effect in the same month make one change decision: it is computed from every
fact in force that month, and its reasons name both."""

from hogo.decisions import changes
from hogo.decisions.models import Decision

from .change_helpers import OCTOBER, enter_income, under_start_decision


def test_a_pay_slip_and_a_pension_of_the_same_month_make_one_decision_with_both_reasons(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    enter_income(cw, household)
    enter_income(cw, household, kind="pension", amount=10_000, detail="老齢基礎年金", payer="日本年金機構")

    drafted = changes.draft_change(cw, household, effective_from=OCTOBER)

    decision = Decision.objects.get(kind="change")
    assert drafted.decision == decision
    assert decision.benefit_total == start.benefit_total - 55_900 - 10_000
    assert decision.need_test.recognized_income == 65_900
    assert decision.reasons.splitlines()[:2] == [
        "令和8年10月分から 山田 太郎さんの就労収入（給与 100,000円）を認定",
        "令和8年10月分から 山田 太郎さんの年金（老齢基礎年金 10,000円）を認定",
    ]


def test_the_bulk_form_also_drafts_one_decision_per_household(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    enter_income(cw, household)
    enter_income(cw, household, kind="pension", amount=10_000, detail="老齢基礎年金", payer="日本年金機構")

    result = changes.draft_changes(cw, [household.pk, household.pk], effective_from=OCTOBER)

    assert [d.household_id for d in result.drafted] == [household.pk]
    assert Decision.objects.filter(kind="change").count() == 1
