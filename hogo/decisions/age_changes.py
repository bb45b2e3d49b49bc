"""Changes that come by the calendar, not by a report (issue 15 item 3): a child ageing out of 児童養育加算,
a new school stage in April, a new 第1類 age band, a member who joins (転入・出生) in the month. Nobody
reports them, so the caseworker's list for a month finds them among the households they may change, and
one button drafts the change decisions through the same path as any other change (`changes.draft_changes`:
one decision per household for the month, only where an amount changes, each waiting draft skipped).
"""

from dataclasses import dataclass
from datetime import date

from hogo.households.models import Household, Status
from hogo.households.scoping import editable_among, households_visible_to
from hogo.offices.acting import office_for
from hogo.offices.models import Office, Role

from . import changes

NOT_CASEWORKING = "年齢等による変更を起案できるのは、担当の現業員と係の査察指導員です。"


@dataclass(frozen=True)
class Due:
    """A household with changes by the calendar in a month."""

    household: Household
    reasons: list[str]


def due_in(actor, month: date, office: Office | None = None) -> list[Due]:
    """The households of the actor's office that the actor may change and that are under assistance,
    with what changes by the calendar from the first of `month` (read-only; a list of households, not
    a read of each record: the household page stays the audited read)."""
    office = office_for(actor, office, (Role.CASEWORKER, Role.SUPERVISOR), denied=NOT_CASEWORKING)
    month = month.replace(day=1)
    candidates = households_visible_to(actor).filter(office=office, status=Status.ACTIVE)
    ids = editable_among(actor, candidates.values_list("pk", flat=True))
    if not ids:
        return []
    found = changes.joined_and_aged(ids, month)
    households = Household.objects.filter(pk__in=list(found)).order_by("case_number", "pk")
    return [Due(h, found[h.pk]) for h in households]


def draft_due(actor, month: date, office: Office | None = None) -> changes.BulkResult:
    """Draft the change decisions of `due_in` for the first of `month` (nothing when nothing is due)."""
    due = due_in(actor, month, office)
    if not due:
        return changes.BulkResult()
    return changes.draft_changes(actor, [d.household.pk for d in due], effective_from=month.replace(day=1))
