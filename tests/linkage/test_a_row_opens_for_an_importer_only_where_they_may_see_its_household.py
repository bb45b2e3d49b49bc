"""A row of linkage data opens for the office's importers (supervisors, chief, clerk) only where they may
see its household, or one of its candidates' households: a supervisor of another team gets the same 404
as for a household they may not open, while a row that names no household is open to every importer
of the office. Who may settle the row still opens it."""

import pytest
from django.http import Http404
from django.urls import reverse

from hogo.linkage import services
from hogo.linkage.models import Outcome

from .helpers import import_pension, pension_line, pensioner
from .test_linkage_pages_per_role import namesake

NOBODY = ",誰 でもない,ダレ デモナイ,1940-01-01,老齢基礎年金,600000,100000,2026-06,"
AMBIGUOUS = ",山田 花子,ヤマダ ハナコ,1955-03-03,老齢基礎年金,600000,100000,2026-06,"


@pytest.fixture
def rows(cast):
    """By name: a row of "own" (team 1), an ambiguous row of "own" and "mate" (team 1), a row of
    "other_team" (team 2) and a row that matched nobody."""
    own = pensioner(cast.households["own"], cast.users["cw"])
    other = pensioner(cast.households["other_team"], cast.users["cw_other"], number="100000000009")
    namesake(cast.households["own"])
    namesake(cast.households["mate"])
    lines = [pension_line(own, annual=780_000), AMBIGUOUS, pension_line(other, annual=780_000), NOBODY]
    run = import_pension(cast.users["sv"], cast.office_a, *lines).run
    by_line = {row.line: row for row in run.items.all()}
    return {"own": by_line[2], "ambiguous": by_line[3], "other_team": by_line[4], "nobody": by_line[5]}


def opens(user, row) -> bool:
    try:
        services.open_row(user, row.public_id)
    except Http404:
        return False
    return True


def test_a_supervisor_of_another_team_does_not_open_a_row_of_a_household_they_may_not_see(cast, rows):
    assert rows["own"].household == cast.households["own"]
    assert rows["ambiguous"].household is None and len(rows["ambiguous"].candidates) == 2
    sv_other = cast.users["sv_other"]
    assert not opens(sv_other, rows["own"])
    assert not opens(sv_other, rows["ambiguous"])


def test_a_supervisor_of_another_team_opens_their_teams_row_and_a_row_naming_nobody(cast, rows):
    assert rows["nobody"].outcome == Outcome.EXCEPTION and rows["nobody"].household is None
    assert rows["nobody"].candidates == []
    sv_other = cast.users["sv_other"]
    assert opens(sv_other, rows["other_team"])
    assert opens(sv_other, rows["nobody"])


def test_the_chief_and_the_clerk_open_every_row_of_their_office(cast, rows):
    for role in ("chief", "clerk"):
        assert all(opens(cast.users[role], row) for row in rows.values()), role


def test_the_page_of_a_hidden_households_row_is_a_404_for_the_other_teams_supervisor(cast, rows, login):
    client = login(cast.users["sv_other"])
    assert client.get(reverse("linkage_row", args=[rows["own"].public_id])).status_code == 404
    assert client.get(reverse("linkage_row", args=[rows["other_team"].public_id])).status_code == 200


def test_who_may_settle_a_row_still_opens_it(cast, rows):
    assert opens(cast.users["cw"], rows["own"]) and opens(cast.users["cw_mate"], rows["ambiguous"])
    assert not opens(cast.users["cw_other"], rows["own"]) and not opens(cast.users["b_cw"], rows["nobody"])
