"""All or nothing: when one record cannot be applied, the records applied before it are rolled back and
the bundle is quarantined; no ReceivedBundle is kept, so a corrected bundle can follow."""

from hogo.transfer import services

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused


def test_a_record_the_importer_refuses_rolls_back_the_whole_bundle(db, ping):
    office = OfficeFactory()
    rows = [{"text": "applied first"}, {"text": "bad", "fail": True}]

    quarantined = refused(
        from_portal(portal_signer(office.municipality_code), office.municipality_code, rows=rows), "import_failed"
    )

    assert "ping bad は取り込めません" in quarantined.reason


def test_an_importer_that_crashes_is_quarantined_too(db, ping):
    office = OfficeFactory()

    def crash(records, bundle):
        raise KeyError("boom")

    services.register_importer("ping", crash)

    refused(from_portal(portal_signer(office.municipality_code), office.municipality_code), "import_failed")


def test_a_record_type_without_an_importer_is_quarantined(db, ping):
    office = OfficeFactory()
    services.IMPORTERS.pop("ping")

    refused(from_portal(portal_signer(office.municipality_code), office.municipality_code), "unknown_record_type")
