"""Hashing of audit entries. Pure functions, no Django import."""

import hashlib
import json
from datetime import datetime, timedelta, timezone

GENESIS_HASH = "0" * 64
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def entry_hash(
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
) -> str:
    """SHA-256 over a canonical JSON of the entry (sorted keys; the time as whole microseconds
    since the Unix epoch, so it survives any database's datetime round trip). `at` must be aware."""
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
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
