"""Benchmark: regenerating follow-ups for N households (the nightly task).

Seeds a fresh database with `hogo demo --households N` (two offices; the demo already generates
follow-ups once), then times, in one process:
  1. first generation: every follow-up deleted, then generated from the rules (the worst case:
     every item is created), and
  2. the nightly run on the next day over the same data (idempotent: only what changed is written).

    .venv/bin/python bench/followups.py [--households 100000] [--database-url postgres://…]

Without --database-url a temporary SQLite file is used. A PostgreSQL database named by the URL is
flushed first (use a scratch database).
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from benchenv import bench_environment

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    var_dir = tempfile.mkdtemp(prefix="hogo-bench-")
    env = bench_environment(args.database_url, var_dir)
    backend = "postgresql" if args.database_url.startswith("postgres") else "sqlite"
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

    def hogo(*cmd):
        subprocess.run(
            [sys.executable, "-m", "hogo.cli", *cmd], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )

    hogo("migrate", "--noinput", "-v0")
    if backend == "postgresql":
        hogo("flush", "--noinput")
    t0 = time.perf_counter()
    hogo("demo", "--households", str(args.households), "--seed", "1", "--json")
    seed_seconds = time.perf_counter() - t0

    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from hogo.followups.generate import regenerate_all
    from hogo.followups.models import FollowUp

    today = timezone.localdate()
    FollowUp.objects.all().delete()
    t0 = time.perf_counter()
    first = regenerate_all(today)
    first_seconds = time.perf_counter() - t0
    items = FollowUp.objects.count()
    t0 = time.perf_counter()
    nightly = regenerate_all(today + timedelta(days=1))
    nightly_seconds = time.perf_counter() - t0
    households = first["households"]
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"database        {backend} ({connection.vendor})")
    print(f"households      {households}  (seeded with hogo demo in {seed_seconds:.1f} s)")
    print(
        f"first run       {first_seconds:.1f} s  {households / first_seconds:,.0f} households/s  "
        f"({first['created']:,} items created; {items:,} in the table)"
    )
    print(
        f"nightly run     {nightly_seconds:.1f} s  {households / nightly_seconds:,.0f} households/s  "
        f"(created {nightly['created']:,}, updated {nightly['updated']:,}, withdrawn {nightly['withdrawn']:,}, "
        f"closed {nightly['closed']:,})"
    )
    print(f"peak RSS        {peak_mib:.0f} MiB")
    print(f"{households / first_seconds:.0f} households/s")


if __name__ == "__main__":
    main()
