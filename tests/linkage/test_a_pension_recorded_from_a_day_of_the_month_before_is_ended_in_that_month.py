"""A pension recorded from a day that is not the 1st (as older entries and the demo have them) in the month
before the revision: the entry that ends it ends in that month — not on the 1st, before it started, which
the database refuses — and the revision drafts as usual."""

from datetime import date

from hogo.decisions.models import Decision
from hogo.households.models import Income

from ..decisions.change_helpers import head_of, under_start_decision
from .helpers import import_pension, pension_line, with_number


def test_the_old_entry_ends_on_its_own_first_day_and_the_revision_drafts(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    head = with_number(head_of(household), "100000000001")
    under_start_decision(household, cw, effective_from=date(2026, 5, 1))
    old = Income.objects.create(
        member=head, kind="pension", detail="老齢基礎年金", monthly_amount=60_000, since=date(2026, 5, 14)
    )

    imported = import_pension(cast.users["sv"], cast.office_a, pension_line(head, annual=780_000, month="2026-06"))

    ended = Income.objects.get(supersedes=old)
    assert (ended.since, ended.until) == (date(2026, 5, 14), date(2026, 5, 14))
    assert Income.objects.get(supersedes__isnull=True, since=date(2026, 6, 1)).monthly_amount == 65_000
    assert imported.counts["drafted"] == 1 and Decision.objects.filter(kind="change").count() == 1
