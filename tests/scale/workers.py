"""What the scale and fault tests share: a small office under assistance where every household's amount
changes in a 一斉更正 (as bench/recalc.py prepares it), one where the night's follow-up regeneration has
work in every household, and `hogo worker` started as a real process on the test database."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hogo.decisions import recalc
from hogo.decisions.models import Decision, RecalcRun
from hogo.followups import generate
from hogo.followups.models import FollowUp, Source, State
from hogo.followups.tasks import enqueue_regeneration
from hogo.households.models import Household
from hogo.offices.models import Office

ROOT = Path(__file__).resolve().parent.parent.parent
NEEDS_POSTGRESQL = (
    "needs PostgreSQL: a claim is a lease held by the worker's database session (advisory lock), which SQLite "
    "does not have; run with DATABASE_URL=postgres://…"
)


def database_url(db=None) -> str:
    s = (db or connection).settings_dict
    return f"postgres://{s['USER'] or 'postgres'}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def seed_runs(households: int, chunk_size: int, monkeypatch) -> list[RecalcRun]:
    """A demo of `households` households in two offices, every one under assistance with an approved
    start decision whose amounts are blank, so that each one gets a draft change decision; then one
    run per office, queued in chunks of `chunk_size`."""
    call_command("demo", households=households, seed=3, as_json=True)
    Household.objects.update(status="active")
    Decision.objects.update(amounts={}, benefit_total=0)
    offices = Office.objects.order_by("municipality_code")
    for key, office in zip("ab", offices, strict=False):
        drafter = User.objects.get(username=f"{key}-cw001")
        with_start = Decision.objects.filter(household__office=office).values("household_id")
        Decision.objects.bulk_create(
            Decision(
                household_id=h,
                kind="start",
                effective_from=date(2026, 4, 1),
                amounts={},
                benefit_total=0,
                reasons="test",
                status="approved",
                approved_at=timezone.now(),
                drafted_by=drafter,
            )
            for h in Household.objects.filter(office=office).exclude(pk__in=with_start).values_list("id", flat=True)
        )
    monkeypatch.setattr(recalc, "CHUNK_SIZE", chunk_size)
    return [
        recalc.start_recalc(User.objects.get(username=f"{key}-clerk"), office, date(2026, 10, 1), "基準改定（試験）")
        for key, office in zip("ab", offices, strict=False)
    ]


def seed_followup_night(households: int, chunk_size: int, day: date, monkeypatch) -> int:
    """A demo of `households` households in two offices, then every household under assistance and every
    open rule item a day off its due date, so that the night's regeneration for `day` has work in each
    household: items to create (the households that were not under assistance) or to move back (the
    others). The regeneration is queued in chunks of `chunk_size`; returns the number of chunks."""
    call_command("demo", households=households, seed=3, as_json=True)
    Household.objects.update(status="active")
    FollowUp.objects.filter(source=Source.RULE, state=State.OPEN).update(
        due_on=F("due_on") + timedelta(days=1), warn_on=F("warn_on") + timedelta(days=1)
    )
    monkeypatch.setattr(generate, "CHUNK_SIZE", chunk_size)
    return enqueue_regeneration(day)


def worker_env(url: str | None = None, **extra) -> dict:
    env = {
        **os.environ,
        "HOGO_ENV_FILE": "",
        "DJANGO_SETTINGS_MODULE": "hogo.settings.test",
        "DATABASE_URL": url or database_url(),
        "HOGO_AUDIT_KEY": os.environ["HOGO_AUDIT_KEY"],
        "HOGO_WORKER_ORPHAN_CHECK_SECONDS": "0.5",
        "HOGO_LOG_LEVEL": "INFO",
    }
    env.update({k: str(v) for k, v in extra.items()})
    return env


def start_worker(env: dict, *args: str, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "hogo.cli", "worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
    return subprocess.Popen([*command, *args], env=env, cwd=ROOT, stdout=log.open("a"), stderr=subprocess.STDOUT)


def take_over_with_a_second_worker(killed_task, log: Path) -> None:
    """Run another worker until the queue is empty; the killed worker's task must then be done, by this
    worker on its second attempt, and every task with it."""
    second = start_worker(worker_env(), "--batch", log=log)
    try:
        assert second.wait(180) == 0, log.read_text()[-3000:]
    finally:
        second.kill()
    killed_task.refresh_from_db()
    assert killed_task.status == "SUCCESSFUL" and len(killed_task.worker_ids) == 2
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def wait_for(condition, timeout: float, what: str, proc: subprocess.Popen | None = None, log: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if proc is not None and proc.poll() is not None:
            break
        time.sleep(0.2)
    detail = log.read_text()[-3000:] if log and log.exists() else ""
    raise AssertionError(f"timed out waiting for {what}\n{detail}")


class DedicatedServer:
    """A PostgreSQL server of the test's own (initdb in a temporary directory), so that the test can
    stop and start it without touching the shared one."""

    def __init__(self, port: int):
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        self.bin = bins[-1].parent if bins else None
        self.port = port
        # not under pytest's tmp_path: the server's user (postgres, when the tests run as root) must reach it
        self.dir = Path(tempfile.mkdtemp(prefix="hogo-test-pg-"))

    def available(self) -> bool:
        return self.bin is not None

    def _run(self, *args: str) -> None:
        command = " ".join(args)
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            done = subprocess.run(["su", "postgres", "-s", "/bin/sh", "-c", command], capture_output=True, text=True)
        else:
            done = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True)
        assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"

    def init(self) -> None:
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "postgres:", str(self.dir)], check=True)
        self._run(
            f"{self.bin}/initdb",
            "-D",
            f"{self.dir}/data",
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.start()

    def start(self) -> None:
        options = f"'-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off'"
        self._run(
            f"{self.bin}/pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/server.log", "-w", "-o", options, "start"
        )

    def stop(self) -> None:
        self._run(f"{self.bin}/pg_ctl", "-D", f"{self.dir}/data", "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        if (self.dir / "data" / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def copy_in(self, source_url: str, name: str) -> None:
        """The source database, schema and rows, as database `name` of this server."""
        subprocess.run(["createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name], check=True)
        dump = subprocess.run(["pg_dump", "-Fc", "--no-owner", "-d", source_url], check=True, capture_output=True)
        subprocess.run(
            ["pg_restore", "--no-owner", "-d", self.url(name)], input=dump.stdout, check=True, capture_output=True
        )
