"""The caseworker's list of waiting linkage rows costs the same number of queries for 3 rows as for 30:
the candidates' households are read in one query and what the caseworker may change is worked out
once, not row by row (and the list still holds exactly the rows they may settle)."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hogo.linkage import services
from hogo.linkage.models import LinkageRow, LinkageRun, Outcome

from .test_linkage_pages_per_role import namesake


def add_rows(cast, count: int, start: int) -> None:
    """`count` exceptions in a new run, in turn: one of "own", one ambiguous between "own" and "mate",
    one of "other_team" (not the caseworker's) and one ambiguous between "mate" and "other_team"."""
    run = LinkageRun.objects.create(
        office=cast.office_a, source="pension", file_name=f"{start}.csv", sha256=f"{start:064d}", encoding="utf-8"
    )
    households = cast.households
    for i in range(count):
        birth = f"1950-01-{i % 28 + 1:02d}"
        row = LinkageRow(run=run, line=start + i, values={"kana": "ヤマダ", "birth_date": birth})
        row.outcome, row.reason = Outcome.EXCEPTION, "候補の世帯員が複数いるため決められません"
        kind = i % 4
        if kind == 0:
            row.household = households["own"]
        elif kind == 2:
            row.household = households["other_team"]
        else:
            pair = ("own", "mate") if kind == 1 else ("mate", "other_team")
            row.candidates = [namesake(households[name]).pk for name in pair]
        row.save()


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)  # no standing cached on the object


def queries_of(call) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        result = call()
    return len(queries.captured_queries), result


def test_the_list_costs_as_many_queries_for_thirty_rows_as_for_three(cast):
    cw = cast.users["cw"]
    add_rows(cast, 3, start=1)
    few, rows = queries_of(lambda: services.rows_waiting_for(fresh(cw)))
    assert [r.line for r in rows] == [1, 2]

    add_rows(cast, 27, start=100)
    many, rows = queries_of(lambda: services.rows_waiting_for(fresh(cw)))

    assert many == few
    assert len(rows) == 2 + 14  # of the 27: "own" and "own"/"mate" rows, 7 each
    assert all(r.household == cast.households["own"] or r.household is None for r in rows)


def test_the_list_page_costs_as_many_queries_for_thirty_rows_as_for_three(cast, login):
    client = login(cast.users["cw_mate"])
    add_rows(cast, 3, start=1)
    few, response = queries_of(lambda: client.get(reverse("linkage_waiting")))
    assert [r.line for r in response.context["rows"]] == [2]

    add_rows(cast, 27, start=100)
    many, response = queries_of(lambda: client.get(reverse("linkage_waiting")))

    assert response.status_code == 200 and len(response.context["rows"]) == 1 + 13
    assert many == few


def test_the_supervisor_settles_the_rows_of_the_team_and_those_naming_nobody(cast):
    add_rows(cast, 8, start=1)
    run = LinkageRun.objects.get()
    LinkageRow.objects.create(run=run, line=50, values={"kana": "ダレ"}, outcome=Outcome.EXCEPTION)

    lines = [r.line for r in services.rows_waiting_for(fresh(cast.users["sv"]))]
    other = [r.line for r in services.rows_waiting_for(fresh(cast.users["sv_other"]))]

    assert lines == [1, 2, 4, 5, 6, 8, 50]  # team 1's "own" and "mate", and the row naming nobody
    assert other == [3, 4, 7, 8, 50]  # team 2's "other_team" (and "mate"/"other_team" ambiguous rows)
