"""Benchmark: the benefit engine alone, households per second in one process.

A fixed mix of 1–6 person households (ages, grades, incomes and rents drawn from a seeded
random generator) is parsed once; the timed loop runs `calculate` on each. Prints the
throughput line `<N> households/s`, latency percentiles per household and the memory used.

    .venv/bin/python bench/calc.py [--households 20000] [--seconds 5]
"""

import argparse
import random
import resource
import statistics
import time
import tracemalloc
from datetime import date, timedelta

from hogo.benefits.engine import calculate, load_standards, parse_household

GRADES = ["1-1", "1-2", "2-1", "2-2", "3-1", "3-2"]
PLACES = [
    ("東京都", "新宿区"),
    ("神奈川県", "横浜市"),
    ("大阪府", "大阪市"),
    ("北海道", "札幌市"),
    ("埼玉県", "川越市"),
]


def make_households(n: int, seed: int = 1):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        as_of = date(2026, rng.choice([4, 10, 12]), 1)
        size = rng.choices([1, 2, 3, 4, 5, 6], weights=[55, 20, 12, 8, 4, 1])[0]
        members = [
            {
                "id": "m0",
                "birth_date": (as_of - timedelta(days=rng.randrange(20 * 365, 90 * 365))).isoformat(),
                "relation": "head",
            }
        ]
        for i in range(1, size):
            relation = rng.choice(["spouse", "child", "child", "parent"])
            days = rng.randrange(0, 17 * 365) if relation == "child" else rng.randrange(20 * 365, 85 * 365)
            members.append(
                {"id": f"m{i}", "birth_date": (as_of - timedelta(days=days)).isoformat(), "relation": relation}
            )
        incomes = []
        if rng.random() < 0.3:
            incomes.append(
                {
                    "member": "m0",
                    "kind": "employment",
                    "gross": rng.randrange(20000, 200000, 100),
                    "social_insurance": rng.randrange(0, 20000, 10),
                }
            )
        if rng.random() < 0.5:
            incomes.append({"member": "m0", "kind": "pension", "gross": rng.randrange(10000, 90000, 10)})
        prefecture, municipality = rng.choice(PLACES)
        grade = "1-1" if prefecture in ("東京都", "神奈川県", "大阪府", "埼玉県") else rng.choice(GRADES[:4])
        out.append(
            parse_household(
                {
                    "as_of": as_of.isoformat(),
                    "grade_area": grade,  # region from the prefecture
                    "prefecture": prefecture,
                    "municipality": municipality,
                    "members": members,
                    "rent": rng.randrange(0, 80000, 100),
                    "incomes": incomes,
                }
            )
        )
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    standards = load_standards()
    households = make_households(args.households)
    for h in households[:500]:
        calculate(h, standards)  # warm up
    rates = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for h in households:
            calculate(h, standards)
        rates.append(len(households) / (time.perf_counter() - start))
    samples = []
    for h in households[:5000]:
        t0 = time.perf_counter_ns()
        calculate(h, standards)
        samples.append((time.perf_counter_ns() - t0) / 1000)
    samples.sort()
    tracemalloc.start()
    results = [calculate(h, standards) for h in households[:1000]]
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rate = statistics.median(rates)
    print(f"engine: {len(households)} households (mix of 1-6 persons), {args.rounds} rounds, one process")
    print(
        f"latency per household: p50 {samples[len(samples) // 2]:.1f} us, "
        f"p95 {samples[int(len(samples) * 0.95)]:.1f} us, "
        f"p99 {samples[int(len(samples) * 0.99)]:.1f} us"
    )
    print(
        f"memory: {peak / len(results) / 1024:.1f} KiB per kept result (peak {peak / 1024 / 1024:.1f} MiB for 1000); "
        f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    print(f"{rate:,.0f} households/s")


if __name__ == "__main__":
    main()
