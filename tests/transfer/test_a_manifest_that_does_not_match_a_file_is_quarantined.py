"""Every file of the zip is in the signed manifest with its SHA-256 and size, and the counts match:
a missing, extra or changed file, or a count that is wrong, is refused."""

import json

from hogo.transfer.bundle import attachment_name

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused, resigned, rezip


def good(office):
    return from_portal(portal_signer(office.municipality_code), office.municipality_code)


def test_a_file_changed_after_signing_is_quarantined(db, ping):
    office = OfficeFactory()
    data = good(office)
    changed = b'{"text":"a"}\n{"text":"c"}\n'  # the same size, another SHA-256

    refused(rezip(data, replace={"records/ping.jsonl": changed}), "manifest_mismatch")


def test_a_missing_file_is_quarantined(db, ping):
    refused(rezip(good(OfficeFactory()), drop=("records/ping.jsonl",)), "manifest_mismatch")


def test_a_file_not_in_the_manifest_is_quarantined(db, ping):
    extra = json.dumps({"text": "smuggled"}).encode() + b"\n"

    refused(rezip(good(OfficeFactory()), add={"records/other.jsonl": extra}), "manifest_mismatch")


def test_an_attachment_not_in_the_manifest_is_quarantined(db, ping):
    pdf = b"%PDF-1.4 smuggled"

    refused(rezip(good(OfficeFactory()), add={f"attachments/{attachment_name(pdf, 'pdf')}": pdf}), "manifest_mismatch")


def test_a_count_that_does_not_match_the_lines_is_quarantined(db, ping):
    office = OfficeFactory()
    signer = portal_signer(office.municipality_code)
    data = from_portal(signer, office.municipality_code, rows=[{"text": "a"}])
    two_lines = b'{"text":"a"}\n{"text":"b"}\n'  # the file's SHA-256 in the manifest, its count still 1

    refused(resigned(data, signer, replace={"records/ping.jsonl": two_lines}), "manifest_mismatch")
