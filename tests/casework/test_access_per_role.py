"""Per-role access to every casework view: CW, team mate, other team's CW, SV, chief, clerk, admin
of office A and office B's CW, against a household of the CW's own caseload."""

from datetime import timedelta

import pytest
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.casework import services
from tests.roles import ROLES, assert_sent_to_login, denied_entries

READ = {role: 404 for role in ROLES} | {r: 200 for r in ("cw", "cw_mate", "sv", "chief", "clerk")}
WORK = READ | {r: 403 for r in ("cw_mate", "chief", "clerk")}
CW_ONLY = {role: 403 for role in ROLES} | {r: 200 for r in ("cw", "cw_mate", "cw_other", "b_cw")}
SV_ONLY = {role: 403 for role in ROLES} | {"sv": 200, "sv_other": 200}
ANYONE = {role: 200 for role in ROLES}


@pytest.fixture
def objects(cast, rules, today):
    household = cast.households["own"]
    case_record = services.create_record(
        cast.users["cw"], household, kind="phone", occurred_on=today, body="電話で話した。"
    )
    visit = services.propose_visit(cast.users["cw"], household, planned_on=today + timedelta(days=3))
    return {"household": household.public_id, "record": case_record.public_id, "visit": visit.public_id}


VIEWS = [
    ("visit_list", None, CW_ONLY),
    ("visit_calendar", None, CW_ONLY),
    ("visit_route", None, CW_ONLY),
    ("record_search", None, ANYONE),
    ("grade_overrides", None, SV_ONLY),
    ("visit_sheet", "household", WORK),
    ("visit_new", "household", WORK),
    ("record_new", "household", WORK),
    ("visit_grade", "household", READ),
    ("record_detail", "record", READ),
]
ROLE_TESTED_URLS = {name for name, _, _ in VIEWS}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, target, expected", VIEWS)
def test_each_role_gets_what_it_may(everyone, objects, login, role, name, target, expected):
    url = reverse(name, args=[objects[target]] if target else [])
    assert login(everyone[role]).get(url).status_code == expected[role]
    if target and expected[role] == 404:
        assert denied_entries(everyone[role], objects[target]).count() == 1


@pytest.mark.parametrize("name, target, expected", VIEWS)
def test_anonymous_is_sent_to_login(client, objects, name, target, expected):
    assert_sent_to_login(client.get(reverse(name, args=[objects[target]] if target else [])))


@pytest.mark.parametrize("role", ["cw_other", "b_cw", "admin"])
def test_opening_a_record_out_of_scope_is_refused_and_audited(cast, objects, login, role):
    assert login(cast.users[role]).get(reverse("record_detail", args=[objects["record"]])).status_code == 404
    assert AuditEntry.objects.filter(action=Action.DENIED, target_type="case_record", actor_username=role).exists()


@pytest.mark.parametrize("role, expected", [("chief", 403), ("clerk", 403), ("cw_other", 404), ("b_cw", 404)])
def test_recording_a_visit_out_of_scope_is_refused(cast, objects, login, role, expected, today):
    response = login(cast.users[role]).post(
        reverse("visit_sheet", args=[objects["household"]]), {"done_on": today.isoformat(), "met": "本人"}
    )
    assert response.status_code == expected


@pytest.mark.parametrize("role, expected", [("chief", 403), ("cw_mate", 403), ("b_cw", 404)])
def test_changing_a_visit_out_of_scope_is_refused(cast, objects, login, role, expected):
    response = login(cast.users[role]).post(reverse("visit_status", args=[objects["visit"]]), {"status": "confirmed"})
    assert response.status_code == expected


def test_the_caseworker_confirms_a_proposed_slot(cast, objects, login):
    from hogo.casework.models import Visit

    login(cast.users["cw"]).post(reverse("visit_status", args=[objects["visit"]]), {"status": "confirmed"})
    assert Visit.objects.get(public_id=objects["visit"]).status == "confirmed"


def test_search_never_shows_records_of_households_out_of_scope(cast, objects, login):
    page = login(cast.users["b_cw"]).get(reverse("record_search"), {"q": "電話"}).content.decode()
    assert "電話で話した" not in page
