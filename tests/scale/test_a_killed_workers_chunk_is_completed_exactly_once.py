"""A worker SIGKILLed in the middle of a 一斉更正 chunk loses nothing and duplicates nothing: its chunk's
transaction dies with it, the claim (a lease held by its database session) ends with its session, and
another worker takes the chunk over and finishes the run (hogo/common/worker.py, decision 0036)."""

import signal
from collections import Counter

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from hogo.audit.services import verify
from hogo.decisions.models import Decision, RecalcResult, RecalcRun

from .workers import NEEDS_POSTGRESQL, seed_runs, start_worker, take_over_with_a_second_worker, wait_for, worker_env

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason=NEEDS_POSTGRESQL),
]


def test_a_chunk_whose_worker_was_killed_is_taken_over_and_applied_once(monkeypatch, tmp_path):
    runs = seed_runs(households=24, chunk_size=4, monkeypatch=monkeypatch)
    total = sum(run.total for run in runs)
    assert total >= 16 and DBTaskResult.objects.filter(status="READY").count() >= 4

    marker, log = tmp_path / "paused", tmp_path / "workers.log"
    first = start_worker(worker_env(HOGO_TEST_CHUNK_PAUSE_FILE=marker, HOGO_TEST_CHUNK_PAUSE_SECONDS=120), log=log)
    try:
        wait_for(marker.exists, 60, "the first worker to be inside its first chunk", first, log)
        killed_task = DBTaskResult.objects.get(status="RUNNING")
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        first.kill()

    # Half-way through its chunk's transaction: nothing of the chunk is written, the task is stranded.
    assert RecalcResult.objects.count() == 0
    assert Decision.objects.filter(kind="change").count() == 0
    assert DBTaskResult.objects.get(pk=killed_task.pk).status == "RUNNING"

    take_over_with_a_second_worker(killed_task, log)
    for run in RecalcRun.objects.all():
        assert run.status == "done" and run.processed == run.total
        assert RecalcResult.objects.filter(run=run).count() == run.total
    per_household = Counter(RecalcResult.objects.values_list("household_id", flat=True))
    assert len(per_household) == total and set(per_household.values()) == {1}
    drafts = Counter(Decision.objects.filter(kind="change").values_list("household_id", flat=True))
    changed = sum(run.changed for run in RecalcRun.objects.all())
    assert changed > 0 and sum(drafts.values()) == changed and set(drafts.values()) == {1}
    assert verify().ok
