"""Per-role access to every view of the application-to-decision flow: every role of tests/roles.py
against objects of a household of office A (the CW's caseload, in the SV's team) and of office B.
Approving and returning are buttons: a refusal comes back to the decision's page as an error
message, and is audited as denied."""

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.approvals import services as approvals
from hogo.decisions import services
from hogo.decisions.models import Decision
from tests.roles import ROLES, assert_sent_to_login, denied_entries, said

READ = {role: 404 for role in ROLES} | {r: 200 for r in ("cw", "cw_mate", "sv", "chief", "clerk")}
WORK_GET = READ | {r: 403 for r in ("cw_mate", "chief", "clerk")}
WORK_POST = WORK_GET | {"cw": 302, "sv": 302}
NOT_YET = "この段階（1/2）の承認は査察指導員が行います。"
# what those who may read the draft decision are told when they press 承認 or 差戻し
APPROVE = {
    "cw": ("error", "起案者は自分の起案を承認できません。"),
    "cw_mate": ("error", NOT_YET),
    "sv": ("success", "承認しました。次の決裁者に回りました。"),
    "chief": ("error", NOT_YET),
    "clerk": ("error", NOT_YET),
}
RETURN = APPROVE | {"sv": ("success", "差し戻しました。起案者に戻りました。")}

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
    ("decision_notice", "approved_decision", "get", READ),
]
ROLE_TESTED_URLS = {v[0] for v in VIEWS} | {"decision_approve", "decision_return", "decision_figures"}


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
    approvals.approve(cast.users["sv"], approved)
    approvals.approve(cast.users["chief"], approved)
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
    approvals.approve(cast.users["b_sv"], decision)
    approvals.approve(cast.users["b_chief"], decision)
    return objects_of(household, application, test, decision, decision)


def call(client, name, args, method):
    url = reverse(name, args=args)
    return client.post(url, {}) if method == "post" else client.get(url)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name,which,method,expected", VIEWS, ids=[v[0] for v in VIEWS])
def test_view_of_own_office_answers_by_role(everyone, login, office_a_objects, name, which, method, expected, role):
    response = call(login(everyone[role]), name, office_a_objects[which], method)
    assert response.status_code == expected[role]


@pytest.mark.parametrize("role", [role for role in ROLES if not role.startswith("b_")])
@pytest.mark.parametrize("name,which,method,expected", VIEWS, ids=[v[0] for v in VIEWS])
def test_view_of_other_office_is_not_found(everyone, login, office_b_objects, name, which, method, expected, role):
    response = call(login(everyone[role]), name, office_b_objects[which], method)
    assert response.status_code == 404


def refused_read_of_household(user, objects):
    """A decision is opened through its household: a refused open is on record against the household."""
    return denied_entries(user, objects["household"][0]).get().target_type == "household"


@pytest.mark.parametrize("role", ROLES)
def test_approving_a_draft_decision_answers_by_role(everyone, login, office_a_objects, role):
    public_id = office_a_objects["decision"][0]
    response = login(everyone[role]).post(reverse("decision_approve", args=[public_id]), {"comment": ""})
    approved_by = list(Decision.objects.get(public_id=public_id).actions.values_list("actor__username", flat=True))
    if role in APPROVE:
        assert response.status_code == 302 and response.url == reverse("decision_detail", args=[public_id])
        assert said(response) == [APPROVE[role]]
        assert approved_by == (["sv"] if role == "sv" else [])
        assert denied_entries(everyone[role], public_id).exists() == (role != "sv")
    else:
        assert response.status_code == 404 and approved_by == []
        assert refused_read_of_household(everyone[role], office_a_objects)


@pytest.mark.parametrize("role", ROLES)
def test_returning_a_draft_decision_answers_by_role(everyone, login, office_a_objects, role):
    public_id = office_a_objects["decision"][0]
    response = login(everyone[role]).post(reverse("decision_return", args=[public_id]), {"comment": "要件を確認"})
    status = Decision.objects.get(public_id=public_id).status
    if role in RETURN:
        assert response.status_code == 302 and response.url == reverse("decision_detail", args=[public_id])
        assert said(response) == [RETURN[role]]
        assert status == ("returned" if role == "sv" else "draft")
    else:
        assert response.status_code == 404 and status == "draft"
        assert refused_read_of_household(everyone[role], office_a_objects)


@pytest.mark.parametrize(
    "name,which,method",
    [v[:3] for v in VIEWS] + [("decision_approve", "decision", "post"), ("decision_return", "decision", "post")],
)
def test_anonymous_is_sent_to_login(client, office_a_objects, name, which, method):
    assert_sent_to_login(call(client, name, office_a_objects[which], method))


def test_the_notice_of_a_draft_is_refused(cast, login, office_a_objects):
    response = login(cast.users["cw"]).get(reverse("decision_notice", args=office_a_objects["decision"]))
    assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_figures_answer_every_role_with_what_it_may_see(everyone, login, role):
    assert login(everyone[role]).get(reverse("decision_figures")).status_code == 200


def test_figures_need_a_login(client, db):
    assert_sent_to_login(client.get(reverse("decision_figures")))


def test_a_bad_kind_in_the_address_is_said_on_the_form_page_not_after_drafting(cast, login):
    client = login(cast.users["cw"])
    url = reverse("decision_new", args=[cast.households["own"].public_id])
    response = client.get(url + "?kind=xyz")
    assert response.status_code == 200 and "決定の種類は一覧から選んでください" in response.content.decode()
    response = client.post(url + "?kind=xyz", {"kind": "termination"})
    messages = [str(m) for m in response.wsgi_request._messages]
    assert not any("決定の種類は一覧から選んでください" in m for m in messages)
