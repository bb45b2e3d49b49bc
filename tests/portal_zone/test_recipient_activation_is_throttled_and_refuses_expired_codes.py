"""利用開始 for a recipient: the login and code of the office's letter and a passphrase. The right code sets
the password, signs in and goes home, and is reported to the core; a wrong code is refused and counted; five
wrong codes for a login in 15 minutes lock it for 15 minutes (the right code too), counted in the database;
an expired code has its own message."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from hogo.recipient_portal.models import ActivationAttempt, RecipientAccount

from .recipient_helpers import CODE, PASSWORD, deliver, household, to_core


def post(client, login="R10000001", code=CODE, password=PASSWORD, again=None):
    return client.post(
        reverse("my_activate"), {"login": login, "code": code, "password1": password, "password2": again or password}
    )


def test_the_right_code_sets_the_password_signs_in_and_is_sent_to_the_core(client, db):
    deliver(household())

    response = post(client, login="r10000001", code="1a2b 3c4d 5e6f 7a8b")

    assert response.status_code == 302 and response.url == reverse("my_home")
    account = RecipientAccount.objects.get()
    assert account.user.check_password(PASSWORD) and account.activated_at is not None
    assert client.get(reverse("my_home")).status_code == 200
    (event,) = to_core()["recipient_account_event"]
    assert event["account"] == "ra-1" and event["event"] == "activated"
    assert to_core()["recipient_account_event"] == []  # sent once


def test_a_wrong_code_is_refused_and_changes_nothing(client, db):
    deliver(household())

    response = post(client, code="0000-0000-0000-0000")

    assert "利用開始コードが違います" in response.content.decode()
    user = get_user_model().objects.get(username="R10000001")
    assert not user.has_usable_password() and "_auth_user_id" not in client.session


def test_an_expired_code_is_refused_with_its_own_message(client, db):
    deliver(household(expires_in=-1))

    response = post(client)

    assert "有効期限が過ぎています" in response.content.decode()
    assert RecipientAccount.objects.get().activated_at is None


def test_five_wrong_codes_lock_the_login_for_fifteen_minutes(client, db):
    deliver(household())
    for _ in range(5):
        post(client, code="0000-0000-0000-0000")

    response = post(client)  # even the right code

    assert "15分間は利用開始できません" in response.content.decode()
    assert RecipientAccount.objects.get().activated_at is None
    ActivationAttempt.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert post(client).status_code == 302
    assert RecipientAccount.objects.get().activated_at is not None


def test_the_passphrase_follows_the_password_policy(client, db):
    deliver(household())

    assert "一致しません" in post(client, again="something-else-2026").content.decode()
    post(client, password="12345")

    assert RecipientAccount.objects.get().activated_at is None


def test_a_code_works_once_and_the_login_page_then_leads_home(client, db):
    deliver(household())
    post(client)
    client.logout()

    assert "利用開始コードが違います" in post(client, password="another-long-pass-2026").content.decode()
    response = client.post(reverse("portal_login"), {"username": "R10000001", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("my_home")


def test_the_activation_page_takes_the_login_from_the_qr_code(client, db):
    html = client.get(reverse("my_activate") + "?login=R10000001").content.decode()
    assert 'value="R10000001"' in html
