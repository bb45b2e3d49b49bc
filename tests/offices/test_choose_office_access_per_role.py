"""Per-role access to 事務所の切り替え: it exists only for staff holding roles in two offices or more.
Everyone of the standard cast holds roles in one office (or none), so for each of them the page is
not found, to look at or to post to; a member of both offices gets the page and may choose."""

import pytest
from django.urls import reverse

from hogo.offices.acting import SESSION_KEY
from hogo.offices.models import Role
from tests.roles import ROLES, assert_sent_to_login

from .acting import also_holds

ROLE_TESTED_URLS = ["choose_office"]


@pytest.mark.parametrize("role", ROLES)
def test_one_office_staff_and_agency_members_find_no_chooser(cast, everyone, login, role):
    client = login(everyone[role])
    assert client.get(reverse("choose_office")).status_code == 404
    assert client.post(reverse("choose_office"), {"office": cast.office_a.pk}).status_code == 404
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize("role", ["cw", "sv", "chief", "clerk", "collector", "admin"])
def test_staff_with_a_second_office_may_choose_either_but_no_other(cast, everyone, login, role):
    dual = also_holds(everyone[role].staff, cast.office_b, Role.CLERK)
    client = login(dual)
    assert client.get(reverse("choose_office")).status_code == 200
    assert client.post(reverse("choose_office"), {"office": cast.office_b.pk}).status_code == 302
    assert client.post(reverse("choose_office"), {"office": cast.office_a.pk}).status_code == 302
    assert client.post(reverse("choose_office"), {"office": cast.office_b.pk + 100}).status_code == 403
    assert client.session[SESSION_KEY] == cast.office_a.pk


def test_anonymous_is_sent_to_login(client, db):
    assert_sent_to_login(client.get(reverse("choose_office")))
    assert_sent_to_login(client.post(reverse("choose_office"), {"office": 1}))
