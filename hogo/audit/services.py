"""Writing and verifying the audit log. Every service that reads or changes a person's record
calls `record` inside its own transaction, so a rolled-back change leaves no entry and a
committed one always has its entry."""

import json
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .chain import GENESIS_HASH, entry_hash
from .context import current
from .models import AuditEntry, AuditHead


@dataclass(frozen=True)
class Event:
    """What one audit entry records, before it is chained."""

    action: str
    target_type: str = ""
    target_id: str = ""
    office_id: int | None = None
    detail: dict | None = None


def record(
    actor,
    action: str,
    *,
    target=None,
    target_type: str = "",
    target_id: str = "",
    office_id: int | None = None,
    detail: dict | None = None,
) -> AuditEntry:
    """Append one entry. `target` may be any object with `audit_type`, `audit_id`, `office_id`."""
    if target is not None:
        target_type, target_id = target.audit_type, str(target.audit_id)
        office_id = target.office_id if office_id is None else office_id
    return record_many(actor, [Event(action, target_type, target_id, office_id, detail)])[0]


def record_many(actor, events: list[Event]) -> list[AuditEntry]:
    """Append several entries under one lock of the chain head (bulk work such as a mass
    recalculation writes thousands at once). Where they come from is the current audit context's."""
    context = current()
    with transaction.atomic():
        AuditHead.objects.get_or_create(pk=1, defaults={"last_seq": 0, "last_hash": GENESIS_HASH})
        head = AuditHead.objects.select_for_update().get(pk=1)
        seq, prev_hash, now = head.last_seq, head.last_hash, timezone.now()
        actor_id, actor_username = getattr(actor, "pk", None), getattr(actor, "username", "") or ""
        entries = []
        for event in events:
            seq += 1
            fields = dict(
                seq=seq,
                at=now,
                actor_id=actor_id,
                actor_username=actor_username,
                action=event.action,
                target_type=event.target_type,
                target_id=event.target_id,
                office_id=event.office_id,
                source=context.source[:64],
                detail=_with_purpose(event.detail or {}, context.purpose),
                prev_hash=prev_hash,
            )
            prev_hash = entry_hash(key=audit_key(), **fields)
            entries.append(AuditEntry(**fields, hash=prev_hash))
        AuditEntry.objects.bulk_create(entries, batch_size=2000)
        AuditHead.objects.filter(pk=1).update(last_seq=seq, last_hash=prev_hash)
    return entries


def _with_purpose(detail: dict, purpose: str) -> dict:
    return {"purpose": purpose, **detail} if purpose else detail


SHOWN_LIMIT = 200  # public ids kept per list entry; a page of 100 rows stays one entry


def shown(ids, *, limit: int = SHOWN_LIMIT) -> dict:
    """The detail of a list or search entry: which records were on the screen (public ids, in the
    order shown, each once, at most `limit`), how many there were, and how many were left out."""
    ids = list(dict.fromkeys(str(i) for i in ids))
    detail = {"shown": ids[:limit], "shown_count": len(ids)}
    if len(ids) > limit:
        detail["shown_omitted"] = len(ids) - limit
    return detail


def audit_key() -> bytes:
    """The HMAC key of the chain, from the environment (`HOGO_AUDIT_KEY`); never from the database."""
    return settings.HOGO_AUDIT_KEY.encode("utf-8")


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    last_hash: str
    broken_seq: int | None = None
    problem: str = ""
    anchored_seq: int | None = None  # the last anchor the chain was found to match


def verify(chunk_size: int = 5000) -> VerifyResult:
    """Walk the chain in order; report the first entry that is missing, altered or out of line, then
    compare the chain with the anchors written outside the database (`read_anchors`)."""
    key = audit_key()
    try:
        anchors = read_anchors()
    except ValueError as exc:
        return VerifyResult(False, 0, GENESIS_HASH, None, str(exc))
    anchored = {anchor.seq: anchor for anchor in anchors}
    seen_at_anchors: dict[int, str] = {}
    head = AuditHead.objects.filter(pk=1).first()
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=chunk_size):
        if entry.seq != expected_seq:
            return VerifyResult(
                False, checked, prev_hash, expected_seq, f"entry {expected_seq} is missing (next is {entry.seq})"
            )
        if entry.prev_hash != prev_hash:
            return VerifyResult(
                False, checked, prev_hash, entry.seq, f"entry {entry.seq} does not follow entry {entry.seq - 1}"
            )
        recomputed = entry_hash(
            key=key,
            seq=entry.seq,
            at=entry.at,
            actor_id=entry.actor_id,
            actor_username=entry.actor_username,
            action=entry.action,
            target_type=entry.target_type,
            target_id=entry.target_id,
            office_id=entry.office_id,
            source=entry.source,
            detail=entry.detail,
            prev_hash=entry.prev_hash,
        )
        if recomputed != entry.hash:
            return VerifyResult(False, checked, prev_hash, entry.seq, f"entry {entry.seq} was altered (hash mismatch)")
        if entry.seq in anchored:
            seen_at_anchors[entry.seq] = entry.hash
        prev_hash, expected_seq, checked = entry.hash, expected_seq + 1, checked + 1
    for anchor in anchors:
        if anchor.seq > checked:
            return VerifyResult(
                False,
                checked,
                prev_hash,
                checked + 1,
                f"entries {checked + 1}..{anchor.seq} are missing: the anchor of {anchor.at} records {anchor.seq}",
            )
        if anchor.seq and seen_at_anchors.get(anchor.seq) != anchor.hash:
            return VerifyResult(
                False,
                checked,
                prev_hash,
                anchor.seq,
                f"entry {anchor.seq} differs from the anchor of {anchor.at} (the chain was rewritten)",
            )
    last_seq = head.last_seq if head else 0
    if last_seq != checked or (head and head.last_hash != prev_hash):
        return VerifyResult(
            False,
            checked,
            prev_hash,
            checked + 1,
            f"entry {checked + 1} is missing: the chain head records {last_seq} entries",
        )
    last_anchor = max(anchors, key=lambda anchor: anchor.seq, default=None)
    return VerifyResult(True, checked, prev_hash, anchored_seq=last_anchor.seq if last_anchor else None)


@dataclass(frozen=True)
class Anchor:
    """One line of the anchor file: the chain's length and last hash at a moment."""

    seq: int
    hash: str
    at: str


def anchor_path() -> Path:
    return Path(settings.HOGO_AUDIT_ANCHOR_FILE)


def read_anchors() -> list[Anchor]:
    """Every anchor written so far (none when the file does not exist yet). A line that cannot be
    read is tampering or damage, reported as such (ValueError)."""
    path = anchor_path()
    if not path.exists():
        return []
    anchors = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                anchors.append(Anchor(int(data["seq"]), str(data["hash"]), str(data["at"])))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"anchor file {path} line {number} cannot be read") from exc
    return anchors


def write_anchor(result: VerifyResult) -> Anchor:
    """Append the verified head (sequence number, hash, time) to the anchor file. The file is only
    ever opened for appending; where it lives, and who may write it, is the operators' (operations.md)."""
    anchor = Anchor(result.checked, result.last_hash, timezone.now().isoformat(timespec="seconds"))
    path = anchor_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"seq": anchor.seq, "hash": anchor.hash, "at": anchor.at}, separators=(",", ":"))
    with path.open("a", encoding="utf-8") as file:
        file.write(line + "\n")
        file.flush()
        os.fsync(file.fileno())
    return anchor


def verify_and_anchor() -> tuple[VerifyResult, Anchor | None]:
    """The nightly job: verify the chain and, only when it is intact, anchor its head."""
    result = verify()
    return result, (write_anchor(result) if result.ok else None)
