"""Writing and verifying the audit log. Every service that reads or changes a person's record
calls `record` inside its own transaction, so a rolled-back change leaves no entry and a
committed one always has its entry."""

from dataclasses import dataclass

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
            prev_hash = entry_hash(**fields)
            entries.append(AuditEntry(**fields, hash=prev_hash))
        AuditEntry.objects.bulk_create(entries, batch_size=2000)
        AuditHead.objects.filter(pk=1).update(last_seq=seq, last_hash=prev_hash)
    return entries


def _with_purpose(detail: dict, purpose: str) -> dict:
    return {"purpose": purpose, **detail} if purpose else detail


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    last_hash: str
    broken_seq: int | None = None
    problem: str = ""


def verify(chunk_size: int = 5000) -> VerifyResult:
    """Walk the chain in order; report the first entry that is missing, altered or out of line."""
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
        prev_hash, expected_seq, checked = entry.hash, expected_seq + 1, checked + 1
    last_seq = head.last_seq if head else 0
    if last_seq != checked or (head and head.last_hash != prev_hash):
        return VerifyResult(
            False,
            checked,
            prev_hash,
            checked + 1,
            f"entry {checked + 1} is missing: the chain head records {last_seq} entries",
        )
    return VerifyResult(True, checked, prev_hash)
