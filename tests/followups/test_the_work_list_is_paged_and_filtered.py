"""The CW home's 「今日の仕事」: 20 items a page, most urgent first, filtered by urgency, kind and
household; a bad page number or filter is a message and the first page, never a 500."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse

from hogo.followups.models import FollowUp, Source
from tests.factories import make_household


@pytest.fixture
def work(cast, today):
    own, second = (
        cast.households["own"],
        make_household(cast.office_a, cast.staff["cw"], head_name="森 次郎", head_kana="モリ ジロウ"),
    )
    for n in range(25):
        due = today - timedelta(days=30 - n)
        FollowUp.objects.create(
            household=own, source=Source.RULE, key=f"late:{n}", title=f"遅れた確認{n:02d}", due_on=due, warn_on=due
        )
    for n in range(3):
        due = today + timedelta(days=3 + n)
        FollowUp.objects.create(
            household=second,
            source=Source.APPLICATION,
            key=f"soon:{n}",
            subject_id=str(uuid.uuid4()),
            title=f"近い申請{n}",
            due_on=due,
            warn_on=today - timedelta(days=1),
        )
    return own, second


def _home(client, **params):
    response = client.get(reverse("home"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_first_page_shows_twenty_items_most_urgent_first(cast, work, login):
    page = _home(login(cast.users["cw"]))
    assert page.count('class="urgency--') == 20
    assert page.index("遅れた確認00") < page.index("遅れた確認19")
    assert "遅れた確認20" not in page and "近い申請0" not in page
    assert "1 / 2 ページ" in page


def test_the_second_page_shows_the_rest(cast, work, login):
    page = _home(login(cast.users["cw"]), work_page=2)
    assert page.count('class="urgency--') == 8
    assert "遅れた確認24" in page and "近い申請2" in page and "遅れた確認00" not in page


def test_the_list_is_filtered_by_urgency_kind_and_household(cast, work, login):
    client = login(cast.users["cw"])
    due = _home(client, work_urgency="due")
    assert "近い申請0" in due and "遅れた確認00" not in due
    applications = _home(client, work_kind=Source.APPLICATION)
    assert applications.count('class="urgency--') == 3
    by_name = _home(client, work_household="森")
    assert "近い申請1" in by_name and "遅れた確認" not in by_name.split('id="work-title"')[1].split("</section>")[0]


def test_a_bad_page_number_shows_the_first_page_with_a_message(cast, work, login):
    page = _home(login(cast.users["cw"]), work_page="abc")
    assert "遅れた確認00" in page
    assert "今日の仕事のページは" in page and "最初のページを表示しています" in page


def test_an_unknown_urgency_is_a_message_not_an_error(cast, work, login):
    page = _home(login(cast.users["cw"]), work_urgency="<x>")
    assert "緊急度は一覧から選んでください。" in page
    assert page.count('class="urgency--') == 20
