"""The database goes away in the middle of a 一斉更正 chunk: the chunk's transaction is rolled back whole
(nothing half-written), the worker waits for the server, puts the chunk back in the queue and the run
completes with every household processed once (hogo/common/worker.py, decision 0036)."""

import signal
import socket
import time

import psycopg
import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from hogo.decisions.models import Decision, RecalcResult, RecalcRun

from .workers import NEEDS_POSTGRESQL, DedicatedServer, database_url, seed_runs, start_worker, wait_for, worker_env

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason=NEEDS_POSTGRESQL),
]


def free_port() -> int:
    """A port of its own for the dedicated server (54339 unless taken: several runs may share the machine)."""
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", 54339)) != 0:
            return 54339
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


TABLES = {
    "tasks": DBTaskResult._meta.db_table,
    "runs": RecalcRun._meta.db_table,
    "results": RecalcResult._meta.db_table,
    "decisions": Decision._meta.db_table,
}


def one(url: str, sql: str):
    with psycopg.connect(url.replace("postgres://", "postgresql://")) as conn:
        return conn.execute(sql.format(**TABLES)).fetchone()[0]


def test_a_run_survives_a_restart_of_the_database_server(monkeypatch, tmp_path):
    server = DedicatedServer(free_port())
    if not server.available():
        pytest.skip("needs the PostgreSQL server binaries (/usr/lib/postgresql/*/bin) to start a server of its own")
    runs = seed_runs(households=24, chunk_size=4, monkeypatch=monkeypatch)
    total = sum(run.total for run in runs)
    server.init()
    try:
        server.copy_in(database_url(), "hogo")
        url = server.url("hogo")
        marker, log = tmp_path / "paused", tmp_path / "worker.log"
        env = worker_env(url, HOGO_TEST_CHUNK_PAUSE_FILE=marker, HOGO_TEST_CHUNK_PAUSE_SECONDS=2)
        worker = start_worker(env, "--batch", log=log)
        try:
            wait_for(marker.exists, 60, "the worker to be inside its first chunk", worker, log)
            server.stop()  # the chunk's transaction is open: the server goes away under it
            time.sleep(4)  # long enough for the worker to find the database gone and wait for it
            server.start()
            assert worker.wait(180) == 0, log.read_text()[-3000:]
        finally:
            worker.send_signal(signal.SIGKILL)
        assert "Database unavailable" in log.read_text()  # it did meet the outage
        assert one(url, "SELECT count(*) FROM {tasks} WHERE status <> 'SUCCESSFUL'") == 0
        assert one(url, "SELECT count(*) FROM {runs} WHERE status <> 'done' OR processed <> total") == 0
        assert one(url, "SELECT count(*) FROM {results}") == total
        assert one(url, "SELECT count(DISTINCT household_id) FROM {results}") == total
        changed = one(url, "SELECT sum(changed) FROM {runs}")
        drafts = one(url, "SELECT count(*) FROM {decisions} WHERE kind = 'change'")
        assert changed > 0 and drafts == changed
        assert one(url, "SELECT count(DISTINCT household_id) FROM {decisions} WHERE kind = 'change'") == drafts
    finally:
        server.remove()


def test_a_chunk_cut_off_by_the_server_leaves_nothing_half_written(monkeypatch, tmp_path):
    runs = seed_runs(households=12, chunk_size=4, monkeypatch=monkeypatch)
    marker, log = tmp_path / "paused", tmp_path / "worker.log"
    env = worker_env(HOGO_TEST_CHUNK_PAUSE_FILE=marker, HOGO_TEST_CHUNK_PAUSE_SECONDS=3)
    worker = start_worker(env, "--max-tasks", "1", log=log)
    try:
        wait_for(marker.exists, 60, "the worker to be inside its first chunk", worker, log)
        with connection.cursor() as cursor:  # the server ends the worker's session, its transaction open
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> pg_backend_pid()"
            )
            assert cursor.fetchall() == [(True,)]
        assert worker.wait(60) == 0, log.read_text()[-3000:]
    finally:
        worker.kill()
    assert "interrupted (" in log.read_text()
    assert RecalcResult.objects.count() == 0 and Decision.objects.filter(kind="change").count() == 0
    assert not DBTaskResult.objects.filter(status__in=["SUCCESSFUL", "FAILED"]).exists()

    again = start_worker(worker_env(), "--batch", log=log)
    try:
        assert again.wait(120) == 0, log.read_text()[-3000:]
    finally:
        again.kill()
    for run in RecalcRun.objects.filter(pk__in=[r.pk for r in runs]):
        assert run.status == "done" and RecalcResult.objects.filter(run=run).count() == run.total
