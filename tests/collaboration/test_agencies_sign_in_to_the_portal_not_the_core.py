"""By default partner-agency members use the portal (issue 22, decision 0033): the core refuses their
password and shows them nothing, while the office's staff sign in as before. An office that decided to
keep agencies on the core turns HOGO_AGENCIES_ON_CORE on."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD
from tests.roles import agency_member_of

pytestmark = pytest.mark.django_db


def signs_in(client, username) -> bool:
    client.post(reverse("login"), {"username": username, "password": PASSWORD})
    return "_auth_user_id" in client.session


@override_settings(HOGO_AGENCIES_ON_CORE=False)
def test_an_agency_members_password_is_refused_by_the_core(client, cast):
    agency_member_of(cast.office_a)
    assert not signs_in(client, "agency")


@override_settings(HOGO_AGENCIES_ON_CORE=False)
def test_staff_still_sign_in_to_the_core(client, cast):
    assert signs_in(client, "cw")


@override_settings(HOGO_AGENCIES_ON_CORE=False)
def test_an_agency_member_signed_in_before_the_switch_is_signed_out_by_the_core(client, cast):
    client.force_login(agency_member_of(cast.office_a), backend="hogo.collaboration.backends.CoreStaffBackend")
    response = client.get(reverse("agency_home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@override_settings(HOGO_AGENCIES_ON_CORE=True)
def test_an_office_that_keeps_agencies_on_the_core_lets_them_sign_in(client, cast):
    agency_member_of(cast.office_a)
    assert signs_in(client, "agency")
    assert client.get(reverse("agency_home")).status_code == 200


def test_the_core_default_is_agencies_on_the_portal():
    from hogo.settings import base  # noqa: PLC0415

    source = (base.Path(base.__file__).parent / "core.py").read_text()
    assert 'env.bool("HOGO_AGENCIES_ON_CORE", default=False)' in source
