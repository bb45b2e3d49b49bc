"""Bundles as the portal would send them to the core (the test settings are the core's), and zips
taken apart and put together again to make bad ones."""

import base64
import hashlib
import io
import json
import zipfile

import pytest
from django.contrib.auth.models import Group

from hogo.transfer import keys, services
from hogo.transfer.bundle import write_bundle
from hogo.transfer.models import Quarantined, ReceivedBundle


def portal_signer(office_code: str, *, trusted: bool = True):
    """The portal's key for the office (a file under the test's keys folder; made on first use, and then
    trusted by the core unless `trusted` is false)."""
    if not list(keys.keys_dir().glob(f"portal-{office_code}-*.key")):
        key_id = keys.new_key("portal", office_code)
        if trusted:
            keys.trust(keys.export_public(key_id))
    return keys.signer_for("portal", office_code)


def from_portal(signer, office_code: str, rows=None, attachments=None, **options) -> bytes:
    rows = [{"text": "a"}, {"text": "b"}] if rows is None else rows
    return write_bundle(
        {"ping": rows},
        attachments or {},
        source_zone=options.pop("source_zone", "portal"),
        target_zone=options.pop("target_zone", "core"),
        office_code=office_code,
        signer=signer,
        **options,
    )


def rezip(data: bytes, *, replace=None, drop=(), add=None) -> bytes:
    """The same zip with entries replaced, dropped or added (the manifest and signature untouched)."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
        for name, content in add.items():
            dst.writestr(name, content)
    return out.getvalue()


def refused(data: bytes, reason_code: str, file_name: str = "bundle.zip", *, before: int = 0) -> Quarantined:
    """Import `data`: refused with `reason_code`, quarantined (row and file), nothing applied (`before`: the
    pings a bundle applied earlier)."""
    with pytest.raises(services.ImportRefused) as caught:
        services.import_bundle(data, file_name)
    quarantined = caught.value.quarantined
    assert quarantined.reason_code == reason_code, quarantined.reason
    assert Quarantined.objects.filter(pk=quarantined.pk, reason_code=reason_code).exists()
    with open(quarantined.stored_as, "rb") as f:
        assert f.read() == data
    assert Group.objects.filter(name__startswith="ping ").count() == before
    assert ReceivedBundle.objects.count() == (1 if before else 0)
    return quarantined


def resigned(data: bytes, signer, *, replace, counts=None) -> bytes:
    """The bundle with files replaced and its manifest brought up to date and signed again by `signer`:
    a bundle the sender really signed, whose content is bad in some other way."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    for path, content in replace.items():
        manifest["files"][path] = {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
    manifest["counts"].update(counts or {})
    manifest_bytes = json.dumps(manifest, indent=2, sort_keys=True).encode()
    signature = base64.b64encode(signer.sign(manifest_bytes))
    return rezip(data, replace={**replace, "manifest.json": manifest_bytes, "signature": signature})
