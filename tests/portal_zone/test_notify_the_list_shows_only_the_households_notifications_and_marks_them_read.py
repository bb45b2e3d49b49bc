"""お知らせの一覧 (my/notifications/): the household's notifications only, newest first, 新着 until read;
既読 one at a time or all at once, never another household's; the text is escaped, a link only to the portal."""

import pytest
from django.urls import reverse

from hogo.portal_notify.models import Notification
from hogo.portal_notify.services import notify

from .notify_helpers import account, household

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.portal_zone.notify_helpers")]


@pytest.fixture
def homes(client):
    mine, theirs = household(), household("hh-2")
    client.force_login(account(mine, "head").user)
    return mine, theirs


def test_only_my_households_notifications_are_listed_and_escaped(client, homes):
    mine, theirs = homes
    notify(mine, kind="visit", subject="訪問の予定", body="<script>alert(1)</script>", url="/my/visits/")
    notify(mine, kind="x", subject="外へのリンク", body="本文", url="https://evil.example/")
    notify(theirs, kind="visit", subject="ほかの世帯のお知らせ", body="本文")
    page = client.get(reverse("my_notifications")).content.decode()
    assert "訪問の予定" in page and "新着" in page
    assert "ほかの世帯" not in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert 'href="/my/visits/"' in page and "evil.example" not in page


def test_one_is_marked_read_then_all(client, homes):
    mine, theirs = homes
    a = notify(mine, kind="a", subject="一つ目", body="本文")
    b = notify(mine, kind="b", subject="二つ目", body="本文")
    other = notify(theirs, kind="c", subject="ほか", body="本文")
    client.post(reverse("my_notifications"), {"notification": a.pk})
    assert Notification.objects.get(pk=a.pk).read_at and not Notification.objects.get(pk=b.pk).read_at
    client.post(reverse("my_notifications"), {"notification": other.pk})  # another household's: nothing
    assert not Notification.objects.get(pk=other.pk).read_at
    client.post(reverse("my_notifications"), {})
    assert Notification.objects.get(pk=b.pk).read_at and not Notification.objects.get(pk=other.pk).read_at


def test_a_bad_value_is_a_message_not_an_error(client, homes):
    response = client.post(reverse("my_notifications"), {"notification": "abc"}, follow=True)
    assert response.status_code == 200 and "既読にするお知らせが見つかりません" in response.content.decode()


def test_an_account_that_ended_cannot_see_the_list(client, homes):
    from django.utils import timezone

    from hogo.recipient_portal.models import RecipientAccount

    RecipientAccount.objects.filter(user__username="head").update(ended_at=timezone.now())
    assert client.get(reverse("my_notifications")).status_code == 403
