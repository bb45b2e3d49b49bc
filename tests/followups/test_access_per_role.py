"""Per-role access to every follow-up view: CW, SV, chief, clerk and admin of office A against a
household of the CW's team; and office B's caseworker against it."""

from datetime import timedelta

import pytest
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.followups import services
from hogo.followups.models import FollowUp, State
from tests.roles import ROLES, assert_sent_to_login, denied_entries

ROLE_TESTED_URLS = {
    "followup_detail",
    "followup_snooze",
    "followup_done",
    "declaration_detail",
    "declaration_new",
    "team",
}

# roles as in tests/roles.py; the household is the CW's own
READ = {role: 404 for role in ROLES} | {r: 200 for r in ("cw", "cw_mate", "sv", "chief", "clerk")}
WORK = READ | {r: 403 for r in ("cw_mate", "chief", "clerk")}
TEAM = {role: 403 for role in ROLES} | {"sv": 200, "sv_other": 200}


@pytest.fixture
def objects(cast, rules, regenerate, today):
    regenerate(cast.households["own"])
    declaration = services.register_declaration(
        cast.users["cw"], cast.households["own"], kind="income", received_on=today - timedelta(days=1), channel="paper"
    )
    visit = FollowUp.objects.get(household=cast.households["own"], rule=rules["home_visit"], state=State.OPEN)
    return {
        "followup": visit.public_id,
        "declaration": declaration.public_id,
        "household": cast.households["own"].public_id,
    }


VIEWS = [
    ("followup_detail", "followup", READ),
    ("declaration_detail", "declaration", READ),
    ("declaration_new", "household", WORK),
    ("team", None, TEAM),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, target, expected", VIEWS)
def test_each_role_gets_what_it_may(everyone, objects, login, role, name, target, expected):
    url = reverse(name, args=[objects[target]] if target else [])
    response = login(everyone[role]).get(url)
    assert response.status_code == expected[role]
    if target in ("declaration", "household") and expected[role] == 404:
        assert denied_entries(everyone[role], objects[target]).count() == 1


@pytest.mark.parametrize("role", ["cw_other", "b_cw", "admin"])
def test_opening_a_declaration_out_of_scope_is_audited_as_denied(cast, objects, login, role):
    login(cast.users[role]).get(reverse("declaration_detail", args=[objects["declaration"]]))
    assert AuditEntry.objects.filter(
        action=Action.DENIED, actor_username=cast.users[role].username, target_id=str(objects["declaration"])
    ).exists()


def test_opening_a_declaration_is_audited(cast, objects, login):
    login(cast.users["sv"]).get(reverse("declaration_detail", args=[objects["declaration"]]))
    assert AuditEntry.objects.filter(action=Action.VIEW, actor_username="sv", target_type="declaration").exists()


@pytest.mark.parametrize("role, expected", [("chief", 403), ("clerk", 403), ("cw_other", 404), ("b_cw", 404)])
def test_recognising_is_refused_to_those_who_may_not_edit(cast, objects, login, role, expected, today):
    response = login(cast.users[role]).post(
        reverse("declaration_detail", args=[objects["declaration"]]),
        {"outcome": "no_change", "recognised_on": today.isoformat(), "reason": "同額"},
    )
    assert response.status_code == expected
    assert not FollowUp.objects.filter(state=State.DONE, key__startswith="declaration:").exists()


@pytest.mark.parametrize("role, expected", [("chief", 403), ("clerk", 403), ("cw_other", 404), ("b_cw", 404)])
def test_snoozing_is_refused_to_those_who_may_not_edit(cast, objects, login, role, expected, today):
    response = login(cast.users[role]).post(
        reverse("followup_snooze", args=[objects["followup"]]),
        {"until": (today + timedelta(days=3)).isoformat(), "reason": "理由"},
    )
    assert response.status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_snoozing_answers_by_role(everyone, objects, login, role, today):
    response = login(everyone[role]).post(
        reverse("followup_snooze", args=[objects["followup"]]),
        {"until": (today + timedelta(days=3)).isoformat(), "reason": "入院中のため"},
    )
    expected = {**WORK, "cw": 302, "sv": 302}[role]
    assert response.status_code == expected
    state = FollowUp.objects.get(public_id=objects["followup"]).state
    assert state == (State.SNOOZED if expected == 302 else State.OPEN)
    if expected == 302:
        assert response.url == reverse("household_detail", args=[objects["household"]])


@pytest.mark.parametrize("role", ROLES)
def test_completing_answers_by_role(everyone, objects, login, role, today):
    response = login(everyone[role]).post(
        reverse("followup_done", args=[objects["followup"]]), {"done_on": today.isoformat(), "note": "居宅訪問"}
    )
    expected = {**WORK, "cw": 302, "sv": 302}[role]
    assert response.status_code == expected
    assert FollowUp.objects.get(public_id=objects["followup"]).state == (State.DONE if expected == 302 else State.OPEN)


@pytest.mark.parametrize("role", ["cw_other", "b_cw"])
def test_opening_a_followup_out_of_scope_is_audited_as_denied(everyone, objects, login, role):
    response = login(everyone[role]).get(reverse("followup_detail", args=[objects["followup"]]))
    assert response.status_code == 404
    assert denied_entries(everyone[role], objects["followup"]).count() == 1


@pytest.mark.parametrize(
    "name, method, target",
    [
        ("followup_detail", "get", "followup"),
        ("followup_snooze", "post", "followup"),
        ("followup_done", "post", "followup"),
        ("declaration_detail", "get", "declaration"),
        ("declaration_new", "get", "household"),
        ("team", "get", None),
    ],
)
def test_anonymous_is_sent_to_login(client, objects, name, method, target):
    assert_sent_to_login(getattr(client, method)(reverse(name, args=[objects[target]] if target else [])))


def test_the_home_work_list_shows_only_the_caseworkers_own_caseload(cast, objects, login):
    mine = login(cast.users["cw"]).get(reverse("home")).content.decode()
    mate = login(cast.users["cw_mate"]).get(reverse("home")).content.decode()
    assert "収入申告の認定" in mine
    assert "収入申告の認定" not in mate


def test_notices_show_only_the_users_own(cast, login, today):
    from hogo.followups.models import Notice

    Notice.objects.create(recipient=cast.users["cw"], day=today, title="佐藤さん宛", body="本文")
    assert "佐藤さん宛" in login(cast.users["cw"]).get(reverse("notices")).content.decode()
    assert "佐藤さん宛" not in login(cast.users["cw_mate"]).get(reverse("notices")).content.decode()
