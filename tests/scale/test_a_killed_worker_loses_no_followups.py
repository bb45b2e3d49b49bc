"""A worker SIGKILLed in the middle of a chunk of the nightly follow-up regeneration loses nothing and
duplicates nothing: the chunk's items are created and moved in one transaction, which dies with the worker
(nothing of the chunk is left half-written), the claim ends with the worker's database session, and
another worker takes the chunk over. The follow-ups are then exactly those one uninterrupted regeneration
makes (hogo/followups/generate.py, hogo/common/worker.py, decision 0036)."""

import signal
from collections import Counter

import pytest
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hogo.audit.services import verify
from hogo.followups.generate import regenerate_all
from hogo.followups.models import FollowUp
from hogo.households.models import Household

from .workers import (
    NEEDS_POSTGRESQL,
    seed_followup_night,
    start_worker,
    take_over_with_a_second_worker,
    wait_for,
    worker_env,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason=NEEDS_POSTGRESQL),
]

COLUMNS = ("household_id", "key", "rule_id", "source", "state", "due_on", "warn_on", "done_on", "done_note")


def followups() -> Counter:
    """Every follow-up item as its identity and state (not its row id, public id or creation time)."""
    return Counter(FollowUp.objects.values_list(*COLUMNS))


def of(items: Counter, households) -> Counter:
    return Counter({row: n for row, n in items.items() if row[0] in set(households)})


def by_id() -> dict:
    return {pk: row for pk, *row in FollowUp.objects.values_list("pk", *COLUMNS)}


def uninterrupted_regeneration(day) -> tuple[Counter, dict]:
    """The items one regeneration in this process, in one chunk, would leave, and its rows by id, rolled
    back so that the workers start from the same state."""
    with transaction.atomic():
        regenerate_all(day, size=Household.objects.count())
        items, rows = followups(), by_id()
        transaction.set_rollback(True)
    return items, rows


def locked_by_another_transaction(households) -> set[int]:
    """The ids of these households' items that another open transaction has written (and so locked)."""
    with transaction.atomic():
        mine = FollowUp.objects.filter(household_id__in=households)
        free = set(mine.select_for_update(skip_locked=True).values_list("pk", flat=True))
        return set(mine.values_list("pk", flat=True)) - free


def test_a_regeneration_chunk_whose_worker_was_killed_is_redone_without_loss_or_duplicates(monkeypatch, tmp_path):
    day = timezone.localdate()
    chunks = seed_followup_night(households=24, chunk_size=4, day=day, monkeypatch=monkeypatch)
    assert chunks >= 4 and DBTaskResult.objects.filter(status="READY").count() == chunks
    before, rows_before = followups(), by_id()
    expected, rows_after = uninterrupted_regeneration(day)
    assert followups() == before
    changed = {row[0] for row in (expected - before) + (before - expected)}
    assert changed == set(Household.objects.values_list("pk", flat=True))  # every household has work tonight

    marker, log = tmp_path / "paused", tmp_path / "workers.log"
    first = start_worker(worker_env(HOGO_TEST_CHUNK_PAUSE_FILE=marker, HOGO_TEST_CHUNK_PAUSE_SECONDS=120), log=log)
    try:
        wait_for(marker.exists, 60, "the first worker to be inside its first chunk", first, log)
        killed_task = DBTaskResult.objects.get(status="RUNNING")
        killed_chunk = killed_task.args_kwargs["args"][0]
        # Paused after its writes: the items of the chunk that the regeneration moves are locked by it.
        moved = {pk for pk, row in rows_before.items() if row[0] in killed_chunk and rows_after[pk] != row}
        assert moved and locked_by_another_transaction(killed_chunk) == moved
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        first.kill()

    # Killed after its chunk's writes, before the commit: nothing of the chunk is left, the task is stranded.
    assert of(expected, killed_chunk) != of(before, killed_chunk)  # the chunk had writes to lose
    assert followups() == before
    assert DBTaskResult.objects.get(pk=killed_task.pk).status == "RUNNING"

    take_over_with_a_second_worker(killed_task, log)
    regenerated = [h for task in DBTaskResult.objects.all() for h in task.args_kwargs["args"][0]]
    assert sorted(regenerated) == sorted(Household.objects.values_list("pk", flat=True))
    after = followups()
    assert after == expected
    per_key = Counter(FollowUp.objects.values_list("household_id", "key"))
    assert set(per_key.values()) == {1}
    assert verify().ok
