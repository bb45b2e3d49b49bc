"""Per-role access to every collaboration view: every role of tests/roles.py against the CW's
household; partner-agency members — even members of the household's conference — against staff
pages. (The minutes, the anonymised example, consent withdrawal and the agency pages are in
test_outputs_and_agency_access_per_role.py; a conference's actions in test_conference_actions_per_role.py.)"""

import pytest
from django.urls import reverse

from hogo.collaboration import services
from tests.roles import ROLES, assert_sent_to_login, denied_entries

READ = {role: 404 for role in ROLES} | {r: 200 for r in ("cw", "cw_mate", "sv", "chief", "clerk")}
WORK = READ | {r: 403 for r in ("cw_mate", "chief", "clerk")}


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
ROLE_TESTED_URLS = {name for name, _, _ in VIEWS}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, target, expected", VIEWS)
def test_each_staff_role_gets_what_it_may(everyone, objects, login, role, name, target, expected):
    assert login(everyone[role]).get(reverse(name, args=[objects[target]])).status_code == expected[role]
    if expected[role] == 404:
        assert denied_entries(everyone[role], objects[target]).count() == 1


@pytest.mark.parametrize("name, target", [(n, t) for n, t, _ in VIEWS])
def test_a_member_of_the_conference_never_reaches_staff_pages(cast, objects, members, client, name, target):
    user = members["community"].user
    client.force_login(user)
    assert client.get(reverse(name, args=[objects[target]])).status_code == 404
    assert denied_entries(user, objects[target]).count() == 1


@pytest.mark.parametrize("name, target", [(n, t) for n, t, _ in VIEWS])
def test_anonymous_is_sent_to_login(client, objects, name, target):
    assert_sent_to_login(client.get(reverse(name, args=[objects[target]])))


@pytest.mark.parametrize("role", ["cw", "sv", "chief", "admin"])
def test_staff_are_not_agency_members(cast, login, role):
    assert login(cast.users[role]).get(reverse("agency_home")).status_code == 403


def test_only_editors_may_change_a_conference(cast, objects, login):
    response = login(cast.users["chief"]).post(
        reverse("conference_materials", args=[objects["conference"]]), {"facts": ["composition"]}
    )
    assert response.status_code == 403
