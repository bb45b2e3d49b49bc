"""A recipient answers their household's open check-in once: a second submit changes nothing, an answer after
the window is refused with a plain message, a missing choice is said by its name, another household's
check-in is a 404; the answer goes to the core once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.portal_visits.models import CheckinAnswer

from .visits_helpers import ANSWER, HOUSEHOLD, OTHER_HOUSEHOLD, checkin, deliver, recipient, to_core

pytestmark = pytest.mark.django_db

OPEN, LATE, THEIRS = (
    "55555555-5555-4555-8555-555555555555",
    "66666666-6666-4666-8666-666666666666",
    "77777777-7777-4777-8777-777777777777",
)


@pytest.fixture
def me(client):
    account = recipient()
    recipient(OTHER_HOUSEHOLD, "r_other", 2)
    deliver([], [checkin(OPEN), checkin(LATE, opened_days_ago=14), checkin(THEIRS, OTHER_HOUSEHOLD)])
    client.force_login(account.user)
    return account


def test_an_answer_is_kept_once_and_sent_to_the_core_once(client, me):
    url = reverse("my_checkin_answer", args=[OPEN])
    answer = {**ANSWER, "health": "poor", "changed": "yes", "change_text": "入院した", "message": "相談したい"}
    assert client.post(url, answer).status_code == 302
    assert client.post(url, {**ANSWER}).status_code == 302  # sent again: the first answer stands
    kept = CheckinAnswer.objects.get()
    assert kept.health == "poor" and kept.changed and kept.change_text == "入院した"
    (row,) = to_core()["checkin_answer"]
    assert row == {**row, "key": OPEN, "household": HOUSEHOLD, "health": "poor", "living": "fine", "changed": True}
    assert to_core()["checkin_answer"] == []
    assert "回答しました" in client.get(reverse("my_checkins")).content.decode()


def test_an_answer_after_the_window_is_refused_with_a_plain_message(client, me):
    response = client.post(reverse("my_checkin_answer", args=[LATE]), ANSWER, follow=True)
    assert "締切" in response.content.decode() and "回答できません" in response.content.decode()
    assert not CheckinAnswer.objects.exists()


def test_a_missing_choice_and_a_change_without_its_text_are_said_by_name(client, me):
    url = reverse("my_checkin_answer", args=[OPEN])
    response = client.post(url, {**ANSWER, "health": ""})
    assert response.status_code == 400 and "「体調」を選んでください" in response.content.decode()
    response = client.post(url, {**ANSWER, "changed": "yes"})
    assert response.status_code == 400 and "その内容を書いてください" in response.content.decode()
    assert not CheckinAnswer.objects.exists()


def test_another_households_checkin_is_not_found(client, me):
    assert client.post(reverse("my_checkin_answer", args=[THEIRS]), ANSWER).status_code == 404
    assert "77777777" not in client.get(reverse("my_checkins")).content.decode()
    assert not CheckinAnswer.objects.exists()


def test_a_checkin_not_yet_open_is_not_found(client, me):
    future = checkin()
    future["due_on"] = (timezone.localdate() + timedelta(days=3)).isoformat()
    future["window_closes_on"] = (timezone.localdate() + timedelta(days=16)).isoformat()
    deliver([], [future])
    assert client.post(reverse("my_checkin_answer", args=[future["key"]]), ANSWER).status_code == 404
