"""Per-role access for every view: CW, SV, chief, clerk (and admin) of office A against a
household of office A (the CW's own caseload, in the SV's team) and one of office B."""

import pytest
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry

ROLES = ["cw", "sv", "chief", "clerk", "admin"]

# status code per role for a household of office A; office B is always 404
HOUSEHOLD_VIEWS = {
    "household_detail": {"cw": 200, "sv": 200, "chief": 200, "clerk": 200, "admin": 404},
    "member_new": {"cw": 200, "sv": 200, "chief": 403, "clerk": 403, "admin": 404},
    "status_change": {"cw": 200, "sv": 200, "chief": 403, "clerk": 403, "admin": 404},
    "always_know_edit": {"cw": 200, "sv": 200, "chief": 403, "clerk": 403, "admin": 404},
    "check_facts_edit": {"cw": 200, "sv": 200, "chief": 403, "clerk": 403, "admin": 404},
    "declaration_new": {"cw": 200, "sv": 200, "chief": 403, "clerk": 403, "admin": 404},
    "caseworker_assign": {"cw": 403, "sv": 200, "chief": 403, "clerk": 403, "admin": 404},
    "access_log": {"cw": 403, "sv": 200, "chief": 200, "clerk": 403, "admin": 404},
}
PLAIN_VIEWS = {
    "home": {"cw": 200, "sv": 200, "chief": 200, "clerk": 200, "admin": 200},
    "household_search": {"cw": 200, "sv": 200, "chief": 200, "clerk": 200, "admin": 200},
    "household_new": {"cw": 200, "sv": 200, "chief": 403, "clerk": 403, "admin": 403},
    "team": {"cw": 403, "sv": 200, "chief": 403, "clerk": 403, "admin": 403},
    "notices": {"cw": 200, "sv": 200, "chief": 200, "clerk": 200, "admin": 200},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", sorted(HOUSEHOLD_VIEWS))
def test_household_view_of_own_office_answers_by_role(cast, login, view, role):
    url = reverse(view, args=[cast.households["own"].public_id])
    assert login(cast.users[role]).get(url).status_code == HOUSEHOLD_VIEWS[view][role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", sorted(HOUSEHOLD_VIEWS))
def test_household_view_of_other_office_is_not_found_and_audited(cast, login, view, role):
    household = cast.households["b_household"]
    response = login(cast.users[role]).get(reverse(view, args=[household.public_id]))
    assert response.status_code == 404
    denied = AuditEntry.objects.filter(
        action=Action.DENIED, target_id=str(household.public_id), actor_id=cast.users[role].pk
    )
    assert denied.count() == 1
    assert denied.get().office_id == cast.office_b.pk


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", sorted(PLAIN_VIEWS))
def test_plain_view_answers_by_role(cast, login, view, role):
    assert login(cast.users[role]).get(reverse(view)).status_code == PLAIN_VIEWS[view][role]


@pytest.mark.parametrize("view", sorted(PLAIN_VIEWS) + sorted(HOUSEHOLD_VIEWS))
def test_anonymous_is_sent_to_login(cast, client, view):
    args = [cast.households["own"].public_id] if view in HOUSEHOLD_VIEWS else []
    response = client.get(reverse(view, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    "role,expected",
    [
        ("cw", {"own", "mate"}),
        ("sv", {"own", "mate", "unassigned"}),
        ("chief", {"own", "mate", "other_team", "unassigned"}),
        ("clerk", {"own", "mate", "other_team", "unassigned"}),
        ("admin", set()),
    ],
)
def test_search_lists_only_households_the_role_may_see(cast, login, role, expected):
    response = login(cast.users[role]).get(reverse("household_search"))
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
