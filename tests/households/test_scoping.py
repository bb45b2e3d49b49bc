"""One function decides which households a user may see."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.households.scoping import caseload_of, households_visible_to
from hogo.offices.models import RoleAssignment, TeamMembership

VISIBLE = {
    "cw": {"own", "mate"},
    "cw_mate": {"own", "mate"},
    "sv": {"own", "mate", "unassigned"},
    "cw_other": {"other_team"},
    "sv_other": {"other_team", "unassigned"},
    "chief": {"own", "mate", "other_team", "unassigned"},
    "clerk": {"own", "mate", "other_team", "unassigned"},
    "admin": set(),
    "b_cw": {"b_household"},
    "b_sv": {"b_household"},
    "b_chief": {"b_household"},
    "b_clerk": {"b_household"},
}


def visible_names(cast, user, on=None):
    ids = set(households_visible_to(user, on).values_list("pk", flat=True))
    return {name for name, h in cast.households.items() if h.pk in ids}


@pytest.mark.parametrize("who", sorted(VISIBLE))
def test_each_role_sees_exactly_its_households(cast, who):
    assert visible_names(cast, cast.users[who]) == VISIBLE[who]


def test_nobody_sees_a_household_of_another_office(cast):
    for who, user in cast.users.items():
        office = "b" if who.startswith("b_") else "a"
        for name in visible_names(cast, user):
            assert (name == "b_household") == (office == "b")


def test_caseload_is_only_the_caseworkers_own_households(cast):
    ids = set(caseload_of(cast.users["cw"]).values_list("pk", flat=True))
    assert ids == {cast.households["own"].pk}


def test_a_user_without_staff_record_sees_nothing(db, cast, django_user_model):
    outsider = django_user_model.objects.create_user("outsider", password="x" * 12)
    assert not households_visible_to(outsider).exists()


def test_an_ended_role_no_longer_grants_access(cast):
    today = timezone.localdate()
    RoleAssignment.objects.filter(staff=cast.staff["chief"]).update(valid_to=today - timedelta(days=1))
    assert visible_names(cast, cast.users["chief"]) == set()
    # ...but on a day when the role was held, the same user saw the office.
    assert visible_names(cast, cast.users["chief"], on=today - timedelta(days=2)) == VISIBLE["chief"]


def test_leaving_a_team_ends_access_to_the_teams_households(cast):
    today = timezone.localdate()
    TeamMembership.objects.filter(staff=cast.staff["cw_mate"]).update(valid_to=today - timedelta(days=1))
    assert visible_names(cast, cast.users["cw"]) == {"own"}
    assert visible_names(cast, cast.users["sv"]) == {"own", "unassigned"}


def test_a_role_that_starts_in_the_future_grants_nothing_yet(cast):
    today = timezone.localdate()
    RoleAssignment.objects.filter(staff=cast.staff["clerk"]).update(valid_from=today + timedelta(days=1))
    assert visible_names(cast, cast.users["clerk"]) == set()
