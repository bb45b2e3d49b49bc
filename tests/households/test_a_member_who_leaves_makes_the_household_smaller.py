"""世帯員の転出・死亡: a member who leaves stops counting from the day the fact takes effect — the
household is computed as one person fewer, the member's 世帯を離れた日 is the day before, and the
drafted change decision says who left."""

from datetime import date

from hogo.decisions import changes
from hogo.decisions.models import Decision

from .circumstance_helpers import OCTOBER, add_member, record_change, under_start_decision


def test_a_member_who_moves_out_is_no_longer_counted_from_the_day_of_the_fact(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    son = add_member(household, "山田 一郎", birth_date=date(1985, 3, 1), sex="male", relation="child")
    start = under_start_decision(household, cw)
    assert len(start.need_test.facts["members"]) == 2
    record_change(cw, household, "departure", member=son, source_document="resident_record")

    son.refresh_from_db()
    assert son.left_on == date(2026, 9, 30)
    comparison = changes.compare(household, OCTOBER)
    assert [m["id"] for m in comparison.facts["members"]] == [str(household.members.get(relation="head").public_id)]
    assert comparison.new_total < start.benefit_total
    assert len(changes.compare(household, date(2026, 9, 1)).facts["members"]) == 2

    changes.draft_change(cw, household, effective_from=OCTOBER)
    decision = Decision.objects.get(household=household, kind="change")
    assert decision.benefit_total == comparison.new_total
    assert "山田 一郎さんが世帯を離れた（令和8年9月30日）" in decision.reasons
