"""Once a bundle from the core acknowledges a portal bundle, what that bundle carried is not sent again;
acknowledging an older bundle does not stop a row sent again (or changed) since."""

import pytest
from django.urls import reverse

from hogo.portal.models import PortalCandidate, PortalDateAnswer, PortalPledge

from .helpers import CONFERENCE, acknowledge, activated, next_bundle, standard

pytestmark = pytest.mark.django_db


def answer(client, value: str):
    candidate = PortalCandidate.objects.get(key="cd-7d4c0")
    client.post(reverse("portal_dates", args=[CONFERENCE]), {f"date_{candidate.pk}": value})


def test_an_acknowledged_pledge_and_answer_are_not_sent_again(client):
    standard()
    client.force_login(activated())
    client.post(reverse("portal_pledge", args=[CONFERENCE]))
    answer(client, "yes")
    first = next_bundle()

    acknowledge(first.bundle_id)

    assert PortalPledge.objects.get().acknowledged_at is not None
    assert PortalDateAnswer.objects.get().acknowledged_at is not None
    later = next_bundle()
    assert later.records["pledge"] == [] and later.records["date_answer"] == []


def test_an_answer_changed_after_it_was_acknowledged_is_sent_again(client):
    standard()
    client.force_login(activated())
    answer(client, "yes")
    acknowledge(next_bundle().bundle_id)

    answer(client, "no")

    assert [r["available"] for r in next_bundle().records["date_answer"]] == [False]


def test_acknowledging_an_older_bundle_does_not_stop_a_row_sent_again_since(client):
    standard()
    client.force_login(activated())
    answer(client, "yes")
    first = next_bundle()
    answer(client, "no")  # changed before the core's answer came back
    second = next_bundle()

    acknowledge(first.bundle_id)

    assert PortalDateAnswer.objects.get().acknowledged_at is None
    third = next_bundle()
    assert [r["available"] for r in third.records["date_answer"]] == [False]
    acknowledge(second.bundle_id, third.bundle_id)  # the core lists every bundle it accepted lately
    assert next_bundle().records["date_answer"] == []
