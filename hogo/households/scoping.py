"""The one place that decides which households a user may see.

- caseworker: the households of their own caseload and of their teams' caseworkers;
- supervisor: the households of their teams' caseworkers, and the office's unassigned ones
  (new consultations waiting for a caseworker);
- chief and clerk: every household of their office;
- admin and anyone else: none (administrators manage accounts, not cases);
- nobody ever sees a household of another office.
Roles and teams are taken as of the given day, so ended assignments stop granting access.
"""

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from hogo.common.memo import memo_active, remembered
from hogo.offices.models import Role
from hogo.offices.queries import Standing, standing_of, team_member_ids

from .models import CaseworkerAssignment, Household

OFFICE_WIDE_ROLES = (Role.CHIEF, Role.CLERK)


def active_assignments(on: date) -> QuerySet[CaseworkerAssignment]:
    return CaseworkerAssignment.objects.filter(valid_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    )


def _assigned_to_any(staff_ids, on: date) -> Q:
    # `pk IN (subquery)`, not a correlated EXISTS: OR-ed with the unassigned rule below, PostgreSQL runs each
    # subquery once into a hash table instead of probing both per household of the office (a supervisor of a
    # 50,000-household office: 289 → 62 ms a query, and every page of a supervisor asks it at least once).
    return Q(pk__in=active_assignments(on).filter(caseworker_id__in=staff_ids).values("household_id"))


def visibility_rule(standing: Standing, on: date) -> Q:
    """A filter on Household for what `standing` may see (an empty match when nothing)."""
    rule = Q(pk__in=[])
    if standing.staff is None:
        return rule
    office_wide = standing.offices_with(*OFFICE_WIDE_ROLES)
    if office_wide:
        rule |= Q(office_id__in=office_wide)
    team_mates = (
        remembered(("team_member_ids", standing.team_ids, on), lambda: team_member_ids(standing.team_ids, on))
        if standing.team_ids
        else []
    )
    cw_offices = standing.offices_with(Role.CASEWORKER)
    if cw_offices:
        rule |= Q(office_id__in=cw_offices) & _assigned_to_any({standing.staff.pk, *team_mates}, on)
    sv_offices = standing.offices_with(Role.SUPERVISOR)
    if sv_offices:
        rule |= _supervised(sv_offices, team_mates, on)
    return rule


# A page's query may hold the list once for each approvable source (the header's badge counts add several
# up): 2,000 ids keeps that under SQLite's 32,766 parameters. A supervisor's teams hold a few hundred.
SUPERVISED_IDS_LIMIT = 2000


def _supervised(offices, team_mates, on: date) -> Q:
    """A supervisor's part: the households of the teams' caseworkers and the unassigned ones of the offices.
    Finding the unassigned ones passes over every current assignment (62 ms in a 50,000-household office),
    and a supervisor's page asks several times (its badges, its lists): in a read-only request the ids are
    read once and the later queries filter by them (common/memo.py). Elsewhere, or for more than
    SUPERVISED_IDS_LIMIT households (an office before its caseworkers are assigned), the subqueries."""
    unassigned = ~Q(pk__in=active_assignments(on).values("household_id"))
    rule = Q(office_id__in=offices) & (_assigned_to_any(team_mates, on) | unassigned)
    if not memo_active():
        return rule
    key = ("supervised", tuple(sorted(offices)), tuple(sorted(team_mates)), on)
    ids = remembered(
        key, lambda: list(Household.objects.filter(rule).values_list("pk", flat=True)[: SUPERVISED_IDS_LIMIT + 1])
    )
    return rule if len(ids) > SUPERVISED_IDS_LIMIT else Q(pk__in=ids)


def households_visible_to(user, on: date | None = None) -> QuerySet[Household]:
    """Every query for households starts here."""
    on = on or timezone.localdate()
    return Household.objects.filter(visibility_rule(standing_of(user, on), on))


def caseload_of(user, on: date | None = None) -> QuerySet[Household]:
    """The user's own caseload (households whose current caseworker they are), within what
    they may see."""
    on = on or timezone.localdate()
    standing = standing_of(user, on)
    if standing.staff is None:
        return Household.objects.none()
    return households_visible_to(user, on).filter(_assigned_to_any([standing.staff.pk], on))


def access_basis(user, household: Household, on: date | None = None) -> str:
    """Why the user may see this household: recorded in the audit log with each read."""
    on = on or timezone.localdate()
    standing = standing_of(user, on)
    if standing.staff and active_assignments(on).filter(household=household, caseworker=standing.staff).exists():
        return "own_caseload"
    if household.office_id in standing.offices_with(*OFFICE_WIDE_ROLES):
        return "office"
    return "team"


def may_edit(user, household: Household, on: date | None = None) -> bool:
    """Caseworkers edit their own caseload; supervisors edit their team's households.
    Chiefs, clerks and admins read only. Asked once per household in a read-only request (common/memo.py)."""
    on = on or timezone.localdate()
    return remembered(("may_edit", user.pk, household.pk, on), lambda: _may_edit(user, household, on))


def _may_edit(user, household: Household, on: date) -> bool:
    standing = standing_of(user, on)
    if standing.staff is None:
        return False
    if (
        standing.has_role(Role.CASEWORKER, household.office_id)
        and caseload_of(user, on).filter(pk=household.pk).exists()
    ):
        return True
    if standing.has_role(Role.SUPERVISOR, household.office_id):
        return households_visible_to(user, on).filter(pk=household.pk).exists()
    return False


def may_see_access_log(user, household: Household, on: date | None = None) -> bool:
    """Supervisors and chiefs of the household's office may see who opened it."""
    standing = standing_of(user, on)
    if standing.has_role(Role.CHIEF, household.office_id):
        return True
    return standing.has_role(Role.SUPERVISOR, household.office_id) and may_edit(user, household, on)


def editable_among(user, household_ids, on: date | None = None) -> set[int]:
    """Of these households, the ids `may_edit` allows (the same rule, in two queries for many)."""
    on = on or timezone.localdate()
    standing = standing_of(user, on)
    if standing.staff is None:
        return set()
    ids = list(household_ids)
    own = caseload_of(user, on).filter(pk__in=ids, office_id__in=standing.offices_with(Role.CASEWORKER))
    team = households_visible_to(user, on).filter(pk__in=ids, office_id__in=standing.offices_with(Role.SUPERVISOR))
    return set(own.values_list("pk", flat=True)) | set(team.values_list("pk", flat=True))
