"""Bundles in tests of the core: what the portal would send (signed with a portal key the core trusts, made
on first use in the test's keys folder) and the records of a bundle the core wrote."""

import io
import json
import zipfile

from django.utils import timezone

from hogo.transfer import keys
from hogo.transfer.bundle import write_bundle


def records_of(data: bytes) -> dict:
    """A bundle's records by type, read without checking its signature."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {
            name[len("records/") : -len(".jsonl")]: [json.loads(line) for line in z.read(name).decode().splitlines()]
            for name in z.namelist()
            if name.startswith("records/")
        }


def from_portal(code: str, records: dict, attachments=None) -> bytes:
    """A bundle from the portal of office `code` to the core."""
    if not list(keys.keys_dir().glob(f"portal-{code}-*.key")):
        keys.trust(keys.export_public(keys.new_key("portal", code)))
    return write_bundle(
        records,
        attachments or {},
        source_zone="portal",
        target_zone="core",
        office_code=code,
        signer=keys.signer_for("portal", code),
        created_at=timezone.now(),
    )


def bundle_id_of(data: bytes) -> str:
    """A bundle's id, from its manifest (read without checking its signature)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return json.loads(z.read("manifest.json"))["bundle_id"]


def acknowledged_by_portal(code: str, *bundle_ids: str) -> bytes:
    """A bundle from the portal of office `code` that only acknowledges the core's bundles `bundle_ids`."""
    return from_portal(code, {"acknowledged": [{"office": code, "bundle": b} for b in bundle_ids]})
