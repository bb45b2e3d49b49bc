"""Benchmark: from a change to a decision (issue 15 item 4) for N households with one change each.

Seeds a fresh database with `hogo demo --households N`, puts every household under an approved
decision whose amounts are the engine's for the month (so nothing would change without a new fact),
then gives each household one change: a pay slip of its head (就労収入 100,000円 from that month). Then,
in this one process, recompute-and-draft:

- a sample of households (--single, default 300) through the button's service
  `changes.draft_change`, one call per household: p50 / p95 per household;
- the rest through the bulk form `changes.draft_changes`, per caseworker in chunks of 1,000.

Every household must end with exactly one change draft. Prints the throughput of all N households
(`<N> households/s`), of each path, and the peak memory (max RSS) of the process.

    .venv/bin/python bench/changes.py [--households 10000] [--single 300] [--database-url postgres://…]

Without --database-url a temporary SQLite file is used. A PostgreSQL database named by the URL is
flushed first (use a scratch database).
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from benchenv import bench_environment

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 1000


def seed(args, env, month: date) -> dict[int, object]:
    """The demo, every household under a decision in force that matches the engine, and one pay slip
    each; returns the drafting caseworker's user by household id."""

    def hogo(*cmd):
        subprocess.run(
            [sys.executable, "-m", "hogo.cli", *cmd], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )

    hogo("migrate", "--noinput", "-v0")
    if args.database_url:
        hogo("flush", "--noinput")
    hogo("demo", "--households", str(args.households), "--seed", "1", "--json")

    import django

    django.setup()
    from django.db import transaction
    from django.utils import timezone

    from hogo.benefits.engine import calculate, load_standards, parse_household
    from hogo.decisions.facts import engine_input_from, load_rows
    from hogo.decisions.models import Decision
    from hogo.decisions.services import monthly_amounts
    from hogo.households.models import Household, Income, Member
    from hogo.households.scoping import active_assignments

    now, standards = timezone.now(), load_standards()
    drafter_of = {
        a.household_id: a.caseworker.user
        for a in active_assignments(timezone.localdate()).select_related("caseworker__user")
    }
    with transaction.atomic():
        Household.objects.update(status="active")
        assigned = active_assignments(timezone.localdate()).values("household_id")
        Household.objects.exclude(pk__in=assigned).update(status="consultation")  # a subquery: no 65,535-parameter cap
        Decision.objects.filter(status="draft").update(status="returned")  # nothing waits for approval
        ids = sorted(drafter_of)
        households, members, incomes = load_rows(ids)
        baseline = []
        for h in ids:
            facts = engine_input_from(households[h], members.get(h, []), incomes, month)
            amounts = monthly_amounts(calculate(parse_household(facts), standards).benefit_by_assistance)
            baseline.append(
                Decision(
                    household_id=h,
                    kind="change",
                    effective_from=month.replace(month=month.month - 1) if month.month > 1 else month,
                    amounts=amounts,
                    benefit_total=sum(amounts.values()),
                    reasons="bench: the decision in force",
                    status="approved",
                    approved_at=now,
                    drafted_by=drafter_of[h],
                )
            )
        Decision.objects.bulk_create(baseline, batch_size=2000)
        heads = {}
        for m in Member.objects.filter(household_id__in=assigned, left_on__isnull=True).order_by("id"):
            if m.relation == "head" or m.household_id not in heads:
                heads[m.household_id] = m
        Income.objects.bulk_create(
            [
                Income(
                    member=heads[h],
                    kind="earnings",
                    detail="給与",
                    payer="ベンチ青果",
                    monthly_amount=100_000,
                    income_tax=1_000,
                    resident_tax=500,
                    social_insurance=14_000,
                    commuting=5_000,
                    since=month,
                    source_document="pay_slip",
                    recorded_by=drafter_of[h],
                )
                for h in ids
                if h in heads
            ],
            batch_size=2000,
        )
    return {h: drafter_of[h] for h in ids if h in heads}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--single", type=int, default=300, help="households drafted one by one (p50/p95)")
    parser.add_argument("--month", default="2027-02-01", help="the month the changes take effect")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    env = bench_environment(args.database_url)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    month = date.fromisoformat(args.month)
    backend = "postgresql" if args.database_url.startswith("postgres") else "sqlite"

    t0 = time.perf_counter()
    drafter_of = seed(args, env, month)
    seeded = time.perf_counter() - t0

    from hogo.audit.context import audit_context
    from hogo.benefits.engine import load_standards
    from hogo.decisions import changes
    from hogo.decisions.models import Decision
    from hogo.households.models import Household

    ids = sorted(drafter_of)
    single, bulk = ids[: args.single], ids[args.single :]
    standards = load_standards()
    per_household, skipped, unchanged = [], {}, 0
    with audit_context(source="bench"):
        start = time.perf_counter()
        households = Household.objects.in_bulk(single)
        for h in single:
            t = time.perf_counter()
            drafted = changes.draft_change(drafter_of[h], households[h], effective_from=month)
            per_household.append(time.perf_counter() - t)
            unchanged += drafted.decision is None
        single_time = time.perf_counter() - start
        by_drafter: dict[int, list[int]] = {}
        for h in bulk:
            by_drafter.setdefault(drafter_of[h].pk, []).append(h)
        users = {drafter_of[h].pk: drafter_of[h] for h in bulk}
        start = time.perf_counter()
        for user_id, own in by_drafter.items():
            for i in range(0, len(own), CHUNK):
                result = changes.draft_changes(
                    users[user_id], own[i : i + CHUNK], effective_from=month, standards=standards
                )
                skipped.update(result.skipped)
                unchanged += len(result.unchanged)
        bulk_time = time.perf_counter() - start

    drafts = Decision.objects.filter(kind="change", status="draft", effective_from=month).count()
    total_time = single_time + bulk_time
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ms = sorted(x * 1000 for x in per_household)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))] if ms else 0.0
    print(f"change to decision on {backend}, one process, {os.cpu_count()} cores; seeded in {seeded:.1f} s")
    print(
        f"  {len(ids)} households with one change each: {drafts} change drafts, "
        f"{unchanged} unchanged, {len(skipped)} skipped"
    )
    if skipped:
        print(f"  skipped, e.g.: {sorted(set(skipped.values()))[:3]}")
    if ms:
        print(
            f"  one by one (the button's service), {len(single)} households: "
            f"{len(single) / single_time:,.0f} households/s, "
            f"p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms per household"
        )
    if bulk:
        print(
            f"  bulk form, {len(bulk)} households in chunks of {CHUNK}: {len(bulk) / bulk_time:,.0f} households/s, "
            f"{bulk_time * 1000 / len(bulk):.2f} ms per household"
        )
    print(f"  wall time {total_time:.1f} s; peak memory (max RSS) {peak_mib:.0f} MiB")
    print(f"{len(ids) / total_time:,.0f} households/s")


if __name__ == "__main__":
    main()
