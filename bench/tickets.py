"""Benchmark: the monthly bulk issue of 医療券・調剤券 (issue 20) for N households.

Seeds a fresh database the way bench/changes.py does (`hogo demo --households N`, every household under an
approved decision, a pay slip for each head from the month, so some households have a 本人支払額), then gives
every household under assistance one medical period at a synthetic 指定医療機関 (bulk-inserted Institution,
傷病届, 意見書 with the doctor's reply, the 嘱託医's agreement, and the decided period; one in three with a
pharmacy, so a 調剤券 too). Then, in this one process, per office:

- `services.issue_month(clerk, office, month)`: plan, 本人支払額 from the engine, numbering, insert, audit;
- the PDFs by institution (`documents.by_institution` + `documents.render_tickets` each) and the
  registration file (`documents.registration_file`) of all the run's tickets.

Prints the tickets issued per second over the whole (run + PDFs + file), each part's time and the peak
memory (max RSS). Target: 10,000 households in under 60 s on SQLite.

    .venv/bin/python bench/tickets.py [--households 10000] [--month 2027-02-01] [--profile] [--database-url …]

Without --database-url a temporary SQLite file is used. A PostgreSQL database named by the URL is flushed
first (use a scratch database). --profile prints the top of a cProfile of the run.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from benchenv import bench_environment
from changes import seed as seed_decisions
from linkage import peak_mib

ROOT = Path(__file__).resolve().parent.parent
HOSPITALS_PER_OFFICE = 200
PHARMACIES_PER_OFFICE = 50
WITH_PHARMACY_EVERY = 3
FILE_CHUNK = 900


def give_periods(month: date, drafter_of: dict) -> int:
    """One decided medical period over `month` for every household under assistance, at one of the office's
    synthetic institutions (direct inserts: the flow's services are what the tests cover). Returns the
    number of periods."""
    from django.db import transaction
    from django.utils import timezone

    from hogo.households.models import Household, Member
    from hogo.medical.models import (
        Institution,
        InstitutionKind,
        MedicalPeriod,
        MedicalRequest,
        Opinion,
        Review,
        Verdict,
    )

    start, now = month - timedelta(days=31), timezone.now()
    start, ends = start.replace(day=1), date(month.year + 1, month.month, 1) - timedelta(days=1)
    heads = {}
    for m in Member.objects.filter(household__status="active", left_on__isnull=True).order_by("id"):
        if m.relation == "head" or m.household_id not in heads:
            heads[m.household_id] = m
    households = Household.objects.in_bulk(list(heads))
    with transaction.atomic():
        by_office: dict[int, tuple[list, list]] = {}
        for office_id in sorted({h.office_id for h in households.values()}):
            made = Institution.objects.bulk_create(
                [
                    Institution(
                        office_id=office_id,
                        code=f"{13 if kind == InstitutionKind.MEDICAL else 14}{i:08d}",
                        name=f"ベンチ{'病院' if kind == InstitutionKind.MEDICAL else '薬局'}{i}",
                        address="東京都みなと市一丁目1番1号",
                        kind=kind,
                        designated_from=date(2010, 4, 1),
                    )
                    for kind, count in (
                        (InstitutionKind.MEDICAL, HOSPITALS_PER_OFFICE),
                        (InstitutionKind.PHARMACY, PHARMACIES_PER_OFFICE),
                    )
                    for i in range(count)
                ]
            )
            by_office[office_id] = (made[:HOSPITALS_PER_OFFICE], made[HOSPITALS_PER_OFFICE:])
        ids = [h for h in sorted(heads) if h in drafter_of]
        place = {h: by_office[households[h].office_id][0][i % HOSPITALS_PER_OFFICE] for i, h in enumerate(ids)}
        requests = MedicalRequest.objects.bulk_create(
            [
                MedicalRequest(
                    household_id=h,
                    member=heads[h],
                    received_on=start,
                    complaint="ベンチ: 通院",
                    institution=place[h],
                    recorded_by=drafter_of[h],
                    recorded_at=now,
                )
                for h in ids
            ],
            batch_size=2000,
        )
        opinions = Opinion.objects.bulk_create(
            [
                Opinion(
                    reference=f"B{i:09d}",
                    request=r,
                    issued_on=start,
                    replied_on=start,
                    diagnosis="ベンチ病",
                    care="outpatient",
                    expected_months=12,
                    doctor_name="ベンチ 医師",
                    entered_by=drafter_of[r.household_id],
                )
                for i, r in enumerate(requests)
            ],
            batch_size=2000,
        )
        Review.objects.bulk_create(
            [
                Review(opinion=o, verdict=Verdict.AGREE, reviewer=drafter_of[o.request.household_id], at=now)
                for o in opinions
            ],
            batch_size=2000,
        )
        periods = []
        for i, o in enumerate(opinions):
            h = o.request.household_id
            pharmacy = (
                by_office[households[h].office_id][1][i % PHARMACIES_PER_OFFICE]
                if i % WITH_PHARMACY_EVERY == 0
                else None
            )
            periods.append(
                MedicalPeriod(
                    household_id=h,
                    member=heads[h],
                    institution=place[h],
                    opinion=o,
                    care="outpatient",
                    with_dispensing=pharmacy is not None,
                    pharmacy=pharmacy,
                    starts_on=start,
                    ends_on=ends,
                    decided_by=drafter_of[h],
                    decided_at=now,
                )
            )
        MedicalPeriod.objects.bulk_create(periods, batch_size=2000)
    return len(periods)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--month", default="2027-02-01", help="the month of the run")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of the run")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    env = bench_environment(args.database_url)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    month = date.fromisoformat(args.month)
    backend = "postgresql" if args.database_url.startswith("postgres") else "sqlite"

    t0 = time.perf_counter()
    drafter_of = seed_decisions(args, env, month)
    periods = give_periods(month, drafter_of)
    seeded = time.perf_counter() - t0

    from django.utils import timezone

    from hogo.audit.context import audit_context
    from hogo.medical import documents, services
    from hogo.medical.models import MedicalPeriod, Ticket, TicketKind
    from hogo.offices.models import Office, Role, RoleAssignment

    offices = Office.objects.filter(pk__in=MedicalPeriod.objects.values("household__office_id")).order_by("pk")
    profile = cProfile.Profile() if args.profile else None
    run_time = pdf_time = file_time = 0.0
    pdf_bytes = file_bytes = institutions = 0
    with audit_context(source="bench"):
        for office in offices:
            clerk = (
                RoleAssignment.objects.active_on(timezone.localdate())
                .filter(office=office, role__in=(Role.CLERK, Role.SUPERVISOR))
                .order_by("role", "pk")
                .first()
                .staff.user
            )
            start = time.perf_counter()
            if profile:
                profile.enable()
            run = services.issue_month(clerk, office, month)
            if profile:
                profile.disable()
            run_time += time.perf_counter() - start
            tickets = Ticket.objects.filter(run=run).order_by("institution__code", "number")
            start = time.perf_counter()
            # one query per institution: documents.by_institution(all the run's tickets) fails on SQLite
            # beyond ~1,000 tickets ("Expression tree is too large"), as registration_file does, hence chunks
            for institution_id in (
                tickets.order_by("institution__code").values_list("institution_id", flat=True).distinct()
            ):
                pdf_bytes += len(documents.render_tickets(tickets.filter(institution_id=institution_id)))
                institutions += 1
            pdf_time += time.perf_counter() - start
            start = time.perf_counter()
            numbers = list(tickets.values_list("pk", flat=True))
            for i in range(0, len(numbers), FILE_CHUNK):
                file_bytes += len(
                    documents.registration_file(Ticket.objects.filter(pk__in=numbers[i : i + FILE_CHUNK]))
                )
            file_time += time.perf_counter() - start

    issued = Ticket.objects.filter(month=month, run__isnull=False)
    count = issued.count()
    medical = issued.filter(kind=TicketKind.MEDICAL)
    paying = medical.filter(self_pay__gt=0).count()
    total = run_time + pdf_time + file_time
    print(f"monthly ticket run on {backend}, one process, {os.cpu_count()} cores; seeded in {seeded:.1f} s")
    print(
        f"  {len(drafter_of)} households, {periods} medical periods in {offices.count()} office(s): {count} tickets "
        f"({medical.count()} 医療券, {issued.filter(kind=TicketKind.DISPENSING).count()} 調剤券; "
        f"{paying} with a 本人支払額)"
    )
    print(f"  issue_month: {run_time:.1f} s ({count / run_time:,.0f} tickets/s)")
    print(f"  PDFs by institution: {institutions} files, {pdf_bytes / 2**20:.1f} MiB in {pdf_time:.1f} s")
    print(f"  registration file (chunks of {FILE_CHUNK} tickets): {file_bytes / 2**20:.1f} MiB in {file_time:.1f} s")
    print(f"  total {total:.1f} s; peak memory (max RSS) {peak_mib():.0f} MiB")
    print(f"{count / total:,.0f} tickets/s")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
