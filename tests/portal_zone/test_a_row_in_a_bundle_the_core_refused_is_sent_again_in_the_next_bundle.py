"""What the portal sent in a bundle the core refused (quarantined: stale, import_failed, …) or never
received is not lost: every next bundle carries it again, marked with that bundle's id, until the core
acknowledges a bundle that carried it."""

import pytest
from django.urls import reverse

from hogo.portal.models import PortalCandidate, PortalDateAnswer, PortalPledge
from hogo.portal_visits.models import CheckinAnswer

from .helpers import CONFERENCE, activated, next_bundle, standard
from .visits_helpers import ANSWER, checkin, recipient
from .visits_helpers import deliver as deliver_checkins

pytestmark = pytest.mark.django_db
OPEN = "55555555-5555-4555-8555-555555555555"


def test_a_pledge_and_a_date_answer_are_sent_again_until_acknowledged(client):
    standard()
    client.force_login(activated())
    client.post(reverse("portal_pledge", args=[CONFERENCE]))
    candidate = PortalCandidate.objects.get(key="cd-7d4c0")
    client.post(reverse("portal_dates", args=[CONFERENCE]), {f"date_{candidate.pk}": "yes"})

    refused = next_bundle(acknowledged=False)  # the core quarantined it
    again = next_bundle(acknowledged=False)

    assert len(refused.records["pledge"]) == len(again.records["pledge"]) == 1
    assert [r["candidate"] for r in again.records["date_answer"]] == ["cd-7d4c0"]
    assert PortalPledge.objects.get().sent_bundle == again.bundle_id
    assert PortalDateAnswer.objects.get().sent_bundle == again.bundle_id


def test_a_checkin_answer_is_sent_again_until_acknowledged(client):
    account = recipient()
    deliver_checkins([], [checkin(OPEN)])
    client.force_login(account.user)
    client.post(reverse("my_checkin_answer", args=[OPEN]), ANSWER)

    next_bundle(acknowledged=False)
    again = next_bundle(acknowledged=False)

    assert [r["key"] for r in again.records["checkin_answer"]] == [OPEN]
    assert CheckinAnswer.objects.get().sent_bundle == again.bundle_id
