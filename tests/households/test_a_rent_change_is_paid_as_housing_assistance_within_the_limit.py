"""家賃: a new rent recorded from a month is paid as 住宅扶助 up to the limit of the household's
prefecture and 級地 (東京都 1級地, one person: 53,700円); above the limit only the limit."""

from hogo.decisions import changes
from hogo.decisions.models import Decision

from .circumstance_helpers import OCTOBER, record_change, under_start_decision

LIMIT = 53_700


def _in_tokyo(cast):
    household = cast.households["own"]
    household.prefecture = "東京都"
    household.rent = 30_000
    household.save()
    return household


def test_a_rent_within_the_limit_is_paid_in_full_from_its_month(cast):
    household, cw = _in_tokyo(cast), cast.users["cw"]
    start = under_start_decision(household, cw)
    assert start.amounts["housing"] == 30_000
    record_change(cw, household, "rent", amount=40_000, source_document="lease")

    changes.draft_change(cw, household, effective_from=OCTOBER)

    decision = Decision.objects.get(household=household, kind="change")
    assert decision.amounts["housing"] == 40_000
    assert decision.benefit_total == start.benefit_total + 10_000
    assert "令和8年10月分から 家賃・間代：月額 40,000円" in decision.reasons


def test_a_rent_above_the_limit_is_paid_only_up_to_the_limit(cast):
    household, cw = _in_tokyo(cast), cast.users["cw"]
    under_start_decision(household, cw)
    record_change(cw, household, "rent", amount=90_000)

    comparison = changes.compare(household, OCTOBER)

    assert comparison.amounts["housing"] == LIMIT
    housing = next(line for line in comparison.calc.lines if line.code == "housing")
    assert "家賃 90,000円" in housing.working and "限度額 53,700円" in housing.working


def test_the_household_rent_still_counts_before_the_recorded_month(cast):
    household, cw = _in_tokyo(cast), cast.users["cw"]
    under_start_decision(household, cw)
    record_change(cw, household, "rent", amount=40_000)

    assert changes.compare(household, OCTOBER.replace(month=9)).amounts["housing"] == 30_000
