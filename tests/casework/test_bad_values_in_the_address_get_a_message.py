"""A bad value in the address of a visit or record page (typed, or left from an old link) is said
in a message naming what is wrong, and the page shows its default — never a server error."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone


def said(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


MONTH = "表示する月は 2026-04 のように入力してください（1900年から2199年まで）。"


@pytest.mark.parametrize("name", ["visit_list", "visit_calendar"])
@pytest.mark.parametrize("month", ["9999-12", "0001-01", "2026-13", "abc", "2026-04-01"])
def test_a_month_out_of_range_or_malformed_shows_this_month_with_a_message(cast, login, name, month):
    response = login(cast.users["cw"]).get(reverse(name), {"month": month})
    assert response.status_code == 200 and said(response) == [MONTH]
    assert response.context["start"] == timezone.localdate().replace(day=1)


@pytest.mark.parametrize("name", ["visit_list", "visit_calendar"])
def test_the_first_and_last_months_shown_have_neighbours(cast, login, name):
    for month in ("1900-01", "2199-12"):
        response = login(cast.users["cw"]).get(reverse(name), {"month": month})
        assert response.status_code == 200 and said(response) == []


def test_a_stop_that_is_not_a_household_id_is_said(cast, login):
    response = login(cast.users["cw"]).get(reverse("visit_route"), {"stop": ["xyz"]})
    assert response.status_code == 200 and said(response) == ["訪問先は訪問予定の一覧から選んでください。"]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"household": "abc"}, "世帯の指定が正しくありません。"),
        ({"cw": "x"}, "ケースワーカーの指定が正しくありません。"),
        ({"date_from": "2026-02-30"}, "期間の始め（から）は正しい日付で入力してください（例: 2026-04-01）。"),
    ],
)
def test_a_bad_search_value_is_said_and_nothing_is_searched(cast, login, params, message):
    response = login(cast.users["cw"]).get(reverse("record_search"), params)
    assert response.status_code == 200 and response.context["searched"] is False
    assert said(response) == [message]


def test_an_unknown_kind_of_record_opens_the_form_for_a_visit_record(cast, login):
    response = login(cast.users["cw"]).get(
        reverse("record_new", args=[cast.households["own"].public_id]), {"kind": "x"}
    )
    assert response.status_code == 200 and said(response) == ["種類は一覧から選んでください。"]
    assert response.context["form"]["kind"].value() == "visit"
