"""A good bundle from the portal is applied by its importers, remembered by bundle id and audited."""

from django.contrib.auth.models import Group

from hogo.audit.models import AuditEntry
from hogo.transfer import services
from hogo.transfer.models import Quarantined, ReceivedBundle

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer


def test_a_good_bundle_applies_every_record_and_is_remembered(db, ping):
    office = OfficeFactory()
    data = from_portal(portal_signer(office.municipality_code), office.municipality_code)

    received = services.import_bundle(data, "from-portal.zip")

    assert not received.already and received.counts == {"ping": 2}
    assert set(Group.objects.values_list("name", flat=True)) == {"ping a", "ping b"}
    stored = ReceivedBundle.objects.get()
    assert stored.source_zone == "portal" and stored.office_code == office.municipality_code
    assert stored.key_id.startswith(f"portal-{office.municipality_code}-")
    assert not Quarantined.objects.exists()


def test_the_import_is_audited_with_the_bundle_and_its_counts(db, ping):
    office = OfficeFactory()
    data = from_portal(portal_signer(office.municipality_code), office.municipality_code)

    received = services.import_bundle(data, "from-portal.zip")

    entry = AuditEntry.objects.get(action="bulk_load", target_type="transfer_bundle")
    assert entry.target_id == str(received.bundle.bundle_id) and entry.actor_id is None
    assert entry.office_id == office.pk
    assert entry.detail["counts"] == {"ping": 2} and entry.detail["transfer_import"] == "portal"
