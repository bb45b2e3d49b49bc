"""Benchmark: mass recalculation (一斉更正) of N households through the real background workers.

Seeds a fresh database with `hogo demo --households N` (two offices), puts every household under
assistance and blanks the amounts of their approved start decisions (creating one where the demo made
none), so that every household changes: the worst case, where each household gets a need test, a draft change decision
and an audit entry. Then starts one run per office and times workers (`hogo worker --batch`)
until every chunk is done.

    .venv/bin/python bench/recalc.py [--households 100000] [--database-url postgres://…] [--workers 1,2,4]

With several worker counts the database is seeded once; after each run its results, drafts and need tests
(and the queue's tasks) are removed so that the next count recalculates the same households from the same
state (its audit entries stay: the chain is insert-only, and a longer audit table is the realistic case).

Without --database-url a temporary SQLite file is used. A PostgreSQL database named by the URL is
flushed first (use a scratch database). Seeding 100,000 households takes about 13 minutes: `--seed-only` once,
then `--reuse` times the workers on that database (a run's results are removed again after each count, so
the database stays as seeded: bench/load/run.py --reuse can use it too).
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchenv import bench_environment

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--workers", default="", help="worker counts, comma-separated (1,2,4); default: 2 on PostgreSQL, 1 on SQLite"
    )
    parser.add_argument("--as-of", default="2026-10-01")
    parser.add_argument("--seed-only", action="store_true", help="prepare the database and stop")
    parser.add_argument("--reuse", action="store_true", help="time a database prepared by --seed-only")
    args = parser.parse_args()
    var_dir = tempfile.mkdtemp(prefix="hogo-bench-")
    env = bench_environment(args.database_url, var_dir)
    backend = "postgresql" if args.database_url.startswith("postgres") else "sqlite"
    counts = [int(n) for n in args.workers.split(",") if n.strip()] or [2 if backend == "postgresql" else 1]
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

    def hogo(*cmd):
        subprocess.run(
            [sys.executable, "-m", "hogo.cli", *cmd], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )

    seed_demo = seed_decisions = 0.0
    if not args.reuse:
        hogo("migrate", "--noinput", "-v0")
        if backend == "postgresql":
            hogo("flush", "--noinput")
        t0 = time.perf_counter()
        hogo("demo", "--households", str(args.households), "--seed", "1", "--json")
        seed_demo = time.perf_counter() - t0

    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.utils import timezone

    from hogo.decisions import recalc
    from hogo.decisions.models import Decision, RecalcRun
    from hogo.households.models import Household
    from hogo.offices.models import Office

    if not args.reuse:
        t0 = time.perf_counter()
        now = timezone.now()
        Household.objects.update(status="active")  # the benchmark recalculates N households under assistance
        Decision.objects.update(amounts={}, benefit_total=0)  # synthetic data: make every household change
        for office in Office.objects.all():
            drafter = User.objects.get(username=f"{'a' if office.municipality_code.endswith('1') else 'b'}-cw001")
            with_start = Decision.objects.filter(household__office=office).values("household_id")
            ids = list(Household.objects.filter(office=office).exclude(pk__in=with_start).values_list("id", flat=True))
            for i in range(0, len(ids), 5000):
                Decision.objects.bulk_create(
                    [
                        Decision(
                            household_id=h,
                            kind="start",
                            effective_from=date(2026, 4, 1),
                            amounts={},
                            benefit_total=0,
                            reasons="bench",
                            status="approved",
                            approved_at=now,
                            drafted_by=drafter,
                        )
                        for h in ids[i : i + 5000]
                    ]
                )
        seed_decisions = time.perf_counter() - t0
    if args.seed_only:
        print(f"seeded {args.households} households in {var_dir}")
        return

    as_of = date.fromisoformat(args.as_of)
    print(f"mass recalculation on {backend}, {os.cpu_count()} cores")
    if args.reuse:
        print(f"  reused a database seeded by --seed-only ({Household.objects.count()} households)")
    else:
        print(f"  seeded {args.households} households (demo {seed_demo:.1f} s, decisions {seed_decisions:.1f} s)")
    if args.reuse and RecalcRun.objects.exists():
        sys.exit("the database holds 一斉更正 runs another benchmark left: seed it again with --seed-only")
    first_new = first_new_ids()
    table = []
    for workers in counts:
        start = time.perf_counter()
        runs = [
            recalc.start_recalc(User.objects.get(username=f"{key}-clerk"), office, as_of, "基準改定（ベンチマーク）")
            for key, office in zip("ab", Office.objects.order_by("municipality_code"), strict=False)
        ]
        enqueue = time.perf_counter() - start
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "hogo.cli",
                    "worker",
                    "--batch",
                    "--no-reload",
                    "--no-startup-delay",
                    "--interval",
                    "0",
                ],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(workers)
        ]
        for p in procs:
            p.wait()
        elapsed = time.perf_counter() - start
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        done = RecalcRun.objects.filter(pk__in=[r.pk for r in runs])
        total = sum(r.total for r in done)
        changed = sum(r.changed for r in done)
        finished = all(r.status == "done" for r in done)
        print(
            f"  {workers} worker(s): {total} households under assistance, {changed} change drafts, all chunks done: "
            f"{finished}; wall time {elapsed:.1f} s (enqueue {enqueue:.1f} s), {total / elapsed:,.0f} households/s; "
            f"peak RSS of any child process so far {peak_mib:.0f} MiB",
            flush=True,
        )
        table.append((workers, elapsed, total / elapsed))
        reset(first_new)  # the next count, or a later --reuse, starts from the seeded state
    if len(table) > 1:
        print(f"{'workers':>8}{'seconds':>9}{'households/s':>14}{'× 1st':>7}")
        for workers, elapsed, rate in table:
            print(f"{workers:>8}{elapsed:>9.1f}{rate:>14,.0f}{rate / table[0][2]:>7.2f}")
    else:
        print(f"{table[0][2]:,.0f} households/s")


def first_new_ids() -> dict:
    """The last id of the tables a run adds rows to: what `reset` keeps."""
    from hogo.decisions.models import Decision, NeedTest

    return {
        model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0 for model in (Decision, NeedTest)
    }


def reset(first_new: dict) -> None:
    """Remove what a run made (results, runs, its drafts and need tests, the queue's tasks) so that the next
    worker count starts from the same state. Drafts and need tests are insert-only in the application; a
    benchmark's scratch database is the one place they are deleted, by SQL."""
    from django.db import connection, transaction
    from django_tasks_db.models import DBTaskResult

    from hogo.decisions.models import Decision, NeedTest, RecalcResult, RecalcRun

    postgresql = connection.vendor == "postgresql"
    tables = [model._meta.db_table for model in (RecalcResult, RecalcRun, DBTaskResult, Decision, NeedTest)]
    with transaction.atomic(), connection.cursor() as cursor:
        if postgresql:
            # Without this, each deleted need test's foreign-key check planned a scan of the decisions just
            # thinned out: 7 minutes for 100,000 rows. What refers to the rows is deleted first, in order.
            cursor.execute("SET LOCAL session_replication_role = replica")
        for table in tables[:3]:
            cursor.execute(f"DELETE FROM {table}")
        for model in (Decision, NeedTest):
            cursor.execute(f"DELETE FROM {model._meta.db_table} WHERE id > %s", [first_new[model]])
    if postgresql:
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"VACUUM ANALYZE {table}")  # the next count starts with fresh statistics


if __name__ == "__main__":
    main()
