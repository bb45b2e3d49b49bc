"""Evaluation of the knowledge search: for each question in bench/knowledge_questions.json (written
the way caseworkers ask), is the provision that answers it first (recall@1) or in the first five
(recall@5)? Also search latency p50/p95 over the questions (warm index, as the running server has).

    .venv/bin/python bench/knowledge_eval.py [--database-url postgres://…] [--show-misses]

Uses a fresh temporary SQLite database unless --database-url is given (flushed first)."""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchenv import bench_environment

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--rounds", type=int, default=5, help="how many times the question set is timed")
    args = parser.parse_args()
    env = bench_environment(args.database_url)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    subprocess.run([sys.executable, "-m", "hogo.cli", "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    if args.database_url:
        subprocess.run([sys.executable, "-m", "hogo.cli", "flush", "--noinput"], env=env, cwd=ROOT, check=True)

    import django

    django.setup()
    from hogo.knowledge.importer import ensure_bundled
    from hogo.knowledge.search import index, search

    ensure_bundled()
    index()
    questions = json.loads((ROOT / "bench" / "knowledge_questions.json").read_text(encoding="utf-8"))["questions"]
    at1 = at5 = 0
    latencies = []
    for round_number in range(args.rounds):
        for item in questions:
            start = time.perf_counter()
            hits = search(item["q"], limit=5)
            latencies.append((time.perf_counter() - start) * 1000)
            if round_number:
                continue
            citations = [h.citation for h in hits]
            first = bool(citations) and any(
                citations[0].startswith(a)
                and (
                    citations[0] == a
                    or not citations[0][len(a) :][:1].isdigit()
                    and not citations[0][len(a) :].startswith("の")
                )
                for a in item["a"]
            )
            five = any(
                any(
                    c.startswith(a) and (c == a or not c[len(a) :][:1].isdigit() and not c[len(a) :].startswith("の"))
                    for a in item["a"]
                )
                for c in citations
            )
            at1 += first
            at5 += five
            if args.show_misses and not five:
                print(f"MISS {item['q']} → {citations[:3]} (expected {item['a']})")
    latencies.sort()
    n = len(questions)
    print(f"questions       {n}")
    print(f"recall@1        {at1 / n:.3f}  ({at1}/{n})")
    print(f"recall@5        {at5 / n:.3f}  ({at5}/{n})")
    print(f"latency p50     {statistics.median(latencies):.1f} ms")
    print(f"latency p95     {latencies[int(len(latencies) * 0.95) - 1]:.1f} ms  ({len(latencies)} searches)")


if __name__ == "__main__":
    main()
