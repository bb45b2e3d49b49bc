"""Bundles the core signs for an external service (the SMS service, the deposit-inquiry service), opened
as the service would: with nothing but the office's public key as `hogo transfer keys export-public`
prints it. `give_office_keys` (an autouse fixture's body where exports are tested) gives every office of
the cast its core signing key in the test's own folder: the exports refuse to sign without one."""

import base64
import io
import json
import zipfile

from hogo.offices.models import Office
from hogo.transfer import keys
from hogo.transfer.bundle import Bundle, PublicKey, read_bundle


def give_office_keys(request, settings, tmp_path) -> None:
    settings.HOGO_TRANSFER_KEYS_DIR = tmp_path / "keys"
    if "cast" in request.fixturenames:
        request.getfixturevalue("cast")
        for code in Office.objects.values_list("municipality_code", flat=True):
            keys.new_key("core", code)


def public_key_of(text: str) -> PublicKey:
    """What the service keeps of the office's public key file."""
    body = json.loads(text)
    return PublicKey(body["key_id"], body["zone"], body["office"], base64.b64decode(body["public_key"]))


def published_key(office_code: str) -> PublicKey:
    return public_key_of(keys.export_public(keys.current_key_id("core", office_code)))


def opened(data: bytes, office_code: str, service: str) -> Bundle:
    """The bundle as the service reads it: verified with the office's published key, addressed to it."""
    key = published_key(office_code)
    return read_bundle(data, trusted_keys={key.key_id: key}, zone=f"service:{service}")


def attached(bundle: Bundle, file_name: str) -> bytes:
    """The file the bundle's `batch` record names (messages.csv, request.csv)."""
    (batch,) = bundle.records["batch"]
    return bundle.attachments[batch["files"][file_name]]


def path_of(data: bytes, prefix: str) -> str:
    """The one entry of the zip whose name starts with `prefix` (e.g. "attachments/")."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        (name,) = [n for n in zf.namelist() if n.startswith(prefix)]
        return name


def read_entry(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)
