"""Benchmark: linkage imports (issue 18) — a pension revision file from bytes to drafts, and a large care
premium file through validation and matching.

Pension part (always): seeds a fresh database the way bench/changes.py does (`hogo demo`, every
household under an approved decision whose amounts are the engine's — its `seed`, asked for twice the
households so that office A alone has N), gives a synthetic pension (老齢基礎年金) to the head of each of
office A's households that has no pensioner, and builds the office's pension revision file from next
month with the demo's own sample (`hogo.linkage.demo.pension_sample`: +1.9 % for most, some unchanged,
a namesake pair, a closed case and an unknown person). Then times `services.import_file` as the office's
supervisor — reading, matching, recording, recomputing and drafting — and prints `<N> households/s`
(the households the file names), rows, drafts, exceptions and the peak memory of the process.

(bench/changes.py's seed also gives every head a pay slip from the month it is given; it is given the
month after the revision, so the pay slips do not enter the revision month's comparison.)

Premium part (--premium-rows R): adds synthetic elderly members to office A in bulk until it has R
distinct persons with a 宛名番号 (4 to a household, each with its own 宛名番号 and kana name; a tenth of
the rows name their person by kana and birth date only), builds a R-row care premium file and times
validation (`layouts.read_file`) and matching (`matching.match_rows`) only: rows/s and seconds.

    .venv/bin/python bench/linkage.py [--households 1500] [--premium-rows 100000] [--database-url postgres://…]

Without --database-url a temporary SQLite file is used (removed at the end unless --keep). A PostgreSQL
database named by the URL is flushed first (use a scratch database).
"""

import argparse
import os
import random
import resource
import shutil
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from benchenv import bench_environment
from changes import seed as seed_decisions

ROOT = Path(__file__).resolve().parent.parent
KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
PREMIUM_HEADER = "宛名番号,氏名,氏名カナ,生年月日,被保険者番号,保険料段階,年額,月額,徴収方法,適用年月"


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def give_pensions(office, month: date, drafter_of: dict) -> int:
    """A synthetic 老齢基礎年金 for the head of each open household of `office` without a pensioner."""
    from hogo.households.models import Income, Member
    from hogo.linkage import matching

    rng = random.Random(f"bench-linkage-{office.municipality_code}")
    with_pension = set(
        Income.objects.current()
        .filter(member__household__office=office, kind="pension", until__isnull=True, member__left_on__isnull=True)
        .values_list("member__household_id", flat=True)
    )
    heads = Member.objects.filter(
        household__office=office, household__status__in=matching.OPEN, relation="head", left_on__isnull=True
    ).exclude(household_id__in=with_pension)
    incomes = []
    for head in heads:
        monthly = rng.randrange(20_000, 70_000, 100)
        incomes.append(
            Income(
                member=head,
                kind="pension",
                detail="老齢基礎年金",
                payer="日本年金機構",
                monthly_amount=monthly,
                payment_amount=monthly * 2,
                payment_interval=2,
                since=(month - timedelta(days=1)).replace(day=1),
                source_document="pension_notice",
                note="bench: synthetic pension",
                recorded_by=drafter_of.get(head.household_id),
            )
        )
    Income.objects.bulk_create(incomes, batch_size=2000)
    return len(incomes)


def first_of_month_incomes() -> None:
    """Every income's 認定開始月 on the first of its month, as `income_services` stores it. The demo gives
    the incomes of households still in consultation or applying their first day (not a month), and the
    seed above puts those households under assistance too; `effects.pension` would then end such an
    income before it began (an IntegrityError, reported in issue 18)."""
    from hogo.households.models import Income

    days = Income.objects.exclude(since__day=1).values_list("since", flat=True).distinct()
    for day in list(days):
        Income.objects.filter(since=day).update(since=day.replace(day=1))


def pension_part(office, today: date, drafter_of: dict) -> None:
    from django.contrib.auth import get_user_model

    from hogo.audit.context import audit_context
    from hogo.linkage import services
    from hogo.linkage.demo import next_month, pension_sample
    from hogo.linkage.models import LinkageRow

    first_of_month_incomes()
    added = give_pensions(office, next_month(today), drafter_of)
    data = pension_sample(office, today, 1)
    supervisor = get_user_model().objects.get(username="a-sv01")
    with audit_context(source="bench"):
        start = time.perf_counter()
        imported = services.import_file(supervisor, office, "pension", "bench-pension.csv", data)
        elapsed = time.perf_counter() - start
    counts = imported.counts
    households = LinkageRow.objects.filter(run=imported.run).exclude(household=None).values("household").distinct()
    n = households.count()
    print(f"  pension revision file: {len(data) / 1024:,.0f} KiB, {counts['rows']} rows ({added} synthetic pensions)")
    print(
        f"  {n} households: {counts['drafted']} drafted, {counts['unchanged']} unchanged, "
        f"{counts['applied']} applied, {counts['exceptions']} exceptions"
    )
    print(f"  import (bytes to drafts) {elapsed:.1f} s; peak memory (max RSS) {peak_mib():.0f} MiB")
    print(f"{n / elapsed:,.0f} households/s")


def kana_code(i: int) -> str:
    digits = []
    for _ in range(4):
        i, d = divmod(i, len(KATAKANA))
        digits.append(KATAKANA[d])
    return "".join(reversed(digits))


def add_persons(office, wanted: int, today: date) -> int:
    """Synthetic elderly households of 4 members with a 宛名番号 each, in bulk, until the office has
    `wanted` members of open cases with one; returns how many were added."""
    from hogo.common.kana import search_key
    from hogo.households.models import Household, Member
    from hogo.linkage import matching

    have = Member.objects.filter(household__office=office, household__status__in=matching.OPEN, left_on=None)
    missing = max(0, wanted - have.exclude(resident_number="").count())
    rng = random.Random("bench-linkage-persons")
    relations = ("head", "spouse", "sibling", "other")
    for start in range(0, missing, 20_000):
        count = min(20_000, missing - start)
        households = Household.objects.bulk_create(
            [
                Household(
                    office=office,
                    case_number=f"B{(start + i) // 4:07d}",
                    address=f"東京都みなと市ベンチ町{(start + i) // 4 % 9 + 1}丁目{(start + i) // 4}番",
                    grade_area=office.default_grade_area,
                    winter_region=office.default_winter_region,
                    household_type="elderly",
                    status="active",
                )
                for i in range(0, count, 4)
            ],
            batch_size=2000,
        )
        members = []
        for i in range(count):
            n = start + i
            kana = f"ベンチ {kana_code(n)}"
            members.append(
                Member(
                    household=households[i // 4],
                    name=f"架空 {n}",
                    name_kana=kana,
                    search_name=search_key(f"架空 {n}"),
                    search_kana=search_key(kana),
                    resident_number=f"8{n:011d}",
                    birth_date=today - timedelta(days=rng.randrange(65 * 366, 95 * 365)),
                    sex=rng.choice(("male", "female")),
                    relation=relations[i % 4],
                )
            )
        Member.objects.bulk_create(members, batch_size=2000)
    return missing


def premium_file(office, rows: int, month: date) -> bytes:
    from hogo.households.models import Member
    from hogo.linkage import matching

    people = (
        Member.objects.filter(household__office=office, household__status__in=matching.OPEN, left_on=None)
        .exclude(resident_number="")
        .order_by("id")
        .values_list("resident_number", "name", "name_kana", "birth_date")[:rows]
    )
    lines = [PREMIUM_HEADER]
    for i, (number, name, kana, birth) in enumerate(people.iterator(chunk_size=5000)):
        collection = "特別徴収" if i % 3 else "普通徴収"
        number = "" if i % 10 == 9 else number  # named by kana and birth date only
        insured = f"{i:010d}"
        lines.append(
            f'{number},{name},{kana},{birth.isoformat()},{insured},1,"18,800円",1566,{collection},{month:%Y-%m}'
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def premium_part(office, rows: int, today: date) -> None:
    from hogo.linkage import effects, layouts, matching
    from hogo.linkage.demo import next_month

    t0 = time.perf_counter()
    added = add_persons(office, rows, today)
    data = premium_file(office, rows, next_month(today))
    built = time.perf_counter() - t0
    start = time.perf_counter()
    parsed = layouts.read_file(layouts.CARE_PREMIUM, data)
    read = time.perf_counter() - start
    matches = matching.match_rows(
        office.pk, parsed.rows, lambda row: effects.effective_day(layouts.CARE_PREMIUM, row.values)
    )
    elapsed = time.perf_counter() - start
    matched = sum(1 for m in matches.values() if m.member_id is not None)
    print(
        f"  care premium file: {len(parsed.rows):,} rows, {len(data) / 1024 / 1024:.1f} MiB "
        f"({added:,} synthetic persons added; built in {built:.1f} s)"
    )
    print(
        f"  validated in {read:.1f} s, matched in {elapsed - read:.1f} s: {matched:,} matched, "
        f"{len(parsed.rows) - matched:,} exceptions; peak memory (max RSS) {peak_mib():.0f} MiB"
    )
    print(f"{len(parsed.rows) / elapsed:,.0f} rows/s ({elapsed:.1f} s)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1500, help="households of office A in the pension file")
    parser.add_argument("--premium-rows", type=int, default=0, help="rows of the care premium file (0: skip)")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--keep", action="store_true", help="keep the temporary var dir (and SQLite file)")
    args = parser.parse_args()
    env = bench_environment(args.database_url)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    backend = "postgresql" if args.database_url.startswith("postgres") else "sqlite"
    today = datetime.now(ZoneInfo("Asia/Tokyo")).date()
    revision = (today.replace(day=1) + timedelta(days=32)).replace(day=1)

    t0 = time.perf_counter()
    # office A gets the larger half of the demo; the pay slips bench/changes.py adds start after the revision
    seed_args = argparse.Namespace(households=2 * args.households, database_url=args.database_url)
    drafter_of = seed_decisions(seed_args, env, (revision + timedelta(days=32)).replace(day=1))
    seeded = time.perf_counter() - t0

    from hogo.households.demo import OFFICES
    from hogo.offices.models import Office

    office = Office.objects.get(municipality_code=OFFICES[0].municipality_code)
    print(f"linkage import on {backend}, one process, {os.cpu_count()} cores; seeded in {seeded:.1f} s")
    try:
        pension_part(office, today, drafter_of)
        if args.premium_rows:
            premium_part(office, args.premium_rows, today)
    finally:
        if args.keep:
            print(f"  kept {env['HOGO_VAR_DIR']}")
        else:
            shutil.rmtree(env["HOGO_VAR_DIR"], ignore_errors=True)


if __name__ == "__main__":
    main()
