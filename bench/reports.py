"""Benchmark: the 月次調査 tables (issue 24) for N households.

Seeds a fresh database with the demo (`hogo demo --households N --seed 1`: households with dated status
histories, members, approved decisions, follow-ups), then, in this one process, for each office, runs the
月次調査 for the month as its chief would from the CLI (`hogo.reports.services.run_now`: the checks on the
request, the stored run, the data version and every table — households and persons by 世帯類型, persons by
扶助, starts and terminations by reason, the reconciliation — and the 12-month trends of the charts).

Prints the seconds of each office's run and of all, the households counted, and the peak memory (max RSS).
Target (issue 24): 100,000 households in under 30 s on PostgreSQL.

    .venv/bin/python bench/reports.py [--households 100000] [--month 2026-11] [--profile]
                                      [--database-url postgres://…] [--keep]

Without --database-url a temporary SQLite file is used (removed at the end unless --keep). A PostgreSQL
database named by the URL is flushed first (use a scratch database)."""

import argparse
import cProfile
import os
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchenv import bench_environment
from linkage import peak_mib

ROOT = Path(__file__).resolve().parent.parent


def seed(args, env):
    def hogo(*cmd):
        subprocess.run(
            [sys.executable, "-m", "hogo.cli", *cmd], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )

    hogo("migrate", "--noinput", "-v0")
    if args.database_url:
        hogo("flush", "--noinput")
    hogo("demo", "--households", str(args.households), "--seed", "1", "--json")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--month", default="", help="the month (YYYY-MM); last month by default")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of the timed part")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--keep", action="store_true", help="keep the temporary var dir (and SQLite file)")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time against the PostgreSQL database as an earlier run left it (no seeding)",
    )
    args = parser.parse_args()
    env = bench_environment(args.database_url)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    backend = "postgresql" if args.database_url.startswith("postgres") else "sqlite"
    try:
        t0 = time.perf_counter()
        if not (args.reuse and args.database_url):
            seed(args, env)
        seeded = time.perf_counter() - t0
        timed(args, backend, seeded)
    finally:
        if args.keep:
            print(f"  kept {env['HOGO_VAR_DIR']}")
        else:
            shutil.rmtree(env["HOGO_VAR_DIR"], ignore_errors=True)


def timed(args, backend, seeded):
    import django

    django.setup()
    from django.utils import timezone

    from hogo.audit.context import audit_context
    from hogo.households.models import Household
    from hogo.offices.models import Office, Role, RoleAssignment
    from hogo.reports import services
    from hogo.reports.rules import parse_month, previous_month

    month = parse_month(args.month) if args.month else previous_month(timezone.localdate())
    offices = Office.objects.filter(pk__in=Household.objects.values("office_id")).order_by("pk")
    profile = cProfile.Profile() if args.profile else None
    total, counted, lines = 0.0, 0, []
    with audit_context(source="bench"):
        for office in offices:
            chief = (
                RoleAssignment.objects.active_on(timezone.localdate())
                .filter(office=office, role=Role.CHIEF)
                .order_by("pk")
                .first()
                .staff.user
            )
            if profile:
                profile.enable()
            start = time.perf_counter()
            run = services.run_now(chief, office, "monthly", month)
            took = time.perf_counter() - start
            if profile:
                profile.disable()
            total += took
            households = run.result["tables"][0]["rows"][0][1][0]
            counted += households
            ok = all(check["ok"] for check in run.result["checks"])
            lines.append(
                f"  {office.name}: {households:,} households under assistance, {took:.1f} s, "
                f"checks {'ok' if ok else 'FAILED'}"
            )
    print(
        f"月次調査 {month:%Y-%m} on {backend}, one process, {os.cpu_count()} cores; "
        f"seeded {args.households:,} households in {seeded:.1f} s"
    )
    print("\n".join(lines))
    print(f"  peak memory (max RSS) {peak_mib():.0f} MiB")
    print(
        f"{total:.1f} s for the monthly tables of {counted:,} households under assistance "
        "(target: 100,000 households < 30 s)"
    )
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
