"""Background work: the nightly regeneration (in chunks, so several workers share it) and the
daily digest."""

from datetime import date

from django.utils import timezone
from django_tasks import task

from hogo.audit.context import audit_context

from .digest import send_digests
from .generate import chunks_of_households, regenerate_all, regenerate_chunk


@task()
def regenerate_followups_chunk(household_ids: list[int], day: str) -> dict:
    with audit_context(source="worker"):
        return regenerate_chunk(household_ids, date.fromisoformat(day))


@task()
def nightly_followups(day: str | None = None) -> dict:
    """Regenerate every office's follow-ups, then send the digests (in this order, in one task)."""
    today = date.fromisoformat(day) if day else timezone.localdate()
    with audit_context(source="worker"):
        counts = regenerate_all(today)
        counts.update(send_digests(today))
    return counts


def enqueue_regeneration(today: date, office_ids=None) -> int:
    """Spread a regeneration over the workers; returns the number of chunks queued."""
    chunks = 0
    for chunk in chunks_of_households(office_ids):
        regenerate_followups_chunk.enqueue(chunk, today.isoformat())
        chunks += 1
    return chunks
