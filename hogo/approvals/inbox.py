"""What waits for a person (決裁待ち) and what came back to them (差戻し), gathered from every app.

Each app registers its sources from its own `AppConfig.ready()`: `register_inbox_source` for work
the user may act on now (drafts at their step, records to sign, bulk runs), `register_returned_source`
for the user's own drafts that were returned. A source is `fn(user) -> Rows`: an ordered queryset
and how one of its objects is shown, so a page counts and pages it without loading the rest (or
None when work of that kind never falls to the user, e.g. records to sign for a chief). This
module never imports a leaf app (decision 0015).

`waiting_for` and `returned_to` are the database forms of the approval rules for any `Approvable`
with a `household`: they filter thousands of drafts in one query where `services.refusal` would
look at each."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from hogo.households.models import Member, Relation
from hogo.households.scoping import households_visible_to
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from .models import DEFAULT_ROUTE, ActionKind, ApprovalRoute, Status

RETURNED_SHOWN_DAYS = 30  # a returned draft leaves the list after this, or as soon as the household is drafted anew


@dataclass(frozen=True)
class InboxRow:
    """One line of the inbox: what it is, for which household, drafted when and by whom, and where to act."""

    title: str
    url: str
    drafted_at: datetime | None
    drafter: str
    case_number: str = ""
    head_name: str = ""
    household_public_id: str = ""
    note: str = ""
    returned_at: datetime | None = None
    returned_by: str = ""
    reason: str = ""


class Rows:
    """A source's answer: `queryset` in the order shown and `to_row(obj) -> InboxRow`. Supports
    count() and slicing, so Django's Paginator reads only the page it shows."""

    def __init__(self, queryset: QuerySet, to_row: Callable[[object], InboxRow]):
        self.queryset = queryset
        self.to_row = to_row

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.to_row(obj) for obj in self.queryset[index]]
        return self.to_row(self.queryset[index])


@dataclass(frozen=True)
class InboxSource:
    key: str
    label: str
    rows: Callable[[object], Rows | None]  # None: work of this kind is never the user's (the group is left out)
    order: int = 100


_waiting: dict[str, InboxSource] = {}
_returned: dict[str, InboxSource] = {}


def register_inbox_source(key: str, label: str, fn: Callable[[object], Rows], order: int = 100) -> None:
    """Work of one kind that waits for the user: `fn(user)` gives what they may act on now, oldest first."""
    _waiting[key] = InboxSource(key, label, fn, order)


def register_returned_source(key: str, label: str, fn: Callable[[object], Rows], order: int = 100) -> None:
    """The user's own drafts of one kind that were returned: `fn(user)` gives them, newest return first."""
    _returned[key] = InboxSource(key, label, fn, order)


def waiting_sources() -> list[InboxSource]:
    return sorted(_waiting.values(), key=lambda s: (s.order, s.key))


def returned_sources() -> list[InboxSource]:
    return sorted(_returned.values(), key=lambda s: (s.order, s.key))


# --- the approval rules in the database -------------------------------------------------------


def routes_of(user) -> dict[int, list[str]]:
    """The approval route of each office where the user holds a role (one query, kept on the user
    object for the request like `standing_of`)."""
    standing = standing_of(user)
    cached = getattr(user, "_hogo_routes", None)
    if cached is not None and cached[0] is standing:
        return cached[1]
    stored = {
        office_id: list(steps)
        for office_id, steps in ApprovalRoute.objects.filter(office_id__in=standing.office_ids).values_list(
            "office_id", "steps"
        )
        if steps
    }
    routes = {office_id: stored.get(office_id, list(DEFAULT_ROUTE)) for office_id in standing.office_ids}
    user._hogo_routes = (standing, routes)
    return routes


def visible_households(user) -> QuerySet:
    """`households_visible_to(user)` as a subquery of primary keys, built once per user object (its
    team members are read when it is built) and shared by every source of the request."""
    standing = standing_of(user)
    cached = getattr(user, "_hogo_visible", None)
    if cached is not None and cached[0] is standing:
        return cached[1]
    visible = households_visible_to(user).values("pk")
    user._hogo_visible = (standing, visible)
    return visible


def steps_of(user) -> dict[int, list[int]]:
    """Per office, the indices of the route's steps the user's roles take there."""
    standing = standing_of(user)
    steps = {}
    for office_id, route in routes_of(user).items():
        held = standing.roles_by_office.get(office_id, frozenset())
        mine = [i for i, role in enumerate(route) if role in held]
        if mine:
            steps[office_id] = mine
    return steps


def approves_anything(user) -> bool:
    """Whether the user takes a step of an approval route in some office (supervisors and chiefs by default)."""
    return bool(steps_of(user))


def _actions_of(model) -> tuple[type, str]:
    rel = model._meta.get_field("actions")
    return rel.related_model, rel.field.name


def waiting_for(user, queryset: QuerySet) -> QuerySet:
    """The drafts of `queryset` whose waiting step `user` may take now: `services.refusal` in one
    query (status draft, not the user's own draft, the step's role held in the household's office,
    the household in the user's scope, no earlier step approved by the user). Oldest first."""
    standing = standing_of(user)
    steps = steps_of(user) if standing.staff is not None else {}
    if not steps:
        return queryset.none()
    actions, fk = _actions_of(queryset.model)
    approvals = actions.objects.filter(**{fk: OuterRef("pk")}, action=ActionKind.APPROVE)
    counted = approvals.order_by().values(fk).annotate(n=Count("pk")).values("n")
    at_my_step = Q()
    for office_id, indices in steps.items():
        at_my_step |= Q(household__office_id=office_id, approvals_so_far__in=indices)
    return (
        queryset.filter(status=Status.DRAFT, household__office_id__in=list(steps))
        .exclude(drafted_by_id=user.pk)
        .annotate(approvals_so_far=Coalesce(Subquery(counted), Value(0)))
        .filter(at_my_step)
        .filter(household__in=visible_households(user))
        .filter(~Exists(approvals.filter(actor_id=user.pk)))
        .order_by("drafted_at", "pk")
    )


def returned_to(user, queryset: QuerySet) -> QuerySet:
    """The user's own drafts of `queryset` that were returned, with the last return's time, reason
    and who returned it; shown for RETURNED_SHOWN_DAYS days after the return and only until the
    household has a later draft of the same kind (decision 0015). Newest return first."""
    standing = standing_of(user)
    if standing.staff is None:
        return queryset.none()
    actions, fk = _actions_of(queryset.model)
    last_return = actions.objects.filter(**{fk: OuterRef("pk")}, action=ActionKind.RETURN).order_by("-at", "-pk")
    redrafted = queryset.model.objects.filter(
        household_id=OuterRef("household_id"), drafted_at__gt=OuterRef("returned_at")
    )
    return (
        queryset.filter(drafted_by_id=user.pk, status=Status.RETURNED)
        .filter(household__in=visible_households(user))
        .annotate(
            returned_at=Subquery(last_return.values("at")[:1]),
            return_reason=Subquery(last_return.values("comment")[:1]),
            returned_by_name=Subquery(last_return.values("actor__staff__name")[:1]),
        )
        .filter(returned_at__gte=timezone.now() - timedelta(days=RETURNED_SHOWN_DAYS))
        .filter(~Exists(redrafted))
        .order_by("-returned_at", "-pk")
    )


def with_head_name(queryset: QuerySet, household: str = "household") -> QuerySet:
    """Annotate `head_name`: the name of the household's head, for the inbox lines."""
    heads = Member.objects.filter(household=OuterRef(household), relation=Relation.HEAD)
    return queryset.annotate(head_name=Subquery(heads.values("name")[:1]))


def staff_name(user) -> str:
    """The name a line shows for a drafter (select_related("drafted_by__staff") avoids a query each)."""
    if user is None:
        return ""
    staff = getattr(user, "staff", None)
    return staff.name if staff is not None else user.username


def household_line(record, *, title: str, url: str, drafted_at, drafter, **more) -> InboxRow:
    """The line of a record of a household (select_related("household"), annotated by `with_head_name`)."""
    return InboxRow(
        title=title,
        url=url,
        drafted_at=drafted_at,
        drafter=staff_name(drafter),
        case_number=record.household.case_number,
        head_name=record.head_name or "",
        household_public_id=str(record.household.public_id),
        **more,
    )


def waiting_line(subject, *, title: str, url: str) -> InboxRow:
    """The line of a draft from `waiting_for`: which step waits."""
    return household_line(
        subject,
        title=title,
        url=url,
        drafted_at=subject.drafted_at,
        drafter=subject.drafted_by,
        note=f"{subject.approvals_so_far + 1}段階目の承認",
    )


def returned_line(subject, *, title: str, url: str) -> InboxRow:
    """The line of a draft from `returned_to`: when, by whom and why it came back."""
    return household_line(
        subject,
        title=title,
        url=url,
        drafted_at=subject.drafted_at,
        drafter=subject.drafted_by,
        returned_at=subject.returned_at,
        returned_by=subject.returned_by_name or "",
        reason=subject.return_reason or "",
    )


# --- counts for the header --------------------------------------------------------------------


def total_of(querysets: list[QuerySet]) -> int:
    """How many rows these querysets have together, in one query."""
    parts, params = [], []
    for i, queryset in enumerate(querysets):
        try:
            sql, more = queryset.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:
            continue
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) inbox_{i})")
        params.extend(more)
    if not parts:
        return 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + " + ".join(parts), params)
        return cursor.fetchone()[0] or 0


def waiting_count(user) -> int:
    """How many items wait for the user (the badge of 決裁待ち)."""
    return total_of([rows.queryset for source in waiting_sources() if (rows := source.rows(user)) is not None])


def returned_count(user) -> int:
    """How many of the user's drafts are returned and not yet drafted anew (the badge of 差戻し)."""
    return total_of([rows.queryset for source in returned_sources() if (rows := source.rows(user)) is not None])


DRAFTING_ROLES = (Role.CASEWORKER, Role.SUPERVISOR, Role.CHIEF, Role.CLERK)


def drafts_anything(user) -> bool:
    """Whether the user drafts approvable records (caseworkers and supervisors; chiefs and clerks start 一斉更正)."""
    return bool(standing_of(user).offices_with(*DRAFTING_ROLES))
