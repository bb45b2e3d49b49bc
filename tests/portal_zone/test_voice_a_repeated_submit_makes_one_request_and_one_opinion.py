"""The same certificate or opinion form posted twice (a double tap, a reload of the POST) makes one request
or one opinion: the form carries a one-time token kept under a unique key. A form without its token, or with
a token another household already used, is a message and saves nothing."""

import uuid

import pytest
from django.urls import reverse

from hogo.portal_voice.models import CertificateRequest, Opinion

from .voice_helpers import recipient, to_core

pytestmark = pytest.mark.django_db
RECEIPT = {"purpose": "就職のため", "purpose_note": "", "delivery": "portal"}


def test_a_certificate_request_posted_twice_is_one_request(client):
    client.force_login(recipient())
    posted = {**RECEIPT, "token": uuid.uuid4().hex}
    first = client.post(reverse("my_certificate", args=["receipt"]), posted)
    again = client.post(reverse("my_certificate", args=["receipt"]), posted)
    assert first.status_code == again.status_code == 302
    assert CertificateRequest.objects.count() == 1
    assert len(to_core()["certificate_request"]) == 1


def test_a_medical_request_posted_twice_is_one_request(client):
    user = recipient()
    person = user.recipient_account.household.people.get(head=False)
    client.force_login(user)
    posted = {"person": person.key, "clinic": "みなと内科", "reason": "せき", "delivery": "post"}
    posted["token"] = uuid.uuid4().hex
    for _ in range(2):
        assert client.post(reverse("my_certificate", args=["medical"]), posted).status_code == 302
    assert CertificateRequest.objects.count() == 1


def test_an_opinion_posted_twice_is_one_opinion(client):
    client.force_login(recipient())
    posted = {"category": "service", "text": "待ち時間が長い", "named": "anonymous", "token": uuid.uuid4().hex}
    for _ in range(2):
        assert client.post(reverse("my_voice"), posted).status_code == 302
    assert Opinion.objects.count() == 1
    assert len(to_core()["opinion"]) == 1


def test_two_forms_shown_separately_are_two_requests(client):
    client.force_login(recipient())
    for _ in range(2):
        client.post(reverse("my_certificate", args=["receipt"]), {**RECEIPT, "token": uuid.uuid4().hex})
    assert CertificateRequest.objects.count() == 2


def test_the_form_shown_carries_a_fresh_token(client):
    client.force_login(recipient())
    pages = [client.get(reverse("my_certificate", args=["receipt"])).content.decode() for _ in range(2)]
    tokens = [p.split('name="token" value="', 1)[1][:32] for p in pages]
    assert tokens[0] != tokens[1]
    assert 'name="token"' in client.get(reverse("my_voice")).content.decode()


def test_a_token_another_household_used_is_refused_and_saves_nothing(client):
    token = uuid.uuid4().hex
    client.force_login(recipient("林 正男"))
    client.post(reverse("my_certificate", args=["receipt"]), {**RECEIPT, "token": token})
    client.force_login(recipient())
    response = client.post(reverse("my_certificate", args=["receipt"]), {**RECEIPT, "token": token})
    assert response.status_code == 200 and "この画面はもう使えません" in response.content.decode()
    assert CertificateRequest.objects.count() == 1


def test_a_form_without_its_token_is_a_message(client):
    client.force_login(recipient())
    response = client.post(reverse("my_voice"), {"category": "service", "text": "x", "named": "anonymous"})
    assert response.status_code == 200 and "画面を開き直してください" in response.content.decode()
    assert not Opinion.objects.exists()
