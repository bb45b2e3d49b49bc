"""Hashing of audit entries. Pure functions, no Django import.

Entries are chained with HMAC-SHA256 under a key kept outside the database (`HOGO_AUDIT_KEY`), so
someone who can write the database but does not hold the key cannot re-hash a rewritten chain
(decision 0022). `legacy_entry_hash` is the unkeyed SHA-256 of the first scheme, kept only for the
migration that re-keyed the existing entries."""

import hashlib
import hmac
import json
from datetime import datetime, timedelta, timezone

GENESIS_HASH = "0" * 64
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def canonical_entry(
    *,
    seq: int,
    at: datetime,
    actor_id: int | None,
    actor_username: str,
    action: str,
    target_type: str,
    target_id: str,
    office_id: int | None,
    source: str,
    detail: dict,
    prev_hash: str,
) -> bytes:
    """A canonical JSON of the entry (sorted keys; the time as whole microseconds since the Unix
    epoch, so it survives any database's datetime round trip). `at` must be aware."""
    payload = {
        "seq": seq,
        "at_us": (at - _EPOCH) // timedelta(microseconds=1),
        "actor_id": actor_id,
        "actor_username": actor_username,
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "office_id": office_id,
        "source": source,
        "detail": detail,
        "prev_hash": prev_hash,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_hash(*, key: bytes, **fields) -> str:
    """HMAC-SHA256 of the canonical entry under the audit key."""
    if not key:
        raise ValueError("the audit key is empty")
    return hmac.new(key, canonical_entry(**fields), hashlib.sha256).hexdigest()


def legacy_entry_hash(**fields) -> str:
    """The first scheme: plain SHA-256, which anyone with database access can recompute."""
    return hashlib.sha256(canonical_entry(**fields)).hexdigest()
