"""Per-role access for every view: every role of tests/roles.py against a household of office A
(the CW's own caseload, in the SV's team) and one of office B; the pages without a household."""

import pytest
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from tests.roles import ROLES, assert_sent_to_login

# the household's team, and the chief and the clerk of its office, read it; nobody else finds it
READ = {role: 404 for role in ROLES} | {r: 200 for r in ("cw", "cw_mate", "sv", "chief", "clerk")}
# its caseworker and the team's supervisor change it; the others who read it are refused
WORK = READ | {r: 403 for r in ("cw_mate", "chief", "clerk")}

# status code per role for a household of office A; office B is always 404
HOUSEHOLD_VIEWS = {
    "household_detail": READ,
    "member_new": WORK,
    "status_change": WORK,
    "always_know_edit": WORK,
    "check_facts_edit": WORK,
    "declaration_new": WORK,
    "caseworker_assign": WORK | {"cw": 403},
    "access_log": READ | {"cw": 403, "cw_mate": 403, "clerk": 403},
}
EVERYONE = {role: 200 for role in ROLES}
# status code per role, or the URL name a role is sent to instead
PLAIN_VIEWS = {
    "home": EVERYONE | {"collector": "receivable_list", "agency": "agency_home"},
    "household_search": EVERYONE,
    "household_new": {role: 403 for role in ROLES}
    | {r: 200 for r in ("cw", "cw_mate", "cw_other", "sv", "sv_other", "b_cw")},
    "team": {role: 403 for role in ROLES} | {"sv": 200, "sv_other": 200},
    "notices": EVERYONE,
}
ROLE_TESTED_URLS = set(HOUSEHOLD_VIEWS) | set(PLAIN_VIEWS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", sorted(HOUSEHOLD_VIEWS))
def test_household_view_of_own_office_answers_by_role(cast, everyone, login, view, role):
    household = cast.households["own"]
    response = login(everyone[role]).get(reverse(view, args=[household.public_id]))
    assert response.status_code == HOUSEHOLD_VIEWS[view][role]
    denied = AuditEntry.objects.filter(
        action=Action.DENIED, target_id=str(household.public_id), actor_id=everyone[role].pk
    )
    if response.status_code == 404:  # the refused read is on record, for the household's office to see
        assert denied.get().office_id == cast.office_a.pk
    else:
        assert not denied.exists()


@pytest.mark.parametrize("role", [role for role in ROLES if not role.startswith("b_")])
@pytest.mark.parametrize("view", sorted(HOUSEHOLD_VIEWS))
def test_household_view_of_other_office_is_not_found_and_audited(cast, everyone, login, view, role):
    household = cast.households["b_household"]
    response = login(everyone[role]).get(reverse(view, args=[household.public_id]))
    assert response.status_code == 404
    denied = AuditEntry.objects.filter(
        action=Action.DENIED, target_id=str(household.public_id), actor_id=everyone[role].pk
    )
    assert denied.count() == 1
    assert denied.get().office_id == cast.office_b.pk


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", sorted(PLAIN_VIEWS))
def test_plain_view_answers_by_role(everyone, login, view, role):
    response = login(everyone[role]).get(reverse(view))
    expected = PLAIN_VIEWS[view][role]
    if isinstance(expected, str):
        assert response.status_code == 302 and response.url == reverse(expected)
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("view", sorted(PLAIN_VIEWS) + sorted(HOUSEHOLD_VIEWS))
def test_anonymous_is_sent_to_login(cast, client, view):
    args = [cast.households["own"].public_id] if view in HOUSEHOLD_VIEWS else []
    assert_sent_to_login(client.get(reverse(view, args=args)))


@pytest.mark.parametrize(
    "role,expected",
    [
        ("cw", {"own", "mate"}),
        ("cw_mate", {"own", "mate"}),
        ("cw_other", {"other_team"}),
        ("sv", {"own", "mate", "unassigned"}),
        ("sv_other", {"other_team", "unassigned"}),
        ("chief", {"own", "mate", "other_team", "unassigned"}),
        ("clerk", {"own", "mate", "other_team", "unassigned"}),
        ("collector", set()),
        ("admin", set()),
        ("agency", set()),
        ("b_cw", {"b_household"}),
    ],
)
def test_search_lists_only_households_the_role_may_see(cast, everyone, login, role, expected):
    response = login(everyone[role]).get(reverse("household_search"))
    listed = {
        name for name, h in cast.households.items() if f'href="/households/{h.public_id}/"' in response.content.decode()
    }
    assert listed == expected


def test_cw_home_lists_own_caseload_by_default(cast, login):
    body = login(cast.users["cw"]).get(reverse("home")).content.decode()
    assert str(cast.households["own"].public_id) in body
    assert str(cast.households["mate"].public_id) not in body


def test_cw_cannot_open_household_of_other_team(cast, login):
    url = reverse("household_detail", args=[cast.households["other_team"].public_id])
    assert login(cast.users["cw"]).get(url).status_code == 404


def test_cw_cannot_use_the_admin_site(cast, login):
    response = login(cast.users["cw"]).get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_posting_to_a_view_without_permission_changes_nothing(cast, login):
    household = cast.households["own"]
    response = login(cast.users["chief"]).post(
        reverse("status_change", args=[household.public_id]),
        {"new_status": "suspended", "effective_date": "2026-01-05", "reason": "テスト"},
    )
    assert response.status_code == 403
    household.refresh_from_db()
    assert household.status == "active"
