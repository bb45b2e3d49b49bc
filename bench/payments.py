"""Benchmark: the monthly payment run (issue 21) for N households.

Seeds a fresh database the way bench/changes.py does (`hogo demo --households N`, every household under an
approved decision whose amounts are the engine's — its `seed`, as bench/tickets.py reuses it), then adds the
office's payment settings (支給日・振込依頼人・口座) to each office the demo left without and a payment method to
each household under a decision, in force over the demo's own (the demo's 代理納付 payees of rent stay): four
in five a bank account (bank 0005, branch 001, 普通, a 7-digit number, ﾔﾏﾀﾞ ﾀﾛｳ), the rest the counter
(direct inserts: the services that record them are what the tests cover). Then, in this one process, per
office:

- `services.compute_run(clerk, office, month)` (the monthly 定例支給; include_pending, so that
  decisions the seed leaves returned are listed, not refused);
- the chief's approval (`hogo.approvals.services.approve`: 支出命令, freezing the run);
- `services.zengin_file(run)`: the 全銀 総合振込 file of its bank transfers.

Prints the households paid per second over the whole (run + approval + file), each part's time, the
payments and the peak memory (max RSS) of the process. Target (issue 21): 100,000 households in under
60 s on PostgreSQL.

    .venv/bin/python bench/payments.py [--households 100000] [--month 2027-02] [--profile]
                                       [--database-url postgres://…] [--keep]

Without --database-url a temporary SQLite file is used (removed at the end unless --keep). A PostgreSQL
database named by the URL is flushed first (use a scratch database). --profile prints the top of a
cProfile of the timed parts.
"""

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import time
from datetime import date
from pathlib import Path

from benchenv import bench_environment
from changes import seed as seed_decisions
from linkage import peak_mib

ROOT = Path(__file__).resolve().parent.parent
BANK_EVERY = 5  # households 0..3 of every 5 by bank, the 5th at the counter (80 % / 20 %)
METHODS_FROM = date(2021, 4, 1)  # after the demo's own methods (hogo.payments.demo, from 2020-04), so these count


def give_methods(drafter_of: dict) -> tuple[int, int]:
    """Payment settings for every office the demo left without, and a payment method for every household
    under a decision, in force over the demo's own (its 代理納付 payees stay). Returns (bank, counter)."""
    from django.db import transaction

    from hogo.households.models import Household
    from hogo.offices.models import Office
    from hogo.payments.models import Method, PaymentMethod, PaymentSettings

    ids = sorted(drafter_of)
    with transaction.atomic():
        PaymentSettings.objects.bulk_create(
            [
                PaymentSettings(
                    office=office,
                    pay_day=1,
                    originator_code=f"{office.pk:010d}",
                    originator_name="ﾍﾞﾝﾁｼ ﾌｸｼｼﾞﾑｼﾖ",
                    bank_code="0001",
                    branch_code="001",
                    account_type="2",
                    account_number="0012345",
                )
                for office in Office.objects.filter(pk__in=Household.objects.values("office_id"))
                .exclude(pk__in=PaymentSettings.objects.values("office_id"))
                .order_by("pk")
            ]
        )
        methods = []
        for i, h in enumerate(ids):
            bank = i % BANK_EVERY != BANK_EVERY - 1
            methods.append(
                PaymentMethod(
                    household_id=h,
                    method=Method.BANK if bank else Method.COUNTER,
                    starts_on=METHODS_FROM,
                    recorded_by=drafter_of[h],
                    bank_code="0005" if bank else "",
                    branch_code="001" if bank else "",
                    account_type="1" if bank else "",
                    account_number=f"{i % 10_000_000:07d}" if bank else "",
                    account_name="ﾔﾏﾀﾞ ﾀﾛｳ" if bank else "",
                )
            )
        PaymentMethod.objects.bulk_create(methods, batch_size=2000)
    bank = sum(1 for m in methods if m.method == Method.BANK)
    return bank, len(methods) - bank


def _month(text: str) -> date:
    return date.fromisoformat(text + "-01" if len(text) == 7 else text).replace(day=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--month", default="2027-02", help="the month of the run (YYYY-MM)")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of the timed parts")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--keep", action="store_true", help="keep the temporary var dir (and SQLite file)")
    args = parser.parse_args()
    env = bench_environment(args.database_url)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    month = _month(args.month)
    backend = "postgresql" if args.database_url.startswith("postgres") else "sqlite"
    try:
        t0 = time.perf_counter()
        drafter_of = seed_decisions(args, env, month)
        bank, counter = give_methods(drafter_of)
        seeded = time.perf_counter() - t0
        seeded_mib = peak_mib()
        timed(args, backend, month, seeded, seeded_mib, bank, counter)
    finally:
        if args.keep:
            print(f"  kept {env['HOGO_VAR_DIR']}")
        else:
            shutil.rmtree(env["HOGO_VAR_DIR"], ignore_errors=True)


def timed(args, backend, month, seeded, seeded_mib, bank, counter):
    from django.utils import timezone

    from hogo.approvals import services as approvals
    from hogo.audit.context import audit_context
    from hogo.offices.models import Office, Role, RoleAssignment
    from hogo.payments import services
    from hogo.payments.models import PaymentSettings

    def staff(office, role):
        return (
            RoleAssignment.objects.active_on(timezone.localdate())
            .filter(office=office, role=role)
            .order_by("pk")
            .first()
            .staff.user
        )

    offices = Office.objects.filter(pk__in=PaymentSettings.objects.values("office_id")).order_by("pk")
    profile = cProfile.Profile() if args.profile else None
    run_time = approve_time = file_time = 0.0
    paid = payments = transfers = file_bytes = pending = 0
    net = 0
    with audit_context(source="bench"):
        for office in offices:
            clerk, chief = staff(office, Role.CLERK), staff(office, Role.CHIEF)
            if profile:
                profile.enable()
            start = time.perf_counter()
            run = services.compute_run(clerk, office, month, include_pending=True)
            run_time += time.perf_counter() - start
            start = time.perf_counter()
            approvals.approve(chief, run)
            run.refresh_from_db()
            approve_time += time.perf_counter() - start
            start = time.perf_counter()
            data = services.zengin_file(run)
            file_time += time.perf_counter() - start
            if profile:
                profile.disable()
            assert run.frozen, run.status
            paid += run.totals["households"]
            payments += run.totals["payments"]
            net += run.totals["net"]
            transfers += sum(v["count"] for k, v in run.totals["by_method"].items() if k.endswith(":bank"))
            file_bytes += len(data)
            pending += len(run.pending)
    total = run_time + approve_time + file_time
    print(f"monthly payment run on {backend}, one process, {os.cpu_count()} cores; seeded in {seeded:.1f} s")
    print(
        f"  {len(offices)} office(s), {bank + counter} households with a payment method ({bank} bank, {counter} "
        f"counter): {paid} households paid, {payments} payments ({transfers} transfers), {net:,} yen; "
        f"{pending} pending decisions listed"
    )
    print(f"  compute_run: {run_time:.1f} s ({paid / run_time:,.0f} households/s)")
    print(f"  approve (chief): {approve_time:.1f} s")
    print(f"  zengin_file: {file_bytes / 2**20:.1f} MiB in {file_time:.1f} s")
    print(
        f"  total {total:.1f} s; peak memory (max RSS) {peak_mib():.0f} MiB "
        f"({seeded_mib:.0f} MiB already after seeding, same process)"
    )
    print(f"{paid / total:,.0f} households/s")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
        pstats.Stats(profile).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
