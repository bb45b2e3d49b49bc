"""Per-role access to every collaboration view: staff roles of office A and B's caseworker against
the CW's household; partner-agency members against staff pages."""

import pytest
from django.urls import reverse

from hogo.collaboration import services

ROLES = ["cw", "cw_mate", "sv", "chief", "clerk", "admin", "b_cw"]
READ = {"cw": 200, "cw_mate": 200, "sv": 200, "chief": 200, "clerk": 200, "admin": 404, "b_cw": 404}
WORK = {"cw": 200, "cw_mate": 403, "sv": 200, "chief": 403, "clerk": 403, "admin": 404, "b_cw": 404}


@pytest.fixture
def objects(cast, conference, agencies, today):
    from tests.collaboration.test_plan_versions_and_assignment_history import plan_values

    plan = services.create_plan(
        cast.users["cw"], conference.household, conference=conference, **plan_values(agencies, today)
    )
    return {"household": conference.household.public_id, "conference": conference.public_id, "plan": plan.public_id}


VIEWS = [
    ("issue_new", "household", WORK),
    ("consent_new", "household", WORK),
    ("conference_assessment", "household", WORK),
    ("conference_new", "household", WORK),
    ("conference_detail", "conference", READ),
    ("plan_new", "conference", WORK),
    ("plan_detail", "plan", READ),
    ("plan_pdf", "plan", READ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, target, expected", VIEWS)
def test_each_staff_role_gets_what_it_may(cast, objects, login, role, name, target, expected):
    assert login(cast.users[role]).get(reverse(name, args=[objects[target]])).status_code == expected[role]


@pytest.mark.parametrize("name, target", [(n, t) for n, t, _ in VIEWS])
def test_a_partner_agency_member_never_reaches_staff_pages(cast, objects, members, client, name, target):
    client.force_login(members["community"].user)
    assert client.get(reverse(name, args=[objects[target]])).status_code in (403, 404)


@pytest.mark.parametrize("role", ["cw", "sv", "chief", "admin"])
def test_staff_are_not_agency_members(cast, login, role):
    assert login(cast.users[role]).get(reverse("agency_home")).status_code == 403


def test_only_editors_may_change_a_conference(cast, objects, login):
    response = login(cast.users["chief"]).post(
        reverse("conference_detail", args=[objects["conference"]]), {"action": "materials", "facts": ["composition"]}
    )
    assert response.status_code == 403
