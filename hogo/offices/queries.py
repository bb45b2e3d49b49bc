"""Who holds which role today: the reads every permission check starts from."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from .models import Role, RoleAssignment, Staff, Team, TeamMembership


@dataclass(frozen=True)
class Standing:
    """A user's roles and teams on one day. Empty for users who are not office staff."""

    staff: Staff | None
    roles_by_office: dict[int, frozenset[str]] = field(default_factory=dict)
    team_ids: frozenset[int] = frozenset()

    def has_role(self, role: str, office_id: int | None = None) -> bool:
        if office_id is not None:
            return role in self.roles_by_office.get(office_id, ())
        return any(role in roles for roles in self.roles_by_office.values())

    def offices_with(self, *roles: str) -> list[int]:
        return [office for office, held in self.roles_by_office.items() if held & set(roles)]

    @property
    def roles(self) -> frozenset[str]:
        return frozenset().union(*self.roles_by_office.values()) if self.roles_by_office else frozenset()

    @property
    def office_ids(self) -> list[int]:
        return list(self.roles_by_office)


def standing_of(user, on: date | None = None) -> Standing:
    """The roles and teams `user` holds on `on` (today by default), cached on the user object."""
    on = on or timezone.localdate()
    cache = getattr(user, "_hogo_standing", None)
    if cache and cache[0] == on:
        return cache[1]
    staff = Staff.objects.filter(user_id=user.pk).first() if user.is_authenticated else None
    if staff is None:
        standing = Standing(staff=None)
    else:
        roles: dict[int, set[str]] = {}
        for office_id, role in (
            RoleAssignment.objects.active_on(on).filter(staff=staff).values_list("office_id", "role")
        ):
            roles.setdefault(office_id, set()).add(role)
        team_ids = frozenset(TeamMembership.objects.active_on(on).filter(staff=staff).values_list("team_id", flat=True))
        standing = Standing(staff=staff, roles_by_office={k: frozenset(v) for k, v in roles.items()}, team_ids=team_ids)
    user._hogo_standing = (on, standing)
    return standing


def teams_in_office(team_ids, office_id: int) -> list[int]:
    """Those of these teams that belong to the office (a supervisor may lead teams in two offices)."""
    return list(Team.objects.filter(pk__in=team_ids, office_id=office_id).values_list("pk", flat=True))


def team_member_ids(team_ids, on: date) -> list[int]:
    """Staff ids of everyone in these teams on `on`."""
    return list(TeamMembership.objects.active_on(on).filter(team_id__in=team_ids).values_list("staff_id", flat=True))


def caseworkers_of_teams(team_ids, on: date):
    """Staff who are caseworkers and members of these teams on `on`, in name order."""
    member_ids = team_member_ids(team_ids, on)
    cw_ids = (
        RoleAssignment.objects.active_on(on).filter(role=Role.CASEWORKER, staff_id__in=member_ids).values("staff_id")
    )
    return Staff.objects.filter(pk__in=cw_ids).order_by("name_kana", "name")
