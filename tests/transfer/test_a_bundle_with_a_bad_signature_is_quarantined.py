"""The signature covers the exact bytes of manifest.json: a changed manifest, a signature by another key
under the trusted key id, or a garbled signature is refused."""

import base64
import io
import zipfile

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hogo.transfer.bundle import Signer

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused, rezip


def manifest_of(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("manifest.json")


def test_a_manifest_changed_after_signing_is_quarantined(db, ping):
    office = OfficeFactory()
    data = from_portal(portal_signer(office.municipality_code), office.municipality_code)
    changed = manifest_of(data).replace(b'"ping": 2', b'"ping": 2 ')

    refused(rezip(data, replace={"manifest.json": changed}), "bad_signature")


def test_a_signature_by_another_key_under_the_trusted_key_id_is_quarantined(db, ping):
    office = OfficeFactory()
    trusted = portal_signer(office.municipality_code)
    forger = Signer(trusted.key_id, Ed25519PrivateKey.generate())

    refused(from_portal(forger, office.municipality_code), "bad_signature")


def test_a_signature_that_is_not_base64_is_quarantined(db, ping):
    office = OfficeFactory()
    data = from_portal(portal_signer(office.municipality_code), office.municipality_code)

    refused(rezip(data, replace={"signature": b"not a signature!"}), "bad_signature")
    refused(rezip(data, replace={"signature": base64.b64encode(b"x" * 64)}), "bad_signature")
    refused(rezip(data, drop=("signature",)), "bad_signature")
