"""During a GET, a question asked again (may this user edit this household?) is answered from the first
asking (hogo/common/memo.py); a form post, a command or a direct call asks the database every time, so a
change made by the request itself is never hidden."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from hogo.common.memo import read_only_memo_middleware, remembered
from hogo.households.scoping import may_edit


def run_in_request(method: str, view):
    request = getattr(RequestFactory(), method.lower())("/")
    return read_only_memo_middleware(view)(request)


def test_a_get_computes_a_remembered_answer_once():
    calls = []

    def view(request):
        return [remembered("question", lambda: calls.append(1) or len(calls)) for _ in range(3)]

    assert run_in_request("GET", view) == [1, 1, 1]
    assert calls == [1]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_a_request_that_may_write_computes_every_time(method):
    calls = []

    def view(request):
        return [remembered("question", lambda: calls.append(1) or len(calls)) for _ in range(3)]

    assert run_in_request(method, view) == [1, 2, 3]


def test_answers_do_not_outlive_their_request():
    assert run_in_request("GET", lambda r: remembered("q", lambda: "first")) == "first"
    assert run_in_request("GET", lambda r: remembered("q", lambda: "second")) == "second"
    assert remembered("q", lambda: "outside") == "outside"


@pytest.mark.django_db
def test_may_edit_reads_the_database_once_per_household_in_a_get(cast):
    user, household = cast.users["cw"], cast.households["own"]
    may_edit(user, household)  # fills the user's standing (kept on the user object for the day)

    def view(request):
        with CaptureQueriesContext(connection) as captured:
            answers = [may_edit(user, household) for _ in range(5)]
        return answers, len(captured)

    answers, asked = run_in_request("GET", view)
    assert answers == [True] * 5 and asked >= 1
    with CaptureQueriesContext(connection) as direct:
        for _ in range(5):
            may_edit(user, household)
    assert len(direct) == 5 * asked
