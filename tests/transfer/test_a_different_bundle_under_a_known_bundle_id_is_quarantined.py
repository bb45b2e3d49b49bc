"""A duplicate bundle id with other contents (a replay, or a sender's mistake) is refused, not applied."""

from hogo.transfer import services

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused


def test_a_second_bundle_with_the_id_of_one_already_applied_is_quarantined(db, ping):
    office = OfficeFactory()
    signer = portal_signer(office.municipality_code)
    first = from_portal(signer, office.municipality_code)
    received = services.import_bundle(first, "first.zip")
    other = from_portal(
        signer, office.municipality_code, rows=[{"text": "x"}], bundle_id=str(received.bundle.bundle_id)
    )

    quarantined = refused(other, "duplicate_bundle_id", before=2)

    assert str(quarantined.bundle_id) == str(received.bundle.bundle_id)
