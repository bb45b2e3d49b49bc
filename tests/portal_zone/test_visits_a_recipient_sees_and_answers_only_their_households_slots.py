"""A recipient sees the upcoming visits of their own household only, answers one (confirm, decline, or
another time with a wish), and another household's slot is a 404."""

import pytest
from django.urls import reverse

from hogo.portal_visits.models import VisitAnswer

from .visits_helpers import OTHER_HOUSEHOLD, deliver, recipient, slot

pytestmark = pytest.mark.django_db

MINE, THEIRS = "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"


@pytest.fixture
def slots():
    me = recipient()
    recipient(OTHER_HOUSEHOLD, "r_other", 2)
    deliver([slot(MINE), slot(THEIRS, OTHER_HOUSEHOLD, slot="14:00〜14:30"), slot(days=-2)])
    return me


def test_the_page_lists_only_the_households_upcoming_slots(client, slots):
    client.force_login(slots.user)
    text = client.get(reverse("my_visits")).content.decode()
    assert "10:00〜10:30" in text and "14:00〜14:30" not in text
    assert text.count('class="card visit-slot"') == 1


def test_another_households_slot_is_not_found(client, slots):
    client.force_login(slots.user)
    response = client.post(reverse("my_visit_answer", args=[THEIRS]), {"answer": "confirm"})
    assert response.status_code == 404 and not VisitAnswer.objects.exists()


def test_another_time_needs_the_wish_and_is_kept_with_it(client, slots):
    client.force_login(slots.user)
    url = reverse("my_visit_answer", args=[MINE])
    response = client.post(url, {"answer": "other_time", "wish": ""})
    assert response.status_code == 400 and "ご希望の日時" in response.content.decode()
    assert not VisitAnswer.objects.exists()
    assert client.post(url, {"answer": "other_time", "wish": "午後なら大丈夫です"}).status_code == 302
    assert VisitAnswer.objects.get().wish == "午後なら大丈夫です"


def test_an_unknown_answer_is_a_message_not_an_error(client, slots):
    client.force_login(slots.user)
    response = client.post(reverse("my_visit_answer", args=[MINE]), {"answer": "maybe"})
    assert response.status_code == 400 and "ご都合" in response.content.decode()


def test_someone_without_a_recipient_account_is_refused(client, slots, django_user_model):
    client.force_login(django_user_model.objects.create_user(username="nobody", password="x-pass-2026-x"))
    assert client.get(reverse("my_visits")).status_code == 403
