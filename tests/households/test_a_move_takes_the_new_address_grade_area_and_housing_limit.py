"""転居: from the day of the move the household is computed where it now lives — the new 級地 (第1類・
第2類), the new prefecture or city's 住宅扶助 limit and its 冬季加算 region (from the prefecture when
not given) — with the new rent; the months before stay as they were, and the decision's notice goes to
the new address."""

from datetime import date

from hogo.decisions import changes
from hogo.decisions.models import Decision

from .circumstance_helpers import OCTOBER, record_change, under_start_decision

SAPPORO_LIMIT_ONE_PERSON = 36_000  # 札幌市 (designated city), one person (housing.json, 社援発0414第9号)
NEW_ADDRESS = "北海道札幌市中央区北一条西二丁目1番"


def _in_tokyo(cast):
    household = cast.households["own"]
    household.prefecture, household.rent = "東京都", 30_000
    household.save()
    return household


def _move(cw, household, **more):
    values = {
        "amount": 41_000,
        "new_address": NEW_ADDRESS,
        "new_postal_code": "060-0001",
        "new_prefecture": "北海道",
        "new_municipality": "札幌市",
        "new_grade_area": "1-2",
        "source_document": "resident_record",
    }
    return record_change(cw, household, "move", member=None, **(values | more))


def test_from_the_move_the_new_grade_area_limit_and_winter_region_count(cast):
    household, cw = _in_tokyo(cast), cast.users["cw"]
    under_start_decision(household, cw)
    _move(cw, household)

    comparison = changes.compare(household, OCTOBER)

    assert comparison.facts["grade_area"] == "1-2"
    assert comparison.facts["prefecture"] == "北海道" and comparison.facts["municipality"] == "札幌市"
    assert comparison.facts["winter_region"] is None  # left to the prefecture: 北海道 is region I
    assert comparison.facts["rent"] == 41_000
    assert comparison.amounts["housing"] == SAPPORO_LIMIT_ONE_PERSON
    housing = next(line for line in comparison.calc.lines if line.code == "housing")
    assert "札幌市" in housing.working
    assert comparison.changed


def test_the_months_before_the_move_are_computed_at_the_old_address(cast):
    household, cw = _in_tokyo(cast), cast.users["cw"]
    under_start_decision(household, cw)
    _move(cw, household)

    september = changes.compare(household, date(2026, 9, 1))

    assert september.facts["grade_area"] == "1-1" and september.facts["rent"] == 30_000
    assert september.amounts["housing"] == 30_000
    assert not september.changed


def test_the_change_decision_names_the_move_and_is_addressed_to_the_new_address(cast):
    household, cw = _in_tokyo(cast), cast.users["cw"]
    under_start_decision(household, cw)
    _move(cw, household)

    changes.draft_change(cw, household, effective_from=OCTOBER)

    decision = Decision.objects.get(household=household, kind="change")
    assert f"令和8年10月分から 転居：{NEW_ADDRESS}（1級地-2・家賃 月額 41,000円）" in decision.reasons
    assert decision.snapshot["address"] == NEW_ADDRESS and decision.snapshot["postal_code"] == "060-0001"
    assert decision.amounts["housing"] == SAPPORO_LIMIT_ONE_PERSON


def test_a_rent_change_after_the_move_replaces_the_rent_of_the_move(cast):
    household, cw = _in_tokyo(cast), cast.users["cw"]
    under_start_decision(household, cw)
    _move(cw, household)
    record_change(cw, household, "rent", member=None, amount=33_000, effective_from=date(2026, 12, 1))

    assert changes.compare(household, date(2026, 11, 1)).facts["rent"] == 41_000
    assert changes.compare(household, date(2026, 12, 1)).facts["rent"] == 33_000


def test_a_given_winter_region_is_checked_against_the_new_prefecture(cast):
    household, cw = _in_tokyo(cast), cast.users["cw"]
    under_start_decision(household, cw)
    _move(cw, household, new_winter_region="VI")

    comparison = changes.compare(household, OCTOBER)

    assert "winter_region" in comparison.problem or "地区" in comparison.problem
