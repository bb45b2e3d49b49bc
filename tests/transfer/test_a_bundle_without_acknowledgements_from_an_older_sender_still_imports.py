"""A bundle made before acknowledgements existed (no `acknowledged` record type) still imports, and is not
refused as an unknown record type; what this zone sent stays unacknowledged (it is sent again)."""

from django.contrib.auth.models import Group
from django.utils import timezone

from hogo.transfer import keys, services
from hogo.transfer.bundle import write_bundle
from hogo.transfer.models import Quarantined, ReceivedBundle
from tests.recipients.helpers import imported

from ..factories import OfficeFactory
from .status_helpers import next_bundle, portal_sends_without_acknowledgements


def from_portal(code: str, records: dict) -> bytes:
    if not list(keys.keys_dir().glob(f"portal-{code}-*.key")):
        keys.trust(keys.export_public(keys.new_key("portal", code)))
    return write_bundle(
        records,
        {},
        source_zone="portal",
        target_zone="core",
        office_code=code,
        signer=keys.signer_for("portal", code),
        created_at=timezone.now(),
    )


def test_a_bundle_without_the_acknowledged_type_is_applied(db, ping):
    code = OfficeFactory().municipality_code

    received = services.import_bundle(from_portal(code, {"ping": [{"text": "old"}]}), "old.zip")

    assert received.counts == {"ping": 1} and Group.objects.filter(name="ping old").exists()
    assert not Quarantined.objects.exists()


def test_an_acknowledged_record_is_never_an_unknown_record_type(db, ping):
    code = OfficeFactory().municipality_code
    records = {"ping": [{"text": "new"}], "acknowledged": [{"office": code, "bundle": "not-one-of-ours"}]}

    services.import_bundle(from_portal(code, records), "new.zip")

    assert ReceivedBundle.objects.count() == 1 and not Quarantined.objects.exists()


def test_what_the_core_sent_stays_unacknowledged_after_an_older_portals_bundle(cast):
    _account, submission = imported(cast)
    next_bundle(cast)

    portal_sends_without_acknowledgements(cast)

    assert next_bundle(cast)[1] == [(submission.key, "received")]
