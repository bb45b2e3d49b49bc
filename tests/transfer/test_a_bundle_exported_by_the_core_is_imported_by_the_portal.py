"""End to end in one database: the core exports the registered record types for an office, signed with
its current key; the portal (its settings: ZONE and the offices it serves) trusts the core's key and
applies the bundle."""

from django.contrib.auth.models import Group
from django.test import override_settings

from hogo.transfer import keys, services
from hogo.transfer.bundle import read_bundle

from ..factories import OfficeFactory


def test_the_core_exports_and_the_portal_imports(db, ping):
    code = OfficeFactory().municipality_code
    key_id = keys.new_key("core", code)

    data = services.export_bundle(code, "portal")

    with override_settings(ZONE="portal", HOGO_TRANSFER_SERVED_OFFICES=[code]):
        keys.trust(keys.export_public(key_id))
        received = services.import_bundle(data, "to-portal.zip")
    assert received.counts == {"ping": 3, "acknowledged": 0} and received.bundle.source_zone == "core"
    assert Group.objects.filter(name__startswith=f"ping {code}-").count() == 3


def test_the_export_is_a_signed_bundle_to_the_portal_only(db, ping):
    code = OfficeFactory().municipality_code
    key_id = keys.new_key("core", code)
    data = services.export_bundle(code, "portal")
    keys.trust(keys.export_public(key_id))

    bundle = read_bundle(data, trusted_keys=keys.trusted_keys(), zone="portal")

    assert bundle.key_id == key_id and bundle.office_code == code and bundle.target_zone == "portal"
    assert bundle.records == {"ping": [{"text": f"{code}-{i}"} for i in range(3)], "acknowledged": []}
    assert bundle.manifest["files"]["records/ping.jsonl"]["size"] > 0
