"""The receiver knows a set of schema versions; a bundle of any other version is refused, however well
signed."""

from hogo.transfer.bundle import KNOWN_SCHEMA_VERSIONS

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused


def test_a_bundle_of_a_version_the_receiver_does_not_know_is_quarantined(db, ping):
    office = OfficeFactory()
    newer = max(KNOWN_SCHEMA_VERSIONS) + 1

    quarantined = refused(
        from_portal(portal_signer(office.municipality_code), office.municipality_code, schema_version=newer),
        "unknown_schema_version",
    )

    assert quarantined.bundle_id is not None
