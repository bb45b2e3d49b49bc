"""Shared steps for the change-of-circumstances tests: a household under an approved start decision
(tests/decisions/change_helpers.py) and changes recorded the way a caseworker records them."""

from datetime import date

from hogo.common.kana import search_key
from hogo.households import circumstance_services
from hogo.households.circumstance_services import CircumstanceEntry
from hogo.households.models import Member
from tests.decisions.change_helpers import OCTOBER, STARTED, head_of, under_start_decision

__all__ = ["OCTOBER", "STARTED", "add_member", "head_of", "record_change", "under_start_decision"]


def record_change(cw, household, kind, *, member=None, effective_from=OCTOBER, **values):
    """Record one change of `household` (for a change of a member, the head by default)."""
    if member is None and kind in circumstance_services.OF_A_MEMBER:
        member = head_of(household)
    entry = CircumstanceEntry(kind=kind, member=member, effective_from=effective_from, **values)
    return circumstance_services.record_circumstance(cw, household, entry)


def add_member(household, name, *, birth_date, sex="female", relation="spouse"):
    return Member.objects.create(
        household=household,
        name=name,
        name_kana="カゾク",
        search_name=search_key(name),
        search_kana=search_key("カゾク"),
        birth_date=birth_date,
        sex=sex,
        relation=relation,
        joined_on=date(2020, 4, 1),
    )
