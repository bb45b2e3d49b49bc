"""Only keys the receiver was given (`hogo transfer keys trust`) verify, and only for their own zone
and office."""

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused


def test_a_key_the_receiver_never_trusted_is_quarantined(db, ping):
    office = OfficeFactory()
    stranger = portal_signer(office.municipality_code, trusted=False)

    refused(from_portal(stranger, office.municipality_code), "unknown_key")


def test_a_trusted_key_of_another_office_is_quarantined(db, ping):
    office, other = OfficeFactory(), OfficeFactory()
    others_key = portal_signer(other.municipality_code)

    refused(from_portal(others_key, office.municipality_code), "key_mismatch")
