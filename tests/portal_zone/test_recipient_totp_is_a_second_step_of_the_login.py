"""Optional TOTP on the settings page: turned on only with a right confirm code; from then on a recipient who
signs in with the password must type the 6-digit code before any recipient page (a wrong code is refused);
turning it on and off is reported to the core. 文字を大きくする is kept on the account."""

import pyotp
from django.urls import reverse

from hogo.recipient_portal.models import RecipientAccount

from .recipient_helpers import PASSWORD, deliver, household, signed_in, to_core


def turn_on(client):
    client.post(reverse("my_settings"), {"action": "totp_start"})
    secret = client.session["recipient_totp_setup"]
    response = client.post(reverse("my_settings"), {"action": "totp_confirm", "code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    return secret


def test_a_wrong_confirm_code_does_not_turn_it_on(client, db):
    deliver(household())
    signed_in(client)
    client.post(reverse("my_settings"), {"action": "totp_start"})

    response = client.post(reverse("my_settings"), {"action": "totp_confirm", "code": "000000"})

    assert "確認コードが違います" in response.content.decode()
    assert RecipientAccount.objects.get().totp_secret == ""


def test_with_totp_the_login_asks_for_the_code_before_any_page(client, db):
    deliver(household())
    signed_in(client)
    secret = turn_on(client)
    client.logout()

    client.post(reverse("portal_login"), {"username": "R10000001", "password": PASSWORD})
    response = client.get(reverse("my_home"))
    assert response.status_code == 302 and response.url.startswith(reverse("my_verify"))
    wrong = client.post(reverse("my_verify"), {"code": "000000", "next": reverse("my_submissions")})
    assert "確認コードが違います" in wrong.content.decode()
    assert client.get(reverse("my_submissions")).status_code == 302

    right = client.post(reverse("my_verify"), {"code": pyotp.TOTP(secret).now(), "next": reverse("my_submissions")})
    assert right.status_code == 302 and right.url == reverse("my_submissions")
    assert client.get(reverse("my_submissions")).status_code == 200


def test_turning_totp_on_and_off_is_sent_to_the_core(client, db):
    deliver(household())
    signed_in(client)
    secret = turn_on(client)
    client.post(reverse("my_settings"), {"action": "totp_off", "code": pyotp.TOTP(secret).now()})

    assert RecipientAccount.objects.get().totp_secret == ""
    assert [e["event"] for e in to_core()["recipient_account_event"]] == ["totp_on", "totp_off"]


def test_large_text_is_kept_and_shown_on_every_page(client, db):
    deliver(household())
    signed_in(client)

    client.post(reverse("my_settings"), {"action": "large_text", "large_text": "on"})

    assert RecipientAccount.objects.get().large_text
    assert "large-text" in client.get(reverse("my_home")).content.decode()
