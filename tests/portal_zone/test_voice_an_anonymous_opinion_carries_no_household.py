"""The opinion box: an anonymous opinion keeps and sends no household, account or name; a named one sends
the household, the account and the name. Each goes to the core once."""

import uuid

import pytest
from django.urls import reverse

from hogo.portal_voice.models import Opinion

from .voice_helpers import OFFICE, recipient, to_core

pytestmark = pytest.mark.django_db


def test_an_anonymous_opinion_has_no_household_in_the_bundle(client):
    client.force_login(recipient())
    response = client.post(
        reverse("my_voice"),
        {"category": "service", "text": "待ち時間が長い", "named": "anonymous", "token": uuid.uuid4().hex},
    )
    assert response.status_code == 302
    assert Opinion.objects.get().household is None
    (row,) = to_core()["opinion"]
    assert set(row) == {"office", "key", "anonymous", "category", "text", "submitted_at"}
    assert row["anonymous"] is True and row["office"] == OFFICE
    assert to_core()["opinion"] == []


def test_a_named_opinion_names_the_household_and_the_account(client):
    user = recipient("山田 花子")
    client.force_login(user)
    client.post(
        reverse("my_voice"), {"category": "portal", "text": "使いやすい", "named": "named", "token": uuid.uuid4().hex}
    )
    (row,) = to_core()["opinion"]
    account = user.recipient_account
    assert (row["anonymous"], row["household"], row["account"], row["name"]) == (
        False,
        account.household.key,
        account.key,
        "山田 花子",
    )


def test_an_empty_opinion_is_a_message_naming_the_field(client):
    client.force_login(recipient())
    response = client.post(
        reverse("my_voice"), {"category": "nonsense", "text": "", "named": "anonymous", "token": uuid.uuid4().hex}
    )
    html = response.content.decode()
    assert (
        "「ご意見」を入れてください。" in html and "「何についてですか」は、ならんでいる中から選んでください。" in html
    )
    assert not Opinion.objects.exists()
