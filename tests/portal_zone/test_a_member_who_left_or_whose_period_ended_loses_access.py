"""A later bundle carries the whole current state: a member made inactive in a conference (or no longer
listed) loses it, dates and materials no longer listed are removed, and a member out of their period
sees no conference."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from hogo.portal.models import PortalCandidate, PortalMaterial

from .helpers import CONFERENCE, activated, conference, deliver, member, standard


def test_an_inactive_membership_removes_access(client, db):
    standard()
    client.force_login(activated())
    assert client.get(reverse("portal_conference", args=[CONFERENCE])).status_code == 200

    deliver([member(1, "agency_a")], [conference(CONFERENCE, [("am-1", False)])])

    assert client.get(reverse("portal_conference", args=[CONFERENCE])).status_code == 404
    assert "世帯の見守り体制" not in client.get(reverse("portal_home")).content.decode()


def test_a_member_no_longer_listed_loses_the_conference(client, db):
    standard()
    client.force_login(activated())

    deliver([member(1, "agency_a"), member(3, "agency_c")], [conference(CONFERENCE, [("am-3", True)])])

    assert client.get(reverse("portal_conference", args=[CONFERENCE])).status_code == 404


def test_dates_and_materials_no_longer_listed_are_removed(db):
    standard()

    deliver([member(1, "agency_a")], [conference(CONFERENCE, candidates=1, materials=0, purpose="目的を改めた")])

    assert list(PortalCandidate.objects.filter(conference__key=CONFERENCE).values_list("key", flat=True)) == [
        "cd-7d4c0"
    ]
    assert not PortalMaterial.objects.filter(conference__key=CONFERENCE).exists()


def test_a_member_out_of_their_period_sees_nothing(client, db):
    standard()
    user = activated()
    client.force_login(user)

    deliver([member(1, "agency_a", valid_to=timezone.localdate() - timedelta(days=1))])

    assert client.get(reverse("portal_conference", args=[CONFERENCE])).status_code == 404
    assert "いまは登録されていません" in client.get(reverse("portal_home")).content.decode()
