"""In a read-only request a supervisor's households (the teams' and the office's unassigned ones) are read
once into a list that later queries filter by (households/scoping.py `_supervised`): the same households
as the subquery rule gives elsewhere, and the subquery rule again when there are too many for a list."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from hogo.common.memo import read_only_memo_middleware
from hogo.households import scoping

pytestmark = pytest.mark.django_db


def in_a_get(compute):
    return read_only_memo_middleware(lambda request: compute())(RequestFactory().get("/"))


def visible(user) -> set:
    return set(scoping.households_visible_to(user).values_list("pk", flat=True))


def test_a_supervisor_sees_the_same_households_in_a_get_as_by_the_subquery_rule(cast):
    supervisor = cast.users["sv"]
    expected = {cast.households[k].pk for k in ("own", "mate", "unassigned")}
    assert visible(supervisor) == expected
    assert in_a_get(lambda: visible(supervisor)) == expected


def test_in_a_get_the_list_is_read_once_and_later_queries_do_not_repeat_the_subqueries(cast):
    supervisor = cast.users["sv"]
    visible(supervisor)  # the user's standing, kept on the user object

    def three_lookups():
        with CaptureQueriesContext(connection) as captured:
            for _ in range(3):
                visible(supervisor)
        return [q["sql"] for q in captured]

    sqls = in_a_get(three_lookups)
    with_subqueries = [sql for sql in sqls if "households_caseworkerassignment" in sql]
    # the team's members, the list (the only query over the assignments), then three lookups by the list
    assert len(sqls) == 5 and len(with_subqueries) == 1


def test_more_households_than_a_list_should_hold_fall_back_to_the_subquery_rule(cast, monkeypatch):
    monkeypatch.setattr(scoping, "SUPERVISED_IDS_LIMIT", 1)
    supervisor = cast.users["sv"]
    expected = {cast.households[k].pk for k in ("own", "mate", "unassigned")}
    assert in_a_get(lambda: visible(supervisor)) == expected


def test_a_supervisor_never_sees_another_teams_or_offices_households_in_a_get(cast):
    seen = in_a_get(lambda: visible(cast.users["sv"]))
    assert cast.households["other_team"].pk not in seen and cast.households["b_household"].pk not in seen
