"""Names are checked from the zip's directory before anything is read: `..`, an absolute path, a
backslash, a folder or a symbolic link is refused (nothing is ever written to disk from a bundle)."""

import io
import zipfile

import pytest

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused, rezip


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "records/../../x.jsonl", "/etc/passwd", "records\\..\\x.jsonl", "C:/x", "records//x.jsonl"],
)
def test_a_name_that_leaves_the_bundle_is_quarantined(db, ping, name):
    office = OfficeFactory()
    data = from_portal(portal_signer(office.municipality_code), office.municipality_code)

    refused(rezip(data, add={name: b"x"}), "unsafe_path")


def test_a_symbolic_link_is_quarantined(db, ping):
    office = OfficeFactory()
    data = from_portal(portal_signer(office.municipality_code), office.municipality_code)
    out = io.BytesIO(rezip(data))
    with zipfile.ZipFile(out, "a") as zf:
        link = zipfile.ZipInfo("attachments/" + "0" * 64 + ".pdf")
        link.external_attr = 0o120777 << 16  # a symlink to /etc/passwd
        zf.writestr(link, "/etc/passwd")

    refused(out.getvalue(), "unsafe_path")


def test_a_file_of_a_kind_the_bundle_never_holds_is_quarantined(db, ping):
    office = OfficeFactory()
    data = from_portal(portal_signer(office.municipality_code), office.municipality_code)

    refused(rezip(data, add={"attachments/" + "0" * 64 + ".exe": b"MZ"}), "disallowed_file")
