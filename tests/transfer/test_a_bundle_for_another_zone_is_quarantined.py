"""A bundle addressed to the portal is refused by the core (it may have been carried to the wrong side)."""

from hogo.transfer import keys

from ..factories import OfficeFactory
from .helpers import from_portal, refused


def test_a_bundle_addressed_to_the_portal_is_quarantined_by_the_core(db, ping):
    office = OfficeFactory()
    key_id = keys.new_key("core", office.municipality_code)
    keys.trust(keys.export_public(key_id))

    data = from_portal(
        keys.signer_for("core", office.municipality_code),
        office.municipality_code,
        source_zone="core",
        target_zone="portal",
    )

    refused(data, "wrong_zone")
