"""The demo accounts' password is published (decision 0024): the policy refuses it for every account,
and where the demo is not allowed (HOGO_ALLOW_DEMO off) a login with it, or with any password the
policy refuses, leads only to the password change page until the password is changed."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from hogo.common.passwords import DEMO_PASSWORD
from hogo.demo.load import DEFAULT_PASSWORD

NEW = "kawasemi-no-hane-2027"


@pytest.fixture
def demo_cw(cast):
    user = cast.users["cw"]
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def log_in(client, password):
    return client.post(reverse("login"), {"username": "cw", "password": password})


def test_the_policy_refuses_the_password_the_demo_gives_its_accounts():
    assert DEFAULT_PASSWORD == DEMO_PASSWORD
    with pytest.raises(ValidationError, match="デモ用として公開されているパスワード"):
        validate_password(DEFAULT_PASSWORD)


def test_the_demo_password_works_in_the_demo_and_elsewhere_leads_only_to_the_change_page(demo_cw, client):
    with override_settings(HOGO_ALLOW_DEMO=True):
        assert log_in(client, DEMO_PASSWORD).url == reverse("home")
        assert client.get(reverse("home")).status_code == 200
        client.post(reverse("logout"))

    with override_settings(HOGO_ALLOW_DEMO=False):
        response = log_in(client, DEMO_PASSWORD)
        assert response.status_code == 302 and response.url == reverse("password_change")
        for page in (reverse("home"), reverse("household_search"), "/admin/"):
            assert client.get(page).url == reverse("password_change")
        assert client.get(reverse("password_change")).status_code == 200
        assert client.post(reverse("logout")).url == reverse("login")  # leaving is still possible

        log_in(client, DEMO_PASSWORD)
        client.post(
            reverse("password_change"), {"old_password": DEMO_PASSWORD, "new_password1": NEW, "new_password2": NEW}
        )

        assert client.get(reverse("home")).status_code == 200
