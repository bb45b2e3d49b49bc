"""転入・出生: a member added with 「世帯員となった日」 later than the first members' counts from that day —
not in the months before — and the change decision names them; the first members always count (their
世帯員となった日 is the start of the case)."""

from datetime import date

from hogo.decisions import changes
from hogo.decisions.models import Decision
from hogo.households.models import Member

from .circumstance_helpers import add_member, under_start_decision

BORN = date(2026, 10, 15)


def _founded(household):
    Member.objects.filter(household=household).update(joined_on=date(2026, 4, 1))


def _newborn(household):
    baby = add_member(household, "山田 みらい", birth_date=BORN, relation="child")
    baby.joined_on = BORN
    baby.save()
    return baby


def test_a_newborn_counts_from_the_day_of_birth_and_not_before(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    _founded(household)
    under_start_decision(household, cw)
    baby = _newborn(household)

    october = changes.compare(household, date(2026, 10, 1))
    from_birth = changes.compare(household, BORN)

    assert str(baby.public_id) not in [m["id"] for m in october.facts["members"]]
    assert str(baby.public_id) in [m["id"] for m in from_birth.facts["members"]]
    assert not october.changed and from_birth.changed
    assert from_birth.prorated  # from the 15th: the month is split by the ledger's rule


def test_the_change_decision_names_the_member_who_joined(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    _founded(household)
    under_start_decision(household, cw)
    _newborn(household)

    changes.draft_change(cw, household, effective_from=BORN)

    decision = Decision.objects.get(household=household, kind="change")
    assert "令和8年10月15日から 山田 みらいさんが世帯員となった" in decision.reasons


def test_members_who_founded_the_household_count_before_their_day(cast):
    household = cast.households["own"]
    _founded(household)
    head = household.members.get(relation="head")

    facts = changes.compare(household, date(2026, 3, 1)).facts

    assert facts is not None and [m["id"] for m in facts["members"]] == [str(head.public_id)]
