"""Per-role access to the linkage screens. Importing and a run's figures: supervisors, the chief and the
clerk of the office (everyone else 403, or 404 for a run they may not see). Bulk approval works only for
the supervisor whose step waits. The caseworker's list and a row: those who may change the row's
household (or a candidate's) act on it; the office's importers may read a row whose household (or a
candidate's) they may see — chief and clerk any of their office, a supervisor of another team not — but
not settle it."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.common.kana import search_key
from hogo.decisions.models import Decision, DecisionStatus
from hogo.households.models import Member
from hogo.linkage.models import LinkageRow, Outcome
from tests.roles import ROLES, assert_sent_to_login

from .helpers import import_pension, pension_line, pensioner

ROLE_TESTED_URLS = {
    "linkage_list",
    "linkage_detail",
    "linkage_approve",
    "linkage_notices",
    "linkage_waiting",
    "linkage_row",
    "linkage_row_resolve",
    "linkage_row_dismiss",
    "linkage_row_review",
    "linkage_row_confirm",
}
IMPORTERS = {"sv", "sv_other", "chief", "clerk"}
CASEWORKING = {"cw", "cw_mate", "cw_other", "sv", "sv_other", "b_cw"}
SETTLES = {"cw", "sv"}  # may change the household "own"
CANDIDATE = {"cw_mate"}  # may change "mate", where the ambiguous row's other candidate lives
READERS = {"sv", "chief", "clerk"}  # importers who may see "own" or "mate" (sv_other sees neither)


def namesake(household, kana="ヤマダ ハナコ", birth=date(1955, 3, 3)):
    return Member.objects.create(
        household=household,
        name="山田 花子",
        name_kana=kana,
        search_name=search_key("山田 花子"),
        search_kana=search_key(kana),
        birth_date=birth,
        sex="female",
        relation="other",
    )


@pytest.fixture
def run(cast):
    """A pension file: the head of "own" revised (a large change, held for the CW's look), and a row
    naming by kana and birth date a person who is a member of both "own" and "mate"."""
    head = pensioner(cast.households["own"], cast.users["cw"])
    namesake(cast.households["own"])
    namesake(cast.households["mate"])
    ambiguous = ",山田 花子,ヤマダ ハナコ,1955-03-03,老齢基礎年金,600000,100000,2026-06,"
    imported = import_pension(cast.users["sv"], cast.office_a, pension_line(head, annual=780_000), ambiguous)
    return imported.run


def rows(run):
    drafted = run.items.get(outcome=Outcome.DRAFTED)
    exception = run.items.get(outcome=Outcome.EXCEPTION)
    return drafted, exception


@pytest.mark.parametrize("role", ROLES)
def test_importers_see_the_import_page(everyone, cast, login, role):
    response = login(everyone[role]).get(reverse("linkage_list"))
    assert response.status_code == (200 if role in IMPORTERS else 403)


@pytest.mark.parametrize("role", ROLES)
def test_importers_of_the_office_see_a_runs_figures(everyone, run, login, role):
    response = login(everyone[role]).get(reverse("linkage_detail", args=[run.public_id]))
    assert response.status_code == (200 if role in IMPORTERS else 404)
    if response.status_code == 200:
        assert response.context["run"].drafted == 1


@pytest.mark.parametrize("role", ROLES)
def test_only_the_supervisor_whose_step_waits_approves_in_bulk(everyone, run, login, role):
    drafted, _ = rows(run)
    drafted.handled_at = drafted.decision.drafted_at  # the CW has looked at the large change
    drafted.save()
    login(everyone[role]).post(reverse("linkage_approve", args=[run.public_id]))
    approvals = drafted.decision.actions.filter(action="approve")
    assert approvals.exists() == (role == "sv")


@pytest.mark.parametrize("role", ROLES)
def test_importers_print_the_notices_once_approved(everyone, run, login, role):
    drafted, _ = rows(run)
    Decision.objects.filter(pk=drafted.decision_id).update(status=DecisionStatus.APPROVED)
    url = reverse("linkage_notices", args=[run.public_id, drafted.decision.drafted_by_id])
    response = login(everyone[role]).get(url)
    assert response.status_code == (200 if role in IMPORTERS else 404)
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


@pytest.mark.parametrize("role", ROLES)
def test_caseworkers_see_the_rows_waiting_for_them(everyone, run, login, role):
    response = login(everyone[role]).get(reverse("linkage_waiting"))
    assert response.status_code == (200 if role in CASEWORKING else 403)
    if response.status_code == 200:
        listed = {r.line for r in response.context["rows"]}
        assert listed == ({2, 3} if role in SETTLES else {3} if role in CANDIDATE else set())


@pytest.mark.parametrize("role", ROLES)
def test_a_row_opens_for_who_may_settle_it_and_for_the_offices_importers(everyone, run, login, role):
    _, exception = rows(run)
    response = login(everyone[role]).get(reverse("linkage_row", args=[exception.public_id]))
    assert response.status_code == (200 if role in SETTLES | CANDIDATE | READERS else 404)


@pytest.mark.parametrize("role", ROLES)
def test_only_who_may_change_the_household_resolves_an_exception(everyone, cast, run, login, role):
    _, exception = rows(run)
    mine = Member.objects.get(household=cast.households["own"], name_kana="ヤマダ ハナコ")
    login(everyone[role]).post(reverse("linkage_row_resolve", args=[exception.public_id]), {"member": mine.pk})
    exception.refresh_from_db()
    assert (exception.member_id == mine.pk) == (role in SETTLES)


@pytest.mark.parametrize("role", ROLES)
def test_only_who_may_change_a_candidates_household_dismisses_a_row(everyone, run, login, role):
    _, exception = rows(run)
    login(everyone[role]).post(reverse("linkage_row_dismiss", args=[exception.public_id]), {"reason": "別途入力"})
    exception.refresh_from_db()
    assert (exception.outcome == Outcome.DISMISSED) == (role in SETTLES | CANDIDATE)


@pytest.mark.parametrize("role", ROLES)
def test_only_who_may_change_the_household_marks_a_large_change_reviewed(everyone, run, login, role):
    drafted, _ = rows(run)
    login(everyone[role]).post(reverse("linkage_row_review", args=[drafted.public_id]))
    drafted.refresh_from_db()
    assert (drafted.handled_at is not None) == (role in SETTLES)


@pytest.mark.parametrize("role", ROLES)
def test_only_who_may_change_the_household_confirms_a_resident_change(everyone, cast, login, role):
    from hogo.linkage import services

    household = cast.households["own"]
    pensioner(household, cast.users["cw"])
    data = (
        "異動種別,異動日,宛名番号,氏名,氏名カナ,生年月日,性別,世帯主の宛名番号\n"
        "出生,2026-10-05,,山田 未来,ヤマダ ミライ,2026-10-05,女,100000000001\n"
    ).encode()
    run = services.import_file(cast.users["sv"], cast.office_a, "resident_change", "r.csv", data).run
    row = LinkageRow.objects.get(run=run)
    login(everyone[role]).post(reverse("linkage_row_confirm", args=[row.public_id]), {"relation": "child"})
    added = household.members.filter(name_kana="ヤマダ ミライ").exists()
    assert added == (role in SETTLES)


def test_anonymous_visitors_are_sent_to_log_in(client, run):
    row = run.items.first()
    assert_sent_to_login(client.get(reverse("linkage_list")))
    assert_sent_to_login(client.get(reverse("linkage_detail", args=[run.public_id])))
    assert_sent_to_login(client.get(reverse("linkage_waiting")))
    assert_sent_to_login(client.get(reverse("linkage_row", args=[row.public_id])))
    assert_sent_to_login(client.post(reverse("linkage_approve", args=[run.public_id])))
