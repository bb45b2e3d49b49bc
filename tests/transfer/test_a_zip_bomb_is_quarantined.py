"""Sizes, compression ratio and the number of entries are checked from the zip's headers before any
entry is decompressed, and reading is capped as well, so a header that lies is caught too."""

import io
import zipfile

import pytest

from hogo.transfer.bundle import BundleRefused, Limits, read_bundle

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused, rezip


def test_an_entry_that_inflates_a_thousandfold_is_quarantined(db, ping):
    office = OfficeFactory()
    data = from_portal(portal_signer(office.municipality_code), office.municipality_code)
    bomb = b"\n" * (20 * 1024 * 1024)  # 20 MiB of new lines deflate to about 20 KiB

    refused(rezip(data, replace={"records/ping.jsonl": bomb}), "zip_bomb")


def test_too_many_entries_and_too_much_in_all_are_refused_from_the_headers(db, ping, settings):
    office = OfficeFactory()
    data = from_portal(portal_signer(office.municipality_code), office.municipality_code)
    settings.HOGO_TRANSFER_MAX_ENTRIES = 2  # it has 3: manifest, signature, one records file
    refused(data, "zip_bomb")
    settings.HOGO_TRANSFER_MAX_ENTRIES = 50_000
    settings.HOGO_TRANSFER_MAX_UNCOMPRESSED_BYTES = 100
    refused(data, "zip_bomb", "again.zip")


def test_a_bundle_larger_than_the_limit_is_quarantined(db, ping, settings):
    office = OfficeFactory()
    data = from_portal(portal_signer(office.municipality_code), office.municipality_code)
    settings.HOGO_TRANSFER_MAX_BUNDLE_BYTES = len(data) - 1

    refused(data, "too_large")


def test_an_entry_whose_header_understates_its_size_is_not_inflated_past_it():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", b"{" + b" " * 5_000_000 + b"}")
    raw = bytearray(out.getvalue())
    # the central directory's (and local header's) uncompressed size says 10 bytes
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = raw.find(signature)
        raw[at + offset : at + offset + 4] = (10).to_bytes(4, "little")

    with pytest.raises(BundleRefused) as caught:
        read_bundle(bytes(raw), trusted_keys={}, zone="core", limits=Limits())

    # zipfile stops at the declared size and then finds the CRC wrong; the capped read is a second guard
    assert caught.value.reason_code == "not_a_zip"
