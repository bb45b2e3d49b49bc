"""Attachments are JPEG, PNG or PDF only. An image must decode as what its name says; a PDF is only
checked for its header and size (never rendered)."""

from django.contrib.auth.models import Group

from hogo.transfer import services
from hogo.transfer.bundle import attachment_name

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused
from .images import jpeg_with_exif, png


def sent(office, content: bytes, ext: str) -> bytes:
    name = attachment_name(content, ext)
    return from_portal(
        portal_signer(office.municipality_code),
        office.municipality_code,
        rows=[{"text": f"with {ext}", "attachment": name}],
        attachments={name: content},
    )


def test_a_jpg_that_is_a_script_is_quarantined(db, ping):
    refused(sent(OfficeFactory(), b"#!/bin/sh\nrm -rf /\n", "jpg"), "bad_image")


def test_a_png_named_jpg_is_quarantined(db, ping):
    refused(sent(OfficeFactory(), png(), "jpg"), "bad_image")


def test_a_truncated_jpeg_is_quarantined(db, ping):
    refused(sent(OfficeFactory(), jpeg_with_exif()[:200], "jpg"), "bad_image")


def test_a_pdf_without_its_header_is_quarantined(db, ping):
    refused(sent(OfficeFactory(), b"<html><script>alert(1)</script>", "pdf"), "bad_pdf")


def test_a_real_pdf_and_png_are_accepted(db, ping):
    office = OfficeFactory()

    services.import_bundle(sent(office, b"%PDF-1.7\n%%EOF\n", "pdf"), "pdf.zip")
    services.import_bundle(sent(office, png(), "png"), "png.zip")

    assert set(Group.objects.values_list("name", flat=True)) == {"ping with pdf", "ping with png"}
