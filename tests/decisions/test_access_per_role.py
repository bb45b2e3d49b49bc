"""Per-role access to every view of the application-to-decision flow: CW, SV, chief, clerk (and
admin) of office A against objects of a household of office A (in the CW's and SV's team) and of
office B."""

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.decisions import services

ROLES = ["cw", "sv", "chief", "clerk", "admin"]
READ = {"cw": 200, "sv": 200, "chief": 200, "clerk": 200, "admin": 404}
WORK_GET = {"cw": 200, "sv": 200, "chief": 403, "clerk": 403, "admin": 404}
WORK_POST = {"cw": 302, "sv": 302, "chief": 403, "clerk": 403, "admin": 404}
DECIDE_POST = {"cw": 302, "sv": 302, "chief": 302, "clerk": 302, "admin": 404}  # refusals come back as messages

VIEWS = [
    # (url name, which object, method, expected by role)
    ("consultation_new", "household", "get", WORK_GET),
    ("application_new", "household", "get", WORK_GET),
    ("decision_new", "household", "get", WORK_GET),
    ("household_ledger", "household", "get", READ),
    ("application_detail", "application", "get", READ),
    ("checklist_update", "checklist_item", "post", WORK_POST),
    ("application_extend", "application", "post", WORK_POST),
    ("need_test_run", "application", "post", WORK_POST),
    ("need_test_detail", "need_test", "get", READ),
    ("decision_detail", "decision", "get", READ),
    ("decision_approve", "decision", "post", DECIDE_POST),
    ("decision_return", "decision", "post", DECIDE_POST),
    ("decision_notice", "approved_decision", "get", READ),
]


def objects_of(household, application, test, decision, approved):
    item = application.checklist.first()
    return {
        "household": [household.public_id],
        "application": [application.public_id],
        "checklist_item": [application.public_id, item.pk],
        "need_test": [test.public_id],
        "decision": [decision.public_id],
        "approved_decision": [approved.public_id],
    }


@pytest.fixture
def office_a_objects(cast, drafted):
    household, application, test, decision = drafted
    # a second, approved decision on the team's other household for the notice view
    mate_household = cast.households["mate"]
    mate_household.status = "applying"
    mate_household.save()
    from hogo.decisions.models import Application

    mate_app = Application.objects.create(
        household=mate_household,
        received_on=timezone.localdate(),
        applicant_name="松本 さくら",
        reason="x",
        recorded_by=cast.users["cw_mate"],
    )
    mate_test = services.run_need_test(
        cast.users["cw_mate"], mate_household, as_of=timezone.localdate(), application=mate_app
    )
    approved = services.draft_decision(
        cast.users["cw_mate"],
        mate_household,
        kind="rejection" if not mate_test.need else "start",
        effective_from=timezone.localdate(),
        reasons="x",
        application=mate_app,
        need_test=mate_test,
    )
    services.approve(cast.users["sv"], approved)
    services.approve(cast.users["chief"], approved)
    return objects_of(household, application, test, decision, approved)


@pytest.fixture
def office_b_objects(cast):
    household = cast.households["b_household"]
    household.status = "consultation"
    household.save()
    b_cw = cast.users["b_cw"]
    application = services.receive_application(
        b_cw,
        household,
        received_on=timezone.localdate(),
        applicant_name="林 正男",
        applicant_relation="本人",
        reason="x",
        documents=[],
    )
    test = services.run_need_test(b_cw, household, as_of=timezone.localdate(), application=application)
    decision = services.draft_decision(
        b_cw, household, kind="rejection", effective_from=timezone.localdate(), reasons="x", application=application
    )
    services.approve(cast.users["b_sv"], decision)
    services.approve(cast.users["b_chief"], decision)
    return objects_of(household, application, test, decision, decision)


def call(client, name, args, method):
    url = reverse(name, args=args)
    return client.post(url, {}) if method == "post" else client.get(url)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name,which,method,expected", VIEWS, ids=[v[0] for v in VIEWS])
def test_view_of_own_office_answers_by_role(cast, login, office_a_objects, name, which, method, expected, role):
    response = call(login(cast.users[role]), name, office_a_objects[which], method)
    assert response.status_code == expected[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name,which,method,expected", VIEWS, ids=[v[0] for v in VIEWS])
def test_view_of_other_office_is_not_found(cast, login, office_b_objects, name, which, method, expected, role):
    response = call(login(cast.users[role]), name, office_b_objects[which], method)
    assert response.status_code == 404


@pytest.mark.parametrize("name,which,method,expected", VIEWS, ids=[v[0] for v in VIEWS])
def test_anonymous_is_sent_to_login(client, office_a_objects, name, which, method, expected):
    response = call(client, name, office_a_objects[which], method)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_notice_of_a_draft_is_refused(cast, login, office_a_objects):
    response = login(cast.users["cw"]).get(reverse("decision_notice", args=office_a_objects["decision"]))
    assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_figures_answer_every_role_with_what_it_may_see(cast, login, role):
    assert login(cast.users[role]).get(reverse("decision_figures")).status_code == 200


def test_figures_need_a_login(client, db):
    response = client.get(reverse("decision_figures"))
    assert response.status_code == 302 and "/accounts/login/" in response.url
