"""Every bundle lists, as `acknowledged` records, the bundles this zone accepted from the zone it goes to,
for the same office, in the last 60 days: nothing refused, nothing of another office or older."""

import uuid
from datetime import timedelta

from django.utils import timezone

from hogo.transfer import keys, services
from hogo.transfer.models import ReceivedBundle
from tests.bundles import records_of

from ..factories import OfficeFactory


def accepted(code: str, source_zone: str = "portal", days_ago: int = 0) -> str:
    bundle_id = uuid.uuid4()
    row = ReceivedBundle.objects.create(
        bundle_id=bundle_id,
        source_zone=source_zone,
        office_code=code,
        key_id="k",
        schema_version=1,
        created_at=timezone.now().isoformat(),
        manifest_sha256="0" * 64,
        sha256="0" * 64,
    )
    ReceivedBundle.objects.filter(pk=row.pk).update(received_at=timezone.now() - timedelta(days=days_ago))
    return str(bundle_id)


def test_the_bundle_lists_the_office_s_accepted_bundles_of_the_last_60_days(db, ping):
    code, other = OfficeFactory().municipality_code, OfficeFactory().municipality_code
    keys.new_key("core", code)
    recent, older = accepted(code, days_ago=1), accepted(code, days_ago=59)
    accepted(code, days_ago=61)
    accepted(other)
    accepted(code, source_zone="core")

    records = records_of(services.export_bundle(code, "portal"))

    assert sorted(r["bundle"] for r in records["acknowledged"]) == sorted([recent, older])
    assert all(r["office"] == code for r in records["acknowledged"])


def test_a_bundle_with_nothing_accepted_still_carries_the_type_empty(db, ping):
    code = OfficeFactory().municipality_code
    keys.new_key("core", code)

    assert records_of(services.export_bundle(code, "portal"))["acknowledged"] == []
