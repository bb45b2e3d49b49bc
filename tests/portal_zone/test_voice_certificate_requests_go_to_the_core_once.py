"""A recipient asks for a 受給証明書 (purpose, delivery) or a 診療依頼書 (which member, which clinic, why) on
the portal; the request goes to the core in the next bundle and only once. A field left out or a member of
another household is a message naming the field, and nothing is saved."""

import uuid

import pytest
from django.urls import reverse

from hogo.portal_voice.models import CertificateRequest

from .voice_helpers import recipient, to_core

pytestmark = pytest.mark.django_db


def test_a_receipt_request_goes_to_the_core_once(client):
    user = recipient()
    client.force_login(user)
    response = client.post(
        reverse("my_certificate", args=["receipt"]),
        {"purpose": "就職のため", "purpose_note": "<b>面接</b>", "delivery": "portal", "token": uuid.uuid4().hex},
    )
    assert response.status_code == 302 and response.url == reverse("my_notices")
    (row,) = to_core()["certificate_request"]
    account = user.recipient_account
    assert row["household"] == account.household.key and row["account"] == account.key
    assert (row["kind"], row["purpose"], row["delivery"], row["person"]) == (
        "receipt",
        "就職のため（<b>面接</b>）",
        "portal",
        None,
    )
    assert row["key"].startswith("cr-")
    assert to_core()["certificate_request"] == []


def test_a_medical_request_names_a_member_of_the_household(client):
    user = recipient()
    person = user.recipient_account.household.people.get(head=False)
    client.force_login(user)
    client.post(
        reverse("my_certificate", args=["medical"]),
        {
            "person": person.key,
            "clinic": "みなと内科",
            "reason": "せきが続く",
            "delivery": "post",
            "token": uuid.uuid4().hex,
        },
    )
    (row,) = to_core()["certificate_request"]
    assert (row["person"], row["clinic"], row["reason"], row["delivery"]) == (
        person.key,
        "みなと内科",
        "せきが続く",
        "post",
    )


def test_a_member_of_another_household_or_a_missing_field_is_refused_by_name(client):
    other = recipient("林 正男").recipient_account.household.people.first()
    client.force_login(recipient())
    response = client.post(
        reverse("my_certificate", args=["medical"]),
        {"person": other.key, "clinic": "", "reason": "せき", "delivery": "fax", "token": uuid.uuid4().hex},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "「受診する人」は、ならんでいる中から選んでください。" in html
    assert "「病院・診療所の名前」を入れてください。" in html
    assert "「受け取り方」は、ならんでいる中から選んでください。" in html
    assert not CertificateRequest.objects.exists()


def test_an_unknown_certificate_is_not_found(client):
    client.force_login(recipient())
    assert client.get(reverse("my_certificate", args=["passport"])).status_code == 404
