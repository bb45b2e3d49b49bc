"""The core serves the offices in its Office table; the portal those in HOGO_TRANSFER_SERVED_OFFICES. A
bundle of another office, or a record naming another office, is refused."""

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused


def test_a_bundle_of_an_office_the_core_does_not_have_is_quarantined(db, ping):
    OfficeFactory()
    stranger = "999991"

    refused(from_portal(portal_signer(stranger), stranger), "office_not_served")


def test_a_record_naming_another_office_is_quarantined(db, ping):
    office = OfficeFactory()

    rows = [{"text": "mine", "office": office.municipality_code}, {"text": "not mine", "office": "999991"}]

    refused(
        from_portal(portal_signer(office.municipality_code), office.municipality_code, rows=rows), "office_not_served"
    )
