"""Benchmark: `hogo demo --households N` on a fresh database.

Migrates an empty database (a temporary SQLite file, or the PostgreSQL database named by
DATABASE_URL, which is flushed first), then times the demo command as a separate process and
reports wall time, households per second and the command's peak memory (max RSS).

    .venv/bin/python bench/demo_households.py --households 10000 [--repeat 3]
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def hogo(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "hogo.cli", *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )


def one_run(households: int, seed: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as var_dir:
        env = {
            **os.environ,
            "HOGO_ENV_FILE": "",
            "HOGO_VAR_DIR": var_dir,
            "HOGO_SECRET_KEY": "bench-" + "x" * 40,
            "HOGO_AUDIT_KEY": "bench-audit-" + "x" * 40,
            "HOGO_ALLOW_DEMO": "true",
            "HOGO_HTTPS": "false",
        }
        if "DATABASE_URL" in env:
            hogo("flush", "--noinput", env=env)
        hogo("migrate", "--noinput", "-v0", env=env)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        hogo("demo", "--households", str(households), "--seed", str(seed), "--json", env=env)
        elapsed = time.perf_counter() - start
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return elapsed, max(peak_kib, before)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    backend = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    times, peaks = [], []
    for _ in range(args.repeat):
        elapsed, peak = one_run(args.households, args.seed)
        times.append(elapsed)
        peaks.append(peak)
        print(f"run: {elapsed:.2f} s", flush=True)
    median = statistics.median(times)
    print(f"hogo demo --households {args.households} on {backend}, {os.cpu_count()} cores, {args.repeat} runs")
    print(f"  wall time: median {median:.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")
    print(f"  throughput: {args.households / median:,.0f} households/s")
    print(f"  peak memory (max RSS of the busiest process): {max(peaks) / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
