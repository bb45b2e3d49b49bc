"""Rotation: a new key signs from the moment it is made; bundles signed with the old key still verify
while the receiver trusts it, and are refused once it is retired there."""

from datetime import timedelta

from django.utils import timezone

from hogo.transfer import keys, services

from ..factories import OfficeFactory
from .helpers import from_portal, refused


def test_the_old_key_verifies_until_retired_and_the_new_key_signs(db, ping):
    code = OfficeFactory().municipality_code
    old_id = keys.new_key("portal", code, now=timezone.now() - timedelta(days=400))
    keys.trust(keys.export_public(old_id))
    in_transit = from_portal(keys.signer_for("portal", code), code, rows=[{"text": "old"}])

    new_id = keys.new_key("portal", code)
    keys.trust(keys.export_public(new_id))
    fresh = from_portal(keys.signer_for("portal", code), code, rows=[{"text": "new"}])

    assert keys.current_key_id("portal", code) == new_id != old_id
    # the bundle in transit (made first, signed with the old key) arrives, then the fresh one
    assert services.import_bundle(in_transit, "in-transit.zip").bundle.key_id == old_id
    assert services.import_bundle(fresh, "fresh.zip").bundle.key_id == new_id


def test_a_bundle_signed_with_a_retired_key_is_quarantined(db, ping):
    code = OfficeFactory().municipality_code
    old_id = keys.new_key("portal", code, now=timezone.now() - timedelta(days=400))
    keys.trust(keys.export_public(old_id))
    late = from_portal(keys.signer_for("portal", code), code)
    keys.new_key("portal", code)

    keys.retire(old_id)

    refused(late, "retired_key")
    assert keys.TrustedKey.objects.get(key_id=old_id).retired_at is not None


def test_a_retired_key_no_longer_signs_where_it_was_made(db):
    code = OfficeFactory().municipality_code
    old_id = keys.new_key("portal", code, now=timezone.now() - timedelta(days=400))
    new_id = keys.new_key("portal", code)
    keys.retire(new_id)

    assert keys.current_key_id("portal", code) == old_id
