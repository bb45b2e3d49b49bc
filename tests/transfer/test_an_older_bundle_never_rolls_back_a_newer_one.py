"""Bundles carry whole states, so a bundle made before one already applied from the same zone and office
is refused as stale and quarantined: it would roll the newer state back (review finding, issue 22)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group

from hogo.transfer import services
from hogo.transfer.models import Quarantined

from .helpers import from_portal, portal_signer

pytestmark = pytest.mark.django_db


def test_a_bundle_older_than_one_applied_is_refused_as_stale(ping, cast):
    code = cast.office_a.municipality_code
    signer = portal_signer(code)
    now = datetime.now(UTC)
    older = from_portal(signer, code, rows=[{"text": "old"}], created_at=now - timedelta(hours=1))
    newer = from_portal(signer, code, rows=[{"text": "new"}], created_at=now)
    services.import_bundle(newer, "newer.zip")
    with pytest.raises(services.ImportRefused):
        services.import_bundle(older, "older.zip")
    assert Quarantined.objects.get().reason_code == "stale"
    assert list(Group.objects.values_list("name", flat=True)) == ["ping new"]


def test_bundles_applied_in_the_order_they_were_made_are_all_taken(ping, cast):
    code = cast.office_a.municipality_code
    signer = portal_signer(code)
    now = datetime.now(UTC)
    services.import_bundle(
        from_portal(signer, code, rows=[{"text": "1"}], created_at=now - timedelta(hours=1)), "1.zip"
    )
    services.import_bundle(from_portal(signer, code, rows=[{"text": "2"}], created_at=now), "2.zip")
    assert Group.objects.count() == 2 and not Quarantined.objects.exists()
