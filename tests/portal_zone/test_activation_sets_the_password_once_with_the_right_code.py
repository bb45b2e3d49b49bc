"""利用開始: the login name, the one-time code the office handed over and a new password twice. The right
code sets the password once and signs the member in; a wrong code, a used code or a member out of their
period is refused with the same message, and nothing changes."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from hogo.portal.models import PortalMember

from .helpers import CODE, PASSWORD, deliver, member


def post(client, username="agency_a", code=CODE, password=PASSWORD, again=None):
    return client.post(
        reverse("portal_activate"),
        {"username": username, "code": code, "password1": password, "password2": again or password},
    )


def test_the_right_code_sets_the_password_and_signs_in(client, db):
    deliver([member(1, "agency_a")])

    response = post(client)

    assert response.status_code == 302 and response.url == reverse("portal_home")
    user = get_user_model().objects.get(username="agency_a")
    assert user.check_password(PASSWORD) and user.portal_member.activated_at is not None
    assert client.get(reverse("portal_home")).status_code == 200


def test_the_code_as_typed_on_a_phone_is_accepted(client, db):
    deliver([member(1, "agency_a")])

    post(client, code="１a２b３c４d ５e６f７a８b")  # full-width, lower case, no hyphens

    assert get_user_model().objects.get(username="agency_a").check_password(PASSWORD)


def test_a_wrong_code_is_refused_and_changes_nothing(client, db):
    deliver([member(1, "agency_a")])

    response = post(client, code="0000-0000-0000-0000")

    assert response.status_code == 200
    assert "利用開始コードが違う" in response.content.decode()
    user = get_user_model().objects.get(username="agency_a")
    assert not user.has_usable_password() and user.portal_member.activated_at is None
    assert "_auth_user_id" not in client.session


def test_a_code_works_only_once(client, db):
    deliver([member(1, "agency_a")])
    post(client)
    client.logout()

    response = post(client, password="another-long-pass-2026")

    assert "利用開始コードが違う" in response.content.decode()
    assert get_user_model().objects.get(username="agency_a").check_password(PASSWORD)


def test_a_member_without_a_code_or_out_of_their_period_cannot_start(client, db):
    yesterday = timezone.localdate() - timedelta(days=1)
    deliver([member(1, "agency_a", code=None), member(2, "agency_b", valid_to=yesterday)])

    assert "利用開始コードが違う" in post(client, username="agency_a", code="WRONG").content.decode()
    assert "利用開始コードが違う" in post(client, username="agency_b").content.decode()
    assert not PortalMember.objects.filter(activated_at__isnull=False).exists()


def test_the_passwords_must_match_and_follow_the_policy(client, db):
    deliver([member(1, "agency_a")])

    assert "一致しません" in post(client, again="something-else-2026").content.decode()
    post(client, password="12345")

    assert not get_user_model().objects.get(username="agency_a").has_usable_password()


def test_a_new_code_from_the_office_starts_over(client, db):
    deliver([member(1, "agency_a")])
    post(client)
    client.logout()

    deliver([member(1, "agency_a", code="AAAA-BBBB-CCCC-DDDD")])

    user = get_user_model().objects.get(username="agency_a")
    assert not user.has_usable_password() and user.portal_member.activated_at is None
    post(client, code="AAAA-BBBB-CCCC-DDDD", password="a-new-long-pass-2026")
    assert get_user_model().objects.get(username="agency_a").check_password("a-new-long-pass-2026")


def test_the_activated_member_signs_in_on_the_login_page(client, db):
    deliver([member(1, "agency_a")])
    post(client)
    client.logout()

    response = client.post(reverse("portal_login"), {"username": "agency_a", "password": PASSWORD})

    assert response.status_code == 302 and response.url == reverse("portal_home")
