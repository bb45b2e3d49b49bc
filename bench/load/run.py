"""Load test: a demo office under concurrent staff while an 一斉更正 runs on two workers (issue 25).

Seeds a fresh database with `hogo demo --households N`, collects the static files, starts the production
web server (gunicorn with scripts/gunicorn.conf.py, W processes), starts two `hogo worker` processes and
a 一斉更正 of every office, then drives the site with locust (headless, U users, CW/SV/chief/clerk
journeys: bench/load/locustfile.py) for M minutes and prints p50/p95/p99 and errors per page.

    .venv/bin/python bench/load/run.py [--households 1000] [--users 20] [--minutes 2] [--web-workers 5]
        [--database-url postgres://…] [--reuse]

--reuse skips the seeding: the PostgreSQL database named by the URL already holds a demo (a large one takes
long to make; `bench/recalc.py --seed-only` makes one), and the run's 一斉更正 results and drafts are removed
again at the end so that the database stays as it was. Without --database-url a temporary SQLite file is
used. A PostgreSQL database named by the URL is flushed first unless --reuse is given (use a scratch one).
"""

import argparse
import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from benchenv import bench_environment  # noqa: E402

PAGES = [
    "home",
    "search",
    "household page",
    "visit sheet",
    "record search",
    "need test",
    "approval inbox",
    "notice PDF",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def targets(path: Path) -> dict:
    """Who signs in and what each one opens, read from the seeded database."""
    from django.contrib.auth.models import User

    from hogo.casework.models import CaseRecord
    from hogo.common.passwords import DEMO_PASSWORD
    from hogo.decisions.models import Decision, NeedTest
    from hogo.households.models import CaseworkerAssignment, Household, Member
    from hogo.households.scoping import households_visible_to

    def ids(qs, n=40):
        return [str(v) for v in qs.values_list("public_id", flat=True)[:n]]

    users = {"cw": [], "sv": [], "chief": [], "clerk": []}
    for user in User.objects.filter(username__regex=r"^[ab]-(cw\d+|sv\d+|chief|clerk)$").order_by("username"):
        name = user.username.split("-", 1)[1]
        role = "cw" if name.startswith("cw") else "sv" if name.startswith("sv") else name
        if role == "cw":
            own = CaseworkerAssignment.objects.filter(caseworker__user=user, valid_to__isnull=True).values(
                "household_id"
            )
            households = Household.objects.filter(pk__in=own)
        else:
            households = households_visible_to(user)  # a supervisor sees the teams' households, not the office's
        users[role].append(
            {
                "username": user.username,
                "households": ids(households.order_by("id")),
                "need_tests": ids(NeedTest.objects.filter(household__in=households).order_by("-id")),
                "decisions": ids(Decision.objects.filter(household__in=households, status="approved").order_by("-id")),
            }
        )
    kana = list(Member.objects.exclude(search_kana="").values_list("search_kana", flat=True)[:200])
    data = {
        "password": DEMO_PASSWORD,
        "users": users,
        "kana": sorted({k[:2] for k in kana}) or ["ヤマ"],
        "words": ["通院", "求職", "訪問", "就労", "通院した"],
        "records": CaseRecord.objects.count(),
    }
    path.write_text(json.dumps(data, ensure_ascii=False))
    return data


def percentile_table(stats_csv: Path) -> list[dict]:
    rows = list(csv.DictReader(stats_csv.open(encoding="utf-8")))
    by_name = {row["Name"]: row for row in rows}
    table = []
    for name in [*PAGES, "login", "Aggregated"]:
        row = by_name.get(name)
        if row:
            table.append(
                {
                    "page": name,
                    "requests": int(row["Request Count"]),
                    "errors": int(row["Failure Count"]),
                    "p50": row["50%"],
                    "p95": row["95%"],
                    "p99": row["99%"],
                    "rps": float(row["Requests/s"]),
                }
            )
    return table


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--web-workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--reuse", action="store_true", help="the database already holds a demo: do not seed")
    args = parser.parse_args()
    if args.reuse and not args.database_url:
        parser.error("--reuse needs --database-url (a SQLite file of a run is temporary)")
    var_dir = Path(tempfile.mkdtemp(prefix="hogo-load-"))
    env = bench_environment(args.database_url, str(var_dir))
    env["HOGO_LOGIN_FAILURE_LIMIT"] = "1000"
    backend = "postgresql" if args.database_url.startswith("postgres") else "sqlite"
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

    def hogo(*cmd):
        subprocess.run(
            [sys.executable, "-m", "hogo.cli", *cmd], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )

    hogo("migrate", "--noinput", "-v0")
    if not args.reuse:
        if backend == "postgresql":
            hogo("flush", "--noinput")
        t0 = time.perf_counter()
        hogo("demo", "--households", str(args.households), "--seed", "1", "--json")
        print(f"seeded {args.households} households in {time.perf_counter() - t0:.0f} s ({backend})", flush=True)
    hogo("collectstatic", "--noinput", "-v0")

    import django

    django.setup()
    from django.contrib.auth.models import User
    from recalc import first_new_ids, reset

    from hogo.audit.models import AuditEntry
    from hogo.decisions import recalc
    from hogo.decisions.models import RecalcRun
    from hogo.households.models import Household
    from hogo.offices.models import Office

    first_new = first_new_ids()
    target_file = var_dir / "targets.json"
    data = targets(target_file)
    port = free_port()
    logs = var_dir / "logs"
    logs.mkdir()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "scripts/gunicorn.conf.py", "hogo.wsgi"],
        env={**env, "HOGO_ADDR": f"127.0.0.1:{port}", "HOGO_WEB_WORKERS": str(args.web_workers)},
        cwd=ROOT,
        stdout=(logs / "server.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "hogo.cli", "worker", "--no-reload", "--interval", "0.5"],
            env=env,
            cwd=ROOT,
            stdout=(logs / f"worker{i}.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        for i in range(args.workers)
    ]
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # loopback
                break
            except OSError:
                time.sleep(0.5)
        runs = [
            recalc.start_recalc(User.objects.get(username=f"{key}-clerk"), office, date(2026, 10, 1), "負荷試験")
            for key, office in zip("ab", Office.objects.order_by("municipality_code"), strict=False)
        ]
        csv_prefix = var_dir / "locust"
        locust_env = {**env, "HOGO_LOAD_TARGETS": str(target_file)}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(Path(__file__).parent / "locustfile.py"),
                "--headless",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(max(1, args.users // 10)),
                "--run-time",
                f"{int(args.minutes * 60)}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(csv_prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env=locust_env,
            cwd=ROOT,
            check=False,
            stdout=(logs / "locust.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        done = list(RecalcRun.objects.filter(pk__in=[r.pk for r in runs]))
        if args.reuse:
            reset(first_new)
    finally:
        for proc in [server, *workers]:
            proc.terminate()
        for proc in [server, *workers]:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
    table = percentile_table(Path(f"{csv_prefix}_stats.csv"))
    cpus = os.cpu_count()
    households = Household.objects.count()
    audit_rows = AuditEntry.objects.count()
    print(
        f"\nload test on {backend}: {households} households, {data['records']} case records, {audit_rows} audit "
        f"rows, {args.users} users, {args.minutes:g} min, gunicorn ({args.web_workers} processes) + "
        f"{args.workers} workers, {cpus} cores"
    )
    print(f"{'page':<16}{'requests':>9}{'errors':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'req/s':>7}")
    for row in table:
        print(
            f"{row['page']:<16}{row['requests']:>9}{row['errors']:>8}{row['p50']:>8}{row['p95']:>8}"
            f"{row['p99']:>8}{row['rps']:>7.1f}"
        )
    for run in done:
        took = (run.finished_at - run.created_at).total_seconds() if run.finished_at else None
        state = f"done in {took:.1f} s" if took is not None else f"{run.processed}/{run.total} processed"
        print(f"一斉更正 {run.office.name}: {run.total} households, {state} (during the load)")
    failures = Path(f"{csv_prefix}_failures.csv")
    if failures.exists():
        for row in list(csv.DictReader(failures.open(encoding="utf-8")))[:10]:
            print(f"error: {row['Name']}: {row['Error'][:150]} ×{row['Occurrences']}")
    print(f"logs: {logs}")


if __name__ == "__main__":
    main()
