"""Bundles as the core sends them to the portal (signed with a core key the portal trusts), in the
record schemas of hogo/collaboration/transfer.py, and reading what the portal sends back."""

import hashlib
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from hogo.transfer import keys, services
from hogo.transfer.bundle import read_bundle, write_bundle

OFFICE = "131016"
CONFERENCE = "7d4c6a8e-0d51-4a55-9a3e-3b7f7c9b2a10"
OTHER_CONFERENCE = "0b0e3c55-6a53-4f4a-8f1e-2f1f1e6f0c21"
CODE = "1A2B-3C4D-5E6F-7A8B"
PASSWORD = "kawase-portal-pass-2026"


def core_signer():
    """The core's key for OFFICE, trusted by this portal (made on first use in the test's keys folder)."""
    if not list(keys.keys_dir().glob(f"core-{OFFICE}-*.key")):
        keys.trust(keys.export_public(keys.new_key("core", OFFICE)))
    return keys.signer_for("core", OFFICE)


def member(pk: int, username: str, *, code: str | None = CODE, valid_to=None, **fields) -> dict:
    today = timezone.localdate()
    return {
        "key": f"am-{pk}",
        "office": OFFICE,
        "agency": fields.get("agency", "みなと地域包括支援センター"),
        "name": fields.get("name", f"担当 {pk}"),
        "username": username,
        "valid_from": fields.get("valid_from", (today - timedelta(days=30)).isoformat()),
        "valid_to": valid_to.isoformat() if valid_to else None,
        "code_hash": hashlib.sha256(code.encode()).hexdigest() if code else "",
    }


def conference(key: str = CONFERENCE, members=(("am-1", True),), *, candidates=2, materials=1, **fields) -> dict:
    start = timezone.now().replace(microsecond=0) + timedelta(days=7)
    return {
        "key": key,
        "office": OFFICE,
        "purpose": fields.get("purpose", "世帯の見守り体制を話し合う"),
        "held_on": None,
        "members": [{"member": m, "reason": "見守り訪問の状況を共有してほしい", "active": a} for m, a in members],
        "candidates": [
            {"key": f"cd-{key[:4]}{i}", "starts_at": (start + timedelta(days=i)).isoformat()} for i in range(candidates)
        ],
        "materials": [
            {"key": f"mt-{key[:4]}{i}", "content": f"資料その{i + 1}：通院の状況", "created_at": start.isoformat()}
            for i in range(materials)
        ],
        "minutes": fields.get("minutes", "見守りの分担を確認した。"),
        "conclusions": fields.get("conclusions", "月1回の訪問を続ける。"),
    }


def from_core(members=(), conferences=()) -> bytes:
    return write_bundle(
        {"agency_member": list(members), "conference": list(conferences)},
        {},
        source_zone="core",
        target_zone="portal",
        office_code=OFFICE,
        signer=core_signer(),
        created_at=timezone.now(),
    )


def deliver(members=(), conferences=()):
    return services.import_bundle(from_core(members, conferences), "from-core.zip")


def standard():
    """Members am-1 (agency_a) and am-2 (agency_b); am-1 in CONFERENCE, am-2 in OTHER_CONFERENCE."""
    return deliver(
        [member(1, "agency_a"), member(2, "agency_b", code="9F9F-8E8E-7D7D-6C6C")],
        [conference(CONFERENCE, [("am-1", True)]), conference(OTHER_CONFERENCE, [("am-2", True)], purpose="別の会議")],
    )


def activated(username: str = "agency_a"):
    user = get_user_model().objects.get(username=username)
    user.set_password(PASSWORD)
    user.save()
    user.portal_member.activated_at = timezone.now()
    user.portal_member.save()
    return user


def to_core(*, acknowledged: bool = True) -> dict:
    """The portal's next bundle to the core, read as the core would read it (its key trusted here too,
    which only this test's reader uses). `acknowledged`: the core accepted it and its next bundle says so
    (what it carried is then not sent again); False: the bundle was refused or lost on the way."""
    return next_bundle(acknowledged=acknowledged).records


def next_bundle(*, acknowledged: bool = False):
    """The portal's next bundle to the core (a Bundle: its id and records); see to_core."""
    if not list(keys.keys_dir().glob(f"portal-{OFFICE}-*.key")):
        keys.trust(keys.export_public(keys.new_key("portal", OFFICE)))
    data = services.export_bundle(OFFICE, "core")
    bundle = read_bundle(data, trusted_keys=keys.trusted_keys(), zone="core")
    if acknowledged:
        acknowledge(bundle.bundle_id)
    return bundle


def acknowledge(*bundle_ids: str):
    """A bundle from the core that only acknowledges the portal's bundles `bundle_ids`."""
    data = write_bundle(
        {"acknowledged": [{"office": OFFICE, "bundle": str(b)} for b in bundle_ids]},
        {},
        source_zone="core",
        target_zone="portal",
        office_code=OFFICE,
        signer=core_signer(),
        created_at=timezone.now(),
    )
    return services.import_bundle(data, "ack-from-core.zip")
