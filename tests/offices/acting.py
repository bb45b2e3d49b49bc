"""Staff with roles in two offices, for the acting-office tests, on top of the standard cast."""

from django.urls import reverse

from hogo.offices.models import RoleAssignment, Team, TeamMembership
from tests.factories import LONG_AGO


def also_holds(staff, office, role, team_name=None):
    """Give `staff` a second role, in `office` (and a place in its team `team_name`)."""
    RoleAssignment.objects.create(staff=staff, office=office, role=role, valid_from=LONG_AGO)
    if team_name is not None:
        TeamMembership.objects.create(
            staff=staff, team=Team.objects.get(office=office, name=team_name), valid_from=LONG_AGO
        )
    return staff.user


def choose(client, office):
    return client.post(reverse("choose_office"), {"office": office.pk})
