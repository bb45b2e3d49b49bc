"""Per-role access to the 一斉更正 (mass recalculation) pages: the list (and starting a run from it),
a run's page and its bulk approval, for every role of office A, a partner-agency member and office B.
Chiefs, clerks and supervisors see their own office's runs; chiefs and clerks start runs;
supervisors and chiefs approve; nobody sees another office's run."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from hogo.approvals import services as approvals
from hogo.decisions import recalc
from hogo.decisions.models import Decision, RecalcResult, RecalcRun
from hogo.households.models import Household
from tests.roles import ROLES, assert_sent_to_login

ROLE_TESTED_URLS = {"recalc_list", "recalc_detail", "recalc_approve"}

ALL = [*ROLES, "b_chief", "b_clerk"]
OFFICE_A = {"cw", "cw_mate", "cw_other", "sv", "sv_other", "chief", "clerk", "collector", "admin"}
OFFICE_B = {"b_cw", "b_chief", "b_clerk"}

# GET recalc_list
LIST = {role: 403 for role in ALL} | {r: 200 for r in ("sv", "sv_other", "chief", "clerk", "b_chief", "b_clerk")}
# GET recalc_detail of office A's run: a run the role may not see is not found
DETAIL = {role: 404 for role in ALL} | {r: 200 for r in ("sv", "sv_other", "chief", "clerk")}
# POST recalc_approve of office A's run: supervisors and chiefs of the office; a clerk sees the run but may not approve
APPROVE = {role: 404 for role in ALL} | {"sv": 302, "sv_other": 302, "chief": 302, "clerk": 403}
# POST recalc_list (start a run): chiefs and clerks, each in their own office
START = {role: 403 for role in ALL} | {r: 302 for r in ("chief", "clerk", "b_chief", "b_clerk")}


@pytest.fixture
def runs(cast):
    a = recalc.start_recalc(cast.users["clerk"], cast.office_a, date(2027, 1, 1), "基準改定（みなと）", enqueue=False)
    b = recalc.start_recalc(cast.users["b_clerk"], cast.office_b, date(2027, 1, 1), "基準改定（かわせ）", enqueue=False)
    return {"a": a, "b": b}


def link_to(run):
    return f'href="{reverse("recalc_detail", args=[run.public_id])}"'


@pytest.mark.parametrize("role", ALL)
def test_the_recalc_list_shows_each_role_only_its_own_offices_runs(everyone, runs, login, role):
    response = login(everyone[role]).get(reverse("recalc_list"))
    assert response.status_code == LIST[role]
    if response.status_code == 200:
        page = response.content.decode()
        assert (link_to(runs["a"]) in page) == (role in OFFICE_A)
        assert (link_to(runs["b"]) in page) == (role in OFFICE_B)


@pytest.mark.parametrize("role", ALL)
def test_a_run_page_answers_by_role(everyone, runs, login, role):
    response = login(everyone[role]).get(reverse("recalc_detail", args=[runs["a"].public_id]))
    assert response.status_code == DETAIL[role]
    if response.status_code == 200:
        assert "基準改定（みなと）" in response.content.decode()


@pytest.mark.parametrize("role", ALL)
def test_a_run_of_another_office_is_not_found(everyone, runs, login, role):
    response = login(everyone[role]).get(reverse("recalc_detail", args=[runs["b"].public_id]))
    assert response.status_code == (200 if role in ("b_chief", "b_clerk") else 404)


@pytest.mark.parametrize("role", ALL)
def test_bulk_approval_answers_by_role(everyone, runs, login, role):
    response = login(everyone[role]).post(reverse("recalc_approve", args=[runs["a"].public_id]))
    assert response.status_code == APPROVE[role]
    if response.status_code == 302:
        assert response.url == reverse("recalc_detail", args=[runs["a"].public_id])
        said = [str(m) for m in get_messages(response.wsgi_request)]
        assert said == ["0件を承認しました（承認できなかったもの 0件）。"]


def test_a_supervisor_of_another_team_approves_none_of_the_teams_drafts(cast, login, drafted):
    """The run page lets every supervisor of the office in, but each draft is approved only by the
    supervisor of its household's team: the other team's supervisor gets every draft refused."""
    household, _, _, decision = drafted
    approvals.approve(cast.users["sv"], decision)
    approvals.approve(cast.users["chief"], decision)
    Household.objects.filter(pk=household.pk).update(rent=44000)  # a small change: no exception to review
    run = recalc.start_recalc(cast.users["clerk"], cast.office_a, date(2027, 1, 1), "家賃改定", enqueue=False)
    recalc.process_chunk(run, [household.pk])
    draft = RecalcResult.objects.get(run=run, household=household).decision
    RecalcResult.objects.filter(run=run, household=household).update(exception="")
    response = login(cast.users["sv_other"]).post(reverse("recalc_approve", args=[run.public_id]))
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["0件を承認しました（承認できなかったもの 1件）。"]
    assert Decision.objects.get(pk=draft.pk).status == "draft"
    response = login(cast.users["sv"]).post(reverse("recalc_approve", args=[run.public_id]))
    assert [str(m) for m in get_messages(response.wsgi_request)][
        -1
    ] == "1件を承認しました（承認できなかったもの 0件）。"
    assert Decision.objects.get(pk=draft.pk).actions.get().actor == cast.users["sv"]


@pytest.mark.parametrize("role", ALL)
def test_starting_a_run_answers_by_role_in_the_roles_own_office(everyone, cast, runs, login, role):
    response = login(everyone[role]).post(reverse("recalc_list"), {"as_of": "2027-04-01", "reason": "基準改定"})
    assert response.status_code == START[role]
    started = RecalcRun.objects.exclude(pk__in=[runs["a"].pk, runs["b"].pk])
    if response.status_code == 302:
        run = started.get()
        assert response.url == reverse("recalc_detail", args=[run.public_id])
        assert run.office == (cast.office_b if role in OFFICE_B else cast.office_a)
        assert run.requested_by == everyone[role]
    else:
        assert not started.exists()


@pytest.mark.parametrize("name, method", [("recalc_list", "get"), ("recalc_detail", "get"), ("recalc_approve", "post")])
def test_anonymous_is_sent_to_login(client, runs, name, method):
    url = reverse(name, args=[runs["a"].public_id] if name != "recalc_list" else [])
    assert_sent_to_login(getattr(client, method)(url))
