"""`hogo worker` (the worker that survives) runs the same queue as django-tasks-db's `db_worker`, on SQLite
as on PostgreSQL; `--requeue-running` puts back what a crashed worker left 「実行中」 (SQLite's remedy)."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from hogo.decisions.models import RecalcResult, RecalcRun

from .workers import seed_runs

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_runs_every_chunk_of_a_run(monkeypatch):
    runs = seed_runs(households=8, chunk_size=3, monkeypatch=monkeypatch)
    call_command("worker", batch=True, startup_delay=False, interval=0)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    for run in RecalcRun.objects.filter(pk__in=[r.pk for r in runs]):
        assert run.status == "done" and RecalcResult.objects.filter(run=run).count() == run.total


def test_requeue_running_puts_a_stranded_task_back_and_it_runs(monkeypatch, capsys):
    seed_runs(households=4, chunk_size=10, monkeypatch=monkeypatch)
    stranded = DBTaskResult.objects.order_by("enqueued_at").first()
    DBTaskResult.objects.filter(pk=stranded.pk).update(status="RUNNING", worker_ids=["crashed"])
    call_command("worker", requeue_running=True)
    assert "1件" in capsys.readouterr().out
    call_command("worker", batch=True, startup_delay=False, interval=0)
    stranded.refresh_from_db()
    assert stranded.status == "SUCCESSFUL" and stranded.worker_ids[0] == "crashed"
