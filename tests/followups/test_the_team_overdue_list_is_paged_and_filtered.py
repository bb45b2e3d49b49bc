"""The SV's 係の状況 lists the team's overdue items 20 a page, oldest first, filtered by caseworker
and kind; a bad page number or filter is a message and the first page, never a 500."""

from datetime import timedelta

import pytest
from django.urls import reverse

from hogo.followups.models import FollowUp, Source


@pytest.fixture
def overdue(cast, today):
    own, mate = cast.households["own"], cast.households["mate"]
    for n in range(22):
        due = today - timedelta(days=40 - n)
        FollowUp.objects.create(
            household=own, source=Source.RULE, key=f"late:{n}", title=f"佐藤の遅れ{n:02d}", due_on=due, warn_on=due
        )
    for n in range(3):
        due = today - timedelta(days=2)
        FollowUp.objects.create(
            household=mate, source=Source.SUPPORT_PLAN, key=f"plan:{n}", title=f"鈴木の計画{n}", due_on=due, warn_on=due
        )


def _team(client, **params):
    response = client.get(reverse("team"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_first_page_shows_twenty_overdue_items_oldest_first(cast, overdue, login):
    page = _team(login(cast.users["sv"]))
    assert page.count('class="urgency--') == 20
    assert page.index("佐藤の遅れ00") < page.index("佐藤の遅れ19")
    assert "佐藤の遅れ20" not in page and "1 / 2 ページ" in page


def test_the_second_page_shows_the_rest(cast, overdue, login):
    page = _team(login(cast.users["sv"]), page=2)
    assert page.count('class="urgency--') == 5
    assert "佐藤の遅れ21" in page and "鈴木の計画2" in page


def test_the_list_is_filtered_by_caseworker_and_kind(cast, overdue, login):
    client = login(cast.users["sv"])
    mates = _team(client, cw=cast.staff["cw_mate"].pk)
    assert mates.count('class="urgency--') == 3 and "佐藤の遅れ" not in mates
    plans = _team(client, kind=Source.SUPPORT_PLAN)
    assert plans.count('class="urgency--') == 3


def test_a_bad_page_or_caseworker_is_a_message_and_the_first_page(cast, overdue, login):
    client = login(cast.users["sv"])
    page = _team(client, page="0")
    assert "ページは1以上" in page or "ページ" in page.split('class="messages"')[1].split("</div>")[0]
    assert "佐藤の遅れ00" in page
    stranger = _team(client, cw=cast.staff["cw_other"].pk)
    assert "ケースワーカーは一覧から選んでください。" in stranger
    assert stranger.count('class="urgency--') == 20
