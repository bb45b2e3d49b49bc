"""A member's home lists the conferences where their membership is active; another member's conference,
an unknown one and every agency page without signing in are refused (404 / the login page)."""

import pytest
from django.urls import reverse

from hogo.portal.models import PortalDateAnswer, PortalPledge

from .helpers import CONFERENCE, OTHER_CONFERENCE, activated, standard


def test_home_lists_only_the_members_conferences(client, db):
    standard()
    client.force_login(activated("agency_a"))

    page = client.get(reverse("portal_home")).content.decode()

    assert "世帯の見守り体制を話し合う" in page and "別の会議" not in page
    assert reverse("portal_conference", args=[CONFERENCE]) in page


@pytest.mark.parametrize(
    "name, method", [("portal_conference", "get"), ("portal_pledge", "post"), ("portal_dates", "post")]
)
def test_another_members_conference_is_not_found(client, db, name, method):
    standard()
    client.force_login(activated("agency_a"))

    assert getattr(client, method)(reverse(name, args=[OTHER_CONFERENCE])).status_code == 404
    assert getattr(client, method)(reverse(name, args=["no-such-conference"])).status_code == 404


@pytest.mark.parametrize("name, args", [("portal_home", []), ("portal_conference", [CONFERENCE])])
def test_without_signing_in_the_agency_pages_send_to_the_login(client, db, name, args):
    standard()

    response = client.get(reverse(name, args=args))

    assert response.status_code == 302 and response.url.startswith(reverse("portal_login"))


def test_posting_without_signing_in_changes_nothing(client, db):
    standard()

    client.post(reverse("portal_pledge", args=[CONFERENCE]))
    client.post(reverse("portal_dates", args=[CONFERENCE]), {})

    assert not PortalPledge.objects.exists() and not PortalDateAnswer.objects.exists()
