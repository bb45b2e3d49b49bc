"""通知の設定 (my/notifications/settings): each address optional, saved only with the consent box ticked;
a wrong number or ID is a message naming the field and nothing is saved; emptying everything withdraws."""

import pytest
from django.urls import reverse

from hogo.portal_notify.models import Contact

from .notify_helpers import account, household

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.portal_zone.notify_helpers")]


@pytest.fixture
def signed_in(client):
    acc = account(household(), "head")
    client.force_login(acc.user)
    return acc


def test_the_page_shows_each_field_labelled(client, signed_in):
    page = client.get(reverse("my_notify_settings")).content.decode()
    for label in ("メールアドレス", "携帯電話の番号（SMS）", "LINE のユーザーID", "同意します"):
        assert label in page
    assert 'for="id_consent"' in page and 'for="id_sms"' in page


def test_addresses_with_consent_are_saved_with_the_number_normalised(client, signed_in):
    response = client.post(
        reverse("my_notify_settings"),
        {"email": "hanako@example.jp", "sms": "０９０-１２３４-５６７８", "line": "", "consent": "on"},
    )
    assert response.status_code == 302
    contact = Contact.objects.get(account=signed_in)
    assert (contact.email, contact.sms, contact.line) == ("hanako@example.jp", "09012345678", "")
    assert contact.consented_at is not None


def test_without_consent_or_with_a_wrong_number_nothing_is_saved_and_the_field_is_named(client, signed_in):
    page = client.post(reverse("my_notify_settings"), {"sms": "09012345678"}).content.decode()
    assert "同意にチェックを入れてください" in page
    page = client.post(reverse("my_notify_settings"), {"sms": "03-1234-5678", "consent": "on"}).content.decode()
    assert "携帯電話の番号は 070・080・090 で始まる11けた" in page
    page = client.post(reverse("my_notify_settings"), {"line": "someone", "consent": "on"}).content.decode()
    assert "LINE のユーザーIDは" in page
    page = client.post(reverse("my_notify_settings"), {"email": "not-an-address", "consent": "on"}).content.decode()
    assert "メールアドレスの形が正しくありません" in page
    assert not Contact.objects.exists()


def test_emptying_the_addresses_withdraws_consent(client, signed_in):
    client.post(reverse("my_notify_settings"), {"email": "hanako@example.jp", "consent": "on"})
    client.post(reverse("my_notify_settings"), {"email": "", "consent": "on"})
    contact = Contact.objects.get(account=signed_in)
    assert contact.email == "" and contact.consented_at is None


def test_it_goes_back_to_the_settings_page_it_was_posted_from_but_not_off_site(client, signed_in):
    data = {"email": "hanako@example.jp", "consent": "on"}
    assert client.post(reverse("my_notify_settings"), {**data, "next": "/my/settings/"}).url == "/my/settings/"
    off = client.post(reverse("my_notify_settings"), {**data, "next": "https://evil.example/"})
    assert off.url == reverse("my_notify_settings")


def test_someone_signed_out_is_sent_to_sign_in(client):
    response = client.get(reverse("my_notify_settings"))
    assert response.status_code == 302 and "/login/" in response.url


def test_the_form_can_be_put_on_the_settings_page_with_a_tag_that_comes_back_there(rf, signed_in):
    from django.template import RequestContext, Template

    request = rf.get("/my/settings/")
    request.user, request.recipient, request.household = signed_in.user, signed_in, signed_in.household
    html = Template("{% load notify_settings %}{% notify_settings_form %}").render(RequestContext(request))
    assert f'action="{reverse("my_notify_settings")}"' in html
    assert 'name="next" value="/my/settings/"' in html and 'name="csrfmiddlewaretoken"' in html
    assert 'for="id_email"' in html and 'for="id_consent"' in html
