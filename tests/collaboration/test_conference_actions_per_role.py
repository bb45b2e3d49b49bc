"""Each change to a conference has its own URL: the caseworker of the household and the team's
supervisor make it; others who can read the conference get 403; other teams and offices, the
collection team, the administrator and partner-agency members — even the conference's own — 404; and
nothing changes. A partner-agency member signs the pledge and answers the dates on URLs of their
own, reachable only for the conferences they belong to."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from hogo.collaboration.models import Conference, DateAnswer, Pledge
from tests.collaboration.conftest import make_member
from tests.roles import ROLES

ROLE_TESTED_URLS = {
    "conference_date",
    "conference_member_add",
    "conference_member_remove",
    "conference_materials",
    "conference_meeting",
    "agency_pledge",
    "agency_dates",
}

ALL = [*ROLES, "member"]  # "member": a partner-agency member of this very conference
STAFF = {role: 404 for role in ALL} | {"cw": 302, "sv": 302, "cw_mate": 403, "chief": 403, "clerk": 403}
MEMBERS_ONLY = {role: 404 for role in ALL} | {"member": 302}


@pytest.fixture
def users(everyone, members):
    return {**everyone, "member": members["community"].user}


def posted(action, conference, agencies, today):
    newcomer = make_member(agencies["community_care_centre"], "houkatsu2", "包括 次郎")
    return {
        "conference_date": {"starts_at": (timezone.localtime() + timedelta(days=7)).strftime("%Y-%m-%dT14:00")},
        "conference_member_add": {"member": newcomer.pk},
        "conference_member_remove": {"membership": conference.memberships.first().pk},
        "conference_materials": {"facts": ["composition"]},
        "conference_meeting": {
            "held_on": today.isoformat(),
            "minutes": "支援方針を協議した。",
            "conclusions": "",
            "attended": [agencies["community_care_centre"].pk],
        },
    }[action]


def state_of(conference):
    conference = Conference.objects.get(pk=conference.pk)
    return (
        conference.candidate_dates.count(),
        conference.memberships.filter(left_on__isnull=True).count(),
        conference.materials.count(),
        conference.held_on,
        conference.minutes,
    )


@pytest.mark.parametrize("role, expected", STAFF.items())
@pytest.mark.parametrize(
    "action",
    [
        "conference_date",
        "conference_member_add",
        "conference_member_remove",
        "conference_materials",
        "conference_meeting",
    ],
)
def test_each_conference_action_per_role(conference, agencies, users, login, today, action, role, expected):
    data = posted(action, conference, agencies, today)
    before = state_of(conference)
    response = login(users[role]).post(reverse(action, args=[conference.public_id]), data)
    assert response.status_code == expected
    if expected == 302:
        assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
        assert state_of(conference) != before
    else:
        assert state_of(conference) == before


@pytest.fixture
def candidate(cast, conference):
    return conference.candidate_dates.create(starts_at=timezone.now() + timedelta(days=7))


@pytest.mark.parametrize("role, expected", MEMBERS_ONLY.items())
def test_signing_the_pledge_per_role(conference, members, users, login, role, expected):
    response = login(users[role]).post(reverse("agency_pledge", args=[conference.public_id]))
    assert response.status_code == expected
    assert Pledge.objects.filter(conference=conference).exists() == (expected == 302)


@pytest.mark.parametrize("role, expected", MEMBERS_ONLY.items())
def test_answering_the_dates_per_role(conference, candidate, users, login, role, expected):
    response = login(users[role]).post(
        reverse("agency_dates", args=[conference.public_id]), {f"date_{candidate.pk}": "no"}
    )
    assert response.status_code == expected
    assert DateAnswer.objects.filter(candidate=candidate).exists() == (expected == 302)


def test_a_member_of_another_offices_agency_reaches_neither(conference, candidate, members, client):
    client.force_login(members["b_community"].user)
    assert client.post(reverse("agency_pledge", args=[conference.public_id])).status_code == 404
    assert (
        client.post(reverse("agency_dates", args=[conference.public_id]), {f"date_{candidate.pk}": "yes"}).status_code
        == 404
    )
    assert not Pledge.objects.filter(conference=conference).exists() and not DateAnswer.objects.exists()
