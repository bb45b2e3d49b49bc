"""Reads for visits and case records, always starting from the scoping function."""

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.utils import timezone

from hogo.common.search_terms import terms
from hogo.followups.models import FollowUp, State
from hogo.followups.schedule import urgency
from hogo.households.models import Member, Relation
from hogo.households.scoping import active_assignments, caseload_of, households_visible_to
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from .models import CaseRecord, Visit, VisitStatus

SEARCH_LIMIT = 50


def with_head(households: QuerySet) -> QuerySet:
    head = Member.objects.filter(household=OuterRef("pk"), relation=Relation.HEAD).values("name")[:1]
    return households.annotate(head_name=Subquery(head))


@dataclass
class DueVisit:
    household: object
    due_on: date | None
    urgency: str
    planned: list


def due_visits(user, month_start: date, month_end: date, today: date) -> list[DueVisit]:
    """The caseworker's households whose visit is due by the end of the month (overdue ones too),
    with visits already planned in the month."""
    caseload = caseload_of(user, today)
    items = {
        i.household_id: i
        for i in FollowUp.objects.filter(
            household__in=caseload,
            rule__code="home_visit",
            state__in=(State.OPEN, State.SNOOZED),
            due_on__lte=month_end,
        )
    }
    planned: dict[int, list] = {}
    for visit in (
        Visit.objects.filter(household__in=caseload, planned_on__range=(month_start, month_end))
        .exclude(status=VisitStatus.CANCELLED)
        .select_related("portal_answer")  # the recipient's answer from the portal (hogo.checkins)
    ):
        planned.setdefault(visit.household_id, []).append(visit)
    ids = set(items) | set(planned)
    rows = []
    for household in with_head(caseload.filter(pk__in=ids)):
        item = items.get(household.pk)
        rows.append(
            DueVisit(
                household,
                item.due_on if item else None,
                urgency(item.due_on, item.warn_on, today) if item else "upcoming",
                planned.get(household.pk, []),
            )
        )
    rows.sort(key=lambda r: (r.due_on or month_end, r.household.case_number))
    return rows


def month_visits(user, month_start: date, month_end: date, today: date) -> list[Visit]:
    return list(
        Visit.objects.filter(household__in=caseload_of(user, today), planned_on__range=(month_start, month_end))
        .exclude(status=VisitStatus.CANCELLED)
        .select_related("household", "portal_answer")  # the recipient's answer from the portal (hogo.checkins)
        .order_by("planned_on", "slot")
    )


def search_records(
    user,
    query: str = "",
    *,
    household=None,
    caseworker_id=None,
    kind: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    today: date | None = None,
):
    """Records the user may see, matching every content word of the query by its normalised form
    (so 通院した finds 通院). Newest first."""
    records = _in_scope(user, today)
    if household is not None:
        records = records.filter(household=household)
    if caseworker_id:
        records = records.filter(
            household__in=active_assignments(today or timezone.localdate())
            .filter(caseworker_id=caseworker_id)
            .values("household_id")
        )
    if kind:
        records = records.filter(kind=kind)
    if date_from:
        records = records.filter(occurred_on__gte=date_from)
    if date_to:
        records = records.filter(occurred_on__lte=date_to)
    words = list(dict.fromkeys(terms(query)))
    if query.strip() and not words:
        return records.none(), words
    if words:
        records = match_terms(records, words)
    return records.select_related("household", "author__staff").order_by("-occurred_on", "-id"), words


# PostgreSQL: the stored tsvector column and GIN index of migration 0005. As a real column it has
# statistics (most common terms), so the planner walks the newest records for a common word and
# uses the GIN index for a rare one.
MATCH = "casework_caserecord.search_vector @@ plainto_tsquery('simple'::regconfig, %s)"


def _in_scope(user, today) -> QuerySet:
    """Records of the households the user may see. On PostgreSQL a team-scoped user's households
    are passed as an array, so the (household, terms) GIN index of migration 0006 finds their
    matching records directly; office-wide users walk the newest records instead."""
    visible = households_visible_to(user, today)
    if connection.vendor == "postgresql" and not standing_of(user, today).offices_with(Role.CHIEF, Role.CLERK):
        ids = list(visible.values_list("pk", flat=True))
        return CaseRecord.objects.extra(where=["casework_caserecord.household_id = ANY(%s)"], params=[ids])
    return CaseRecord.objects.filter(household__in=visible)


def match_terms(records: QuerySet, words: list[str]) -> QuerySet:
    if connection.vendor == "postgresql":
        return records.extra(where=[MATCH], params=[" ".join(words)])
    # SQLite: the FTS5 table of migration 0004; every word must match.
    expression = " AND ".join('"' + word.replace('"', '""') + '"' for word in words)
    return records.filter(
        pk__in=RawSQL("SELECT rowid FROM casework_caserecord_fts WHERE casework_caserecord_fts MATCH %s", [expression])
    )
