"""A TOTP code signs in once: its time step is kept on the account, and that step or an earlier one is
refused after (a code seen over a shoulder cannot be typed again within its 30-second window, or the one
after it that valid_window=1 accepts). A fresh code of a later step is accepted."""

from datetime import timedelta

import pyotp
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hogo.recipient_portal import services
from hogo.recipient_portal.models import RecipientAccount

from .recipient_helpers import deliver, household


def with_totp():
    deliver(household())
    account = RecipientAccount.objects.get()
    account.totp_secret = pyotp.random_base32()
    account.save()
    return account, pyotp.TOTP(account.totp_secret)


def test_the_same_code_again_is_refused_with_its_own_message(db):
    account, totp = with_totp()
    code = totp.now()
    services.verify_totp(account, code)
    with pytest.raises(ValidationError) as refused:
        services.verify_totp(account, code)
    assert "もう使われました" in " ".join(refused.value.message_dict["code"])


def test_an_earlier_steps_code_is_refused_after_a_later_one(db):
    account, totp = with_totp()
    services.verify_totp(account, totp.now())
    earlier = totp.at(timezone.now() - timedelta(seconds=30))
    with pytest.raises(ValidationError):
        services.verify_totp(account, earlier)


def test_a_later_steps_code_is_accepted_and_kept(db):
    account, totp = with_totp()
    services.verify_totp(account, totp.at(timezone.now() - timedelta(seconds=30)))
    now = timezone.now()
    services.verify_totp(account, totp.at(now))
    account.refresh_from_db()
    assert account.totp_last_step == totp.timecode(now)


def test_a_replayed_code_is_refused_on_the_login_page(client, db):
    from django.urls import reverse

    from .recipient_helpers import PASSWORD, signed_in

    account, totp = with_totp()
    signed_in(client)
    client.logout()
    code = totp.now()
    client.post(reverse("portal_login"), {"username": "R10000001", "password": PASSWORD})
    assert client.post(reverse("my_verify"), {"code": code, "next": reverse("my_home")}).status_code == 302
    client.logout()
    client.post(reverse("portal_login"), {"username": "R10000001", "password": PASSWORD})
    again = client.post(reverse("my_verify"), {"code": code, "next": reverse("my_home")})
    assert again.status_code == 200 and "もう使われました" in again.content.decode()
