"""A bundle from a core made before acknowledgements existed (no `acknowledged` record type) still imports;
what the portal sent stays unacknowledged and is sent again."""

import pytest
from django.urls import reverse

from hogo.portal.models import PortalPledge
from hogo.transfer.models import Quarantined

from .helpers import CONFERENCE, activated, deliver, member, next_bundle, standard

pytestmark = pytest.mark.django_db


def test_a_core_bundle_without_acknowledgements_is_applied_and_nothing_is_acknowledged(client):
    standard()
    client.force_login(activated())
    client.post(reverse("portal_pledge", args=[CONFERENCE]))
    next_bundle()

    received = deliver([member(1, "agency_a")], [])  # as an older core sends: no `acknowledged` record

    assert "acknowledged" not in received.counts and not Quarantined.objects.exists()
    assert PortalPledge.objects.get().acknowledged_at is None
    assert len(next_bundle().records["pledge"]) == 1
