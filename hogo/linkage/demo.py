"""Demo linkage data (issue 18): 宛名番号 for every demo member, and a synthetic sample file per source in
its documented layout (docs/linkage/), written by `hogo demo` to var/demo/linkage/. Nothing is real.

The pension sample is the 年金改定 of the office's pensioners from next month: most amounts go up by
the 令和7年度 revision rate (+1.9%, 厚生労働省 令和7年1月24日公表, used here only to make
plausible synthetic figures), some stay, one row names its person only by kana and birth date and
finds two members (同姓同名・同一生年月日 — the demo makes one such pair), one is a member of a closed
case and one is nobody the office knows: every path of the pipeline shows. The other samples are
built from the office's members in open cases the same way: premiums for those aged 65 or over,
certifications and certificates of those who have one (renewals and a few changes), and three
住民異動 (a birth, a death and a move). Each imports through `services.import_file` without refusal.
"""

import random
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from faker import Faker

from hogo.common.wareki import age_on
from hogo.households.circumstance_rules import GRADES
from hogo.households.models import Income, IncomeKind, Member

from . import layouts, matching

REVISION_PER_MILLE = 1019  # +1.9%
PENSION_KINDS = ("老齢基礎年金", "老齢厚生年金", "障害基礎年金", "遺族厚生年金")


def _number(office, member_id: int) -> str:
    return f"{office.municipality_code[-4:]}{member_id:08d}"


@transaction.atomic
def assign_resident_numbers(office) -> int:
    """A 宛名番号 for each member of the office without one (12 digits: the office's code and the id)."""
    members = list(Member.objects.filter(household__office=office, resident_number=""))
    for member in members:
        member.resident_number = _number(office, member.pk)
    Member.objects.bulk_update(members, ["resident_number"], batch_size=2000)
    return len(members)


def next_month(today: date) -> date:
    return (today.replace(day=1) + timedelta(days=32)).replace(day=1)


def _pensioners(office):
    """(member, current pension) of the office's open cases, one pension each, by member id."""
    rows = (
        Income.objects.current()
        .filter(
            member__household__office=office,
            member__household__status__in=matching.OPEN,
            member__left_on__isnull=True,
            kind=IncomeKind.PENSION,
            until__isnull=True,
        )
        .select_related("member")
        .order_by("member_id", "id")
    )
    seen, out = set(), []
    for income in rows:
        if income.member_id not in seen:
            seen.add(income.member_id)
            out.append((income.member, income))
    return out


def make_namesake(office, today: date) -> tuple[Member, Member] | None:
    """Two pensioners of different households with the same kana name and birth date (the demo's
    同姓同名): the second takes the first's. Chosen so neither's age changes band this year."""
    people = _pensioners(office)
    by_age: dict[int, list[Member]] = {}
    for member, _ in people:
        age = age_on(member.birth_date, today)
        if age == age_on(member.birth_date, today + timedelta(days=400)) - 1 and 66 <= age <= 68:
            by_age.setdefault(age, []).append(member)
    for group in by_age.values():
        firsts = {}
        for member in group:
            firsts.setdefault(member.household_id, member)
        if len(firsts) >= 2:
            first, second = list(firsts.values())[:2]
            if (second.search_kana, second.birth_date) != (first.search_kana, first.birth_date):
                Member.objects.filter(pk=second.pk).update(
                    name=first.name,
                    name_kana=first.name_kana,
                    search_name=first.search_name,
                    search_kana=first.search_kana,
                    birth_date=first.birth_date,
                )
                second.refresh_from_db()
            return first, second
    return None


def _line(values: list) -> str:
    return ",".join(str(v) for v in values)


def pension_sample(office, today: date, seed: int = 1, limit: int | None = None) -> bytes:
    """The office's pension revision file (UTF-8)."""
    rng = random.Random(f"linkage-pension-{seed}-{office.municipality_code}")
    month = next_month(today)
    pair = make_namesake(office, today)  # found again (made by seed_linkage); nothing changes
    header = "宛名番号,氏名,氏名カナ,生年月日,年金の種類,年額,1回の支給額,改定年月,支払者"
    lines = [header]
    people = _pensioners(office)[:limit] if limit else _pensioners(office)
    for member, income in people:
        kind = income.detail or (PENSION_KINDS[2] if member.disability_kind else rng.choice(PENSION_KINDS[:2]))
        payment = income.monthly_amount * 2
        if rng.random() < 0.85:
            payment = payment * REVISION_PER_MILLE // 1000
        annual = payment * 6 + rng.randrange(0, 6)
        number = "" if pair and member.pk == pair[0].pk else member.resident_number
        lines.append(
            _line([number, member.name, member.name_kana, member.birth_date.isoformat(), kind, annual, payment])
            + f",{month:%Y-%m},日本年金機構"
        )
    closed = (
        Member.objects.filter(household__office=office, household__status="terminated")
        .exclude(resident_number="")
        .order_by("id")
        .first()
    )
    if closed is not None:
        lines.append(
            _line([closed.resident_number, closed.name, closed.name_kana, closed.birth_date.isoformat()])
            + f",老齢基礎年金,480000,80000,{month:%Y-%m},日本年金機構"
        )
    lines.append(f",架空 太郎,カクウ タロウ,1950-01-01,老齢基礎年金,480000,80000,{month:%Y-%m},日本年金機構")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _open_members(office, **filters):
    """The office's members of open cases who have not left, with a 宛名番号, by id."""
    return (
        Member.objects.filter(
            household__office=office, household__status__in=matching.OPEN, left_on__isnull=True, **filters
        )
        .exclude(resident_number="")
        .select_related("household")
        .order_by("id")
    )


def _person(member: Member) -> list:
    return [member.resident_number, member.name, member.name_kana, member.birth_date.isoformat()]


def _insured_number(office, member: Member) -> str:
    """A synthetic 10-digit 被保険者番号: the office's last code digit and the member id."""
    return f"{office.municipality_code[-1]}{member.pk:09d}"[-10:]


# 介護保険法第134条・同法施行令第41条: the premium is deducted from a pension (特別徴収) when the
# pension's annual amount is 18万円 or more — 15,000 yen a month as recognised here.
DEDUCTION_MONTHLY_MIN = 15_000
# 被保護者 are in 第1段階 of the premium stages. The figures below are synthetic: a made-up 基準額
# per office times the 第1段階 rate 0.285 (the national standard ratio after the 公費 reduction),
# rounded down to 100 yen a year. No municipality's real premium is used.
STAGE_1_PER_MILLE = 285


def care_premium_sample(office, today: date, seed: int = 1) -> bytes:
    """The 介護保険料 of the office's members aged 65 or over (第1号被保険者), from next month:
    特別徴収 for those with one recognised pension of 15,000 yen a month or more, else 普通徴収."""
    rng = random.Random(f"linkage-premium-{seed}-{office.municipality_code}")
    month = next_month(today)
    base_monthly = rng.randrange(5_500, 7_600, 100)  # synthetic 基準額 (月額)
    annual = base_monthly * 12 * STAGE_1_PER_MILLE // 1000 // 100 * 100
    monthly = annual // 12
    pensions: dict[int, int] = {}
    for member_id, amount in (
        Income.objects.current()
        .filter(member__household__office=office, kind=IncomeKind.PENSION, since__lte=month)
        .exclude(until__lt=month)
        .values_list("member_id", "monthly_amount")
    ):
        pensions[member_id] = max(pensions.get(member_id, 0), amount)  # deducted from one pension
    lines = ["宛名番号,氏名,氏名カナ,生年月日,被保険者番号,保険料段階,年額,月額,徴収方法,適用年月"]
    for member in _open_members(office):
        if age_on(member.birth_date, month) < 65:
            continue
        collection = "特別徴収" if pensions.get(member.pk, 0) >= DEDUCTION_MONTHLY_MIN else "普通徴収"
        lines.append(
            _line([*_person(member), _insured_number(office, member), 1, f'"{annual:,}円"', monthly, collection])
            + f",{month:%Y-%m}"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


CARE_LEVEL_NAMES = {code: name for name, code in layouts.CARE_LEVELS.items()}
CARE_LEVEL_ORDER = [code for code in layouts.CARE_LEVELS.values() if code]
CERTIFICATION_MONTHS = 12  # a renewal certified for 12 months (the usual period; it may be up to 48)
DUE_DAYS = 183  # a certificate or certification ending within about 6 months is renewed in the sample


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


def _period_from(start: date, months: int) -> date:
    """The last day of a period of `months` months from `start`, counted from the next month's first
    day when `start` is not a 1st (the way certification periods are counted)."""
    return _add_months(start, months + (start.day > 1)) - timedelta(days=1)


def _years_later(day: date, years: int) -> date:
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


def _level_step(rng: random.Random, level: str) -> str:
    i = CARE_LEVEL_ORDER.index(level) + rng.choice([-1, 1])
    return CARE_LEVEL_ORDER[min(max(i, 0), len(CARE_LEVEL_ORDER) - 1)]


def care_certification_sample(office, today: date, seed: int = 1) -> bytes:
    """The 介護保険 system's certifications of the office's certified members: a certification that
    ends within about 6 months is renewed from the day after it ends, for 12 months; about one in five
    of the others changed level (区分変更, from the first of next month); the rest as recorded."""
    rng = random.Random(f"linkage-certification-{seed}-{office.municipality_code}")
    lines = ["宛名番号,氏名,氏名カナ,生年月日,被保険者番号,要介護状態区分,認定有効期間開始日,認定有効期間終了日"]
    for member in _open_members(office).exclude(care_level=""):
        level, until = member.care_level, member.care_certified_until
        if until is None or until <= today + timedelta(days=DUE_DAYS):
            start = (until or today) + timedelta(days=1)
            until = _period_from(start, CERTIFICATION_MONTHS)
        elif rng.random() < 0.2:
            level, start = _level_step(rng, level), next_month(today)
            until = _period_from(start, CERTIFICATION_MONTHS)
        else:
            start = _years_later(until + timedelta(days=1), -1)  # as recorded: the current 12 months
        lines.append(
            _line([*_person(member), _insured_number(office, member), CARE_LEVEL_NAMES[level]])
            + f",{start.isoformat()},{until.isoformat()}"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


CERTIFICATE_NAMES = {code: name for name, code in layouts.CERTIFICATES.items()}
# 精神保健福祉法第45条第4項: the holder of a 精神障害者保健福祉手帳 is recertified every 2 years
MENTAL_CERTIFICATE_YEARS = 2


def _one_grade_up(kind: str, grade: str) -> str:
    grades = GRADES[kind]
    return grades[max(grades.index(grade) - 1, 0)] if grade in grades else grade


def disability_certificate_sample(office, today: date, seed: int = 1) -> bytes:
    """The 障害福祉 system's certificates of the office's members with a disability: a 精神 手帳 that
    ends within about 6 months renewed this month for 2 more years, one member's certificate reissued
    one grade more severe this month, and the rest as recorded (issued some years ago)."""
    rng = random.Random(f"linkage-certificate-{seed}-{office.municipality_code}")
    members = list(_open_members(office).exclude(disability_kind=""))
    changeable = [m for m in members if m.disability_grade in GRADES[m.disability_kind][1:]]
    changed = rng.choice(changeable).pk if changeable else None
    lines = ["宛名番号,氏名,氏名カナ,生年月日,手帳の種類,等級,交付日,有効期限"]
    for member in members:
        grade, until = member.disability_grade, member.disability_certificate_until
        issued = today - timedelta(days=rng.randrange(365, 3650))
        if member.pk == changed:
            grade, issued = _one_grade_up(member.disability_kind, grade), today
        if member.disability_kind == "mental":
            if member.pk == changed or until is None or until <= today + timedelta(days=DUE_DAYS):
                issued = today
                until = _years_later(until or today, MENTAL_CERTIFICATE_YEARS)
            else:
                issued = _years_later(until, -MENTAL_CERTIFICATE_YEARS)
        lines.append(
            _line(
                [
                    *_person(member),
                    CERTIFICATE_NAMES[member.disability_kind],
                    grade,
                    issued.isoformat(),
                    until.isoformat() if until else "",
                ]
            )
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def _newborn_number(office, mother: Member) -> str:
    """A synthetic 宛名番号 for a newborn: 12 digits like the members' (the office's code, 9, the
    mother's id), apart from theirs at demo sizes."""
    return f"{office.municipality_code[-4:]}9{mother.pk:07d}"


def resident_change_sample(office, today: date, seed: int = 1) -> bytes:
    """住民異動 of the last few days: a birth into a household whose head or spouse is a woman aged
    20–45 (the 世帯主's 宛名番号 names the household), the death of a member who is not the head, and
    a 転居 of a household within the same (fictional) city."""
    rng = random.Random(f"linkage-resident-{seed}-{office.municipality_code}")
    gen = Faker("ja_JP")
    gen.seed_instance(f"linkage-resident-{seed}-{office.municipality_code}")
    members = list(_open_members(office))
    heads = {m.household_id: m for m in members if m.relation == "head"}
    lines = ["異動種別,異動日,宛名番号,氏名,氏名カナ,生年月日,性別,世帯主の宛名番号,異動後の郵便番号,異動後の住所"]
    mothers = [
        m
        for m in members
        if m.relation in ("head", "spouse")
        and m.sex == "female"
        and 20 <= age_on(m.birth_date, today) <= 45
        and m.household_id in heads
    ]
    if mothers:
        mother = rng.choice(mothers)
        born = today - timedelta(days=rng.randrange(3, 10))
        sex = rng.choice(["男", "女"])
        given, given_kana, _ = gen.first_name_male_pair() if sex == "男" else gen.first_name_female_pair()
        family, family_kana = mother.name.split()[0], mother.name_kana.split()[0]
        lines.append(
            _line(
                [
                    "出生",
                    born.isoformat(),
                    _newborn_number(office, mother),
                    f"{family} {given}",
                    f"{family_kana} {given_kana}",
                    born.isoformat(),
                    sex,
                    heads[mother.household_id].resident_number,
                    "",
                    "",
                ]
            )
        )
    others = [m for m in members if m.relation != "head"]
    if others:
        # the oldest member who is not a head: the likeliest death among them
        died = min(others, key=lambda m: (m.birth_date, m.pk))
        day = today - timedelta(days=rng.randrange(1, 7))
        lines.append(_line(["死亡", day.isoformat(), *_person(died), "", "", "", ""]))
    movers = [h for h in heads.values() if h.household.municipality]
    if movers:
        head = rng.choice(movers)
        household = head.household
        address = f"{household.prefecture}{household.municipality}{gen.town()}{gen.chome()}{gen.ban()}{gen.gou()}"
        postal = f"{rng.randrange(100, 1000)}{rng.randrange(0, 10_000):04d}"
        day = today - timedelta(days=rng.randrange(1, 7))
        lines.append(_line(["転居", day.isoformat(), *_person(head), "", "", postal, address]))
    return ("\n".join(lines) + "\n").encode("utf-8")


SAMPLES = {
    layouts.PENSION: pension_sample,
    layouts.CARE_PREMIUM: care_premium_sample,
    layouts.CARE_CERTIFICATION: care_certification_sample,
    layouts.DISABILITY_CERTIFICATE: disability_certificate_sample,
    layouts.RESIDENT_CHANGE: resident_change_sample,
}


def seed_linkage(office, today: date) -> None:
    """What the samples need in the database: 宛名番号 for every member and the namesake pair."""
    assign_resident_numbers(office)
    make_namesake(office, today)


def sample_dir() -> Path:
    """Where `hogo demo` writes the samples: var/demo/linkage/ of the installation (HOGO_VAR_DIR)."""
    return Path(settings.VAR_DIR) / "demo" / "linkage"


def write_samples(office, key: str, today: date, seed: int = 1, directory: Path | None = None) -> list[Path]:
    """Each source's sample file for the office, as `<office key>-<source>.csv` (in `sample_dir()`)."""
    seed_linkage(office, today)
    directory = directory or sample_dir()
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for source, make in SAMPLES.items():
        path = directory / f"{key}-{source}.csv"
        path.write_bytes(make(office, today, seed))
        written.append(path)
    return written
