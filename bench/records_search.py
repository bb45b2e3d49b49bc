"""Benchmark: full-text search over N case records (default 1,000,000).

Seeds a fresh database: `hogo demo` with N/100 households (two offices), then N synthetic case
records written from a pool of phrases caseworkers use (each distinct text tokenised once with
SudachiPy, as the app does on save), spread over the households and the last three years. Then
times the search the 記録検索 screen runs (`hogo.casework.queries.search_records`, first page of 50,
newest first) for inflected queries ("通院した", "求職している", two-word queries …), as the
section chief (the whole office, about half the records) and as a caseworker (their team).

    .venv/bin/python bench/records_search.py [--records 1000000] [--database-url postgres://…]

Without --database-url a temporary SQLite file is used. A PostgreSQL database named by the URL is
flushed first (use a scratch database).
"""

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

from benchenv import bench_environment

ROOT = Path(__file__).resolve().parent.parent

QUERIES = [
    "通院",
    "通院した",
    "通院している",
    "求職している",
    "求職活動",
    "整形外科",
    "デイサービス",
    "不登校",
    "滞納",
    "督促",
    "仕送り",
    "トラブル",
    "社会福祉協議会",
    "保健所に相談",
    "同行訪問",
    "退院",
    "ごみ",
    "拒否",
    "不在",
    "医療要否意見書",
    "眼鏡",
    "暖房",
    "転居を希望",
    "年金 通知書",
    "給与明細",
    "通帳",
    "ケアマネジャー",
    "中学校 登校",
    "高校進学",
    "通院 服薬",
    "求職 面接",
    "介護保険 更新",
    "家賃",
    "整頓",
    "食器",
    "民生委員",
    "金銭管理",
    "アルコール",
    "ソーシャルワーカー",
    "住まい",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--queries", type=int, default=200)
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
    hogo("demo", "--households", str(max(100, args.records // 100)), "--seed", "1", "--json")

    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import connection
    from django.utils import timezone

    from hogo.casework.demo import text_pool
    from hogo.casework.models import CaseRecord
    from hogo.casework.queries import search_records
    from hogo.households.models import Household

    rng = random.Random(1)
    t0 = time.perf_counter()
    pool = text_pool(rng, 3000)
    tokenise_seconds = time.perf_counter() - t0
    households = list(Household.objects.values_list("pk", flat=True))
    author = User.objects.get(username="a-cw001").pk
    today = timezone.localdate()
    now = timezone.now()
    columns = [
        "public_id",
        "household_id",
        "kind",
        "occurred_on",
        "members",
        "body",
        "author_id",
        "created_at",
        "search_terms",
    ]
    kinds = ["visit", "visit", "phone", "office_visit", "agency"]
    t0 = time.perf_counter()
    with connection.cursor() as cursor:
        table = CaseRecord._meta.db_table
        for start in range(0, args.records, 50_000):
            rows = []
            for _ in range(min(50_000, args.records - start)):
                body, terms = pool[rng.randrange(len(pool))]
                public_id = uuid.uuid4()
                rows.append(
                    (
                        public_id if backend == "postgresql" else public_id.hex,
                        rng.choice(households),
                        rng.choice(kinds),
                        (today - timedelta(days=rng.randrange(0, 1095))).isoformat(),
                        "[]",
                        body,
                        author,
                        now.isoformat(),
                        terms,
                    )
                )
            if backend == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})", rows
                )
        cursor.execute("ANALYZE")
    load_seconds = time.perf_counter() - t0

    def measure(username):
        user = User.objects.get(username=username)
        for q in QUERIES[:20]:  # warm up caches and plans
            list(search_records(user, q)[0][:50])
        latencies, hits = [], []
        for i in range(args.queries):
            q = QUERIES[i % len(QUERIES)]
            t = time.perf_counter()
            found = list(search_records(user, q)[0][:50])
            latencies.append((time.perf_counter() - t) * 1000)
            hits.append(len(found))
        latencies.sort()
        return (
            statistics.median(latencies),
            latencies[int(len(latencies) * 0.95) - 1],
            latencies[-1],
            statistics.mean(hits),
        )

    print(f"database        {backend}")
    print(
        f"records         {CaseRecord.objects.count():,} over {len(households):,} households "
        f"(texts tokenised in {tokenise_seconds:.1f} s, loaded in {load_seconds:.1f} s)"
    )
    for label, username in (("section chief (whole office)", "a-chief"), ("caseworker (own team)", "a-cw001")):
        p50, p95, worst, hits = measure(username)
        print(
            f"{label:30} p50 {p50:.1f} ms  p95 {p95:.1f} ms  max {worst:.1f} ms  ({hits:.0f} results shown on average)"
        )
    p50, p95, *_ = measure("a-chief")
    print(f"peak RSS        {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    print(f"p50 {p50:.1f} ms")
    print(f"p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
