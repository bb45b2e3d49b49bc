"""Synthetic demo households for `hogo demo` (hogo.demo.load): the fictional offices they live
around, their members, incomes and caseworkers. Nothing here is real.

Household types follow the national proportions of recipient households (高齢 ~55%,
障害・傷病 ~25%, 母子 ~4%, その他 ~16%; 被保護者調査, 厚生労働省, 令和5年度 monthly averages
rounded).
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from faker import Faker

from hogo.common.kana import search_key
from hogo.common.wareki import age_on
from hogo.offices.models import Office

from . import lifecycle
from .models import (
    CareLevel,
    CaseworkerAssignment,
    DisabilityKind,
    Household,
    HouseholdType,
    Income,
    IncomeKind,
    MedicalCare,
    Member,
    Relation,
    Residence,
    SchoolStage,
    Sex,
    StatusChange,
)

TYPE_WEIGHTS = [
    (HouseholdType.ELDERLY, 55),
    (HouseholdType.DISABLED, 13),
    (HouseholdType.SICK, 12),
    (HouseholdType.SINGLE_PARENT, 4),
    (HouseholdType.OTHER, 16),
]
STATUS_WEIGHTS = [
    (lifecycle.ACTIVE, 92),
    (lifecycle.SUSPENDED, 1),
    (lifecycle.APPLYING, 3),
    (lifecycle.CONSULTATION, 2),
    (lifecycle.TERMINATED, 2),
]
# Issue 17: in an office of 10 households or more, households No.2–7 (the first caseworker's) take these
# statuses, so every journey of the README can be tried from the first demo account, however small the demo.
SHOWCASE_STATUSES = (
    lifecycle.APPLYING,
    lifecycle.APPLYING,  # received 16–25 days ago: its deadline was extended (decisions.demo records why)
    lifecycle.CONSULTATION,
    lifecycle.SUSPENDED,
    lifecycle.TERMINATED,
    lifecycle.ACTIVE,  # assisted for 30–60 days: a new recipient, its first checks coming due
)
SHOWCASE_FROM = 10
DECISION_DAYS = 14  # 生活保護法第24条第5項: an application is decided within 14 days (30 when extended)
DEMO_HISTORY_YEARS = 10  # the demo office's staff hold their roles from then; no household came earlier


@dataclass(frozen=True)
class DemoOffice:
    key: str
    name: str
    municipality_code: str
    grade_area: str
    winter_region: str
    prefecture: str
    city: str
    centre: tuple[str, str]  # the office's (fictional) position; households are spread around it


# Fictional cities (no such municipalities), so no demo address can be a real one; positions are
# arbitrary points used only to order visit routes.
OFFICES = (
    DemoOffice("a", "みなと市福祉事務所", "990001", "1-1", "VI", "東京都", "みなと市", ("35.680000", "139.760000")),
    DemoOffice("b", "かわせ市福祉事務所", "990002", "2-1", "I", "北海道", "かわせ市", ("43.060000", "141.350000")),
)
SPREAD_DEGREES = 0.04  # households lie within about 4 km of the office


def _weighted(rng: random.Random, weights):
    return rng.choices([v for v, _ in weights], weights=[w for _, w in weights])[0]


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year - years, day=28)


def _birth_date(rng: random.Random, today: date, min_age: int, max_age: int) -> date:
    """A birth date giving an age between min_age and max_age today."""
    earliest = years_before(today, max_age + 1) + timedelta(days=1)
    latest = years_before(today, min_age)
    return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))


def _school_stage(birth: date, today: date) -> str:
    # School year starts 1 April; a child enters elementary school in the April after turning 6.
    school_year = today.year if today.month >= 4 else today.year - 1
    born_year = birth.year if (birth.month, birth.day) >= (4, 2) else birth.year - 1
    grade_age = school_year - born_year  # age on 1 April of this school year, +1 for the early-born
    if grade_age < 7:
        return SchoolStage.PRESCHOOL
    if grade_age < 13:
        return SchoolStage.ELEMENTARY
    if grade_age < 16:
        return SchoolStage.JUNIOR_HIGH
    if grade_age < 19:
        return SchoolStage.HIGH_SCHOOL
    return SchoolStage.NONE


class Generator:
    def __init__(self, seed: int, today: date):
        self.rng = random.Random(seed)
        self.fake = Faker("ja_JP")
        self.fake.seed_instance(seed)
        self.today = today

    def person(self, sex: str, family=None):
        last, last_kana, _ = family or self.fake.last_name_pair()
        pair = self.fake.first_name_female_pair() if sex == Sex.FEMALE else self.fake.first_name_male_pair()
        return f"{last} {pair[0]}", f"{last_kana} {pair[1]}", (last, last_kana, None)

    def address(self, office: DemoOffice) -> str:
        f = self.fake
        building = (
            f" {f.building_name()}{self.rng.randint(1, 5)}0{self.rng.randint(1, 9)}号室"
            if self.rng.random() < 0.6
            else ""
        )
        return f"{office.prefecture}{office.city}{f.town()}{f.chome()}{f.ban()}{f.gou()}{building}"

    def members(self, household_type: str):
        """(relation, sex, birth_date, extras) for each member, head first."""
        rng, today = self.rng, self.today
        sex = Sex.FEMALE if household_type == HouseholdType.SINGLE_PARENT else rng.choice([Sex.MALE, Sex.FEMALE])
        people = []
        if household_type == HouseholdType.ELDERLY:
            people.append((Relation.HEAD, sex, _birth_date(rng, today, 65, 95)))
            if rng.random() < 0.12:
                people.append(
                    (Relation.SPOUSE, Sex.FEMALE if sex == Sex.MALE else Sex.MALE, _birth_date(rng, today, 65, 92))
                )
        elif household_type in (HouseholdType.DISABLED, HouseholdType.SICK):
            people.append((Relation.HEAD, sex, _birth_date(rng, today, 20, 64)))
            head_age = age_on(people[0][2], today)
            if rng.random() < 0.12:  # a parent at least 18 years older than the head
                oldest = max(60, head_age + 18)
                people.append(
                    (Relation.PARENT, rng.choice([Sex.MALE, Sex.FEMALE]), _birth_date(rng, today, oldest, oldest + 20))
                )
        elif household_type == HouseholdType.SINGLE_PARENT:
            head_birth = _birth_date(rng, today, 22, 50)
            people.append((Relation.HEAD, sex, head_birth))
            head_age = age_on(head_birth, today)
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                people.append(
                    (
                        Relation.CHILD,
                        rng.choice([Sex.MALE, Sex.FEMALE]),
                        _birth_date(rng, today, 0, min(17, max(0, head_age - 18))),
                    )
                )
        else:
            people.append((Relation.HEAD, sex, _birth_date(rng, today, 18, 64)))
            shape = rng.random()
            if shape < 0.4:
                people.append(
                    (Relation.SPOUSE, Sex.FEMALE if sex == Sex.MALE else Sex.MALE, _birth_date(rng, today, 18, 64))
                )
            if shape < 0.2:  # children at least 18 years younger than the head
                youngest_parent = min(age_on(people[0][2], today), age_on(people[-1][2], today))
                for _ in range(rng.choice([1, 2])):
                    people.append(
                        (
                            Relation.CHILD,
                            rng.choice([Sex.MALE, Sex.FEMALE]),
                            _birth_date(rng, today, 0, min(17, max(0, youngest_parent - 18))),
                        )
                    )
        return people

    def extras(self, household_type: str, relation: str, birth: date):
        rng = self.rng
        age = age_on(birth, self.today)
        disability_kind = disability_grade = care_level = ""
        incomes = []
        if household_type == HouseholdType.DISABLED and relation == Relation.HEAD:
            disability_kind = rng.choice([DisabilityKind.PHYSICAL, DisabilityKind.INTELLECTUAL, DisabilityKind.MENTAL])
            disability_grade = {
                "physical": rng.choice(["1級", "2級", "3級", "4級"]),
                "intellectual": rng.choice(["A", "B"]),
                "mental": rng.choice(["1級", "2級", "3級"]),
            }[disability_kind]
            if rng.random() < 0.45:
                incomes.append(
                    (IncomeKind.PENSION, rng.choice([69_308, 86_635]))
                )  # 障害基礎年金 2級/1級 (令和7年度 月額)
        if age >= 65:
            if rng.random() < 0.3:
                care_level = rng.choice([c for c, _ in CareLevel.choices if c])
            if rng.random() < 0.65:
                incomes.append((IncomeKind.PENSION, rng.randrange(20_000, 90_000, 100)))
        elif relation in (Relation.HEAD, Relation.SPOUSE) and household_type in (
            HouseholdType.SINGLE_PARENT,
            HouseholdType.OTHER,
        ):
            if rng.random() < 0.5:
                incomes.append((IncomeKind.EARNINGS, rng.randrange(30_000, 150_000, 1000)))
        if household_type == HouseholdType.SINGLE_PARENT and relation == Relation.HEAD and rng.random() < 0.8:
            incomes.append((IncomeKind.ALLOWANCE, rng.randrange(10_000, 50_000, 10)))
        school = _school_stage(birth, self.today) if relation == Relation.CHILD else ""
        return disability_kind, disability_grade, care_level, school, incomes


def create_households(gen: Generator, spec: DemoOffice, office: Office, count: int, caseworkers, today: date) -> int:
    existing = set(Household.objects.filter(office=office).values_list("case_number", flat=True))
    rng = gen.rng
    new_households, plans = [], []
    for i in range(count):
        case_number = f"{i + 1:06d}"
        household_type = _weighted(rng, TYPE_WEIGHTS)
        status = _weighted(rng, STATUS_WEIGHTS)
        showcase = count >= SHOWCASE_FROM and 1 <= i <= len(SHOWCASE_STATUSES)
        if showcase:
            status = SHOWCASE_STATUSES[i - 1]
        people = gen.members(household_type)
        address = gen.address(spec)
        postal_code = gen.fake.zipcode()
        history = status_history(
            rng, status, today, extended=showcase and i == 2, recent=showcase and i == len(SHOWCASE_STATUSES)
        )
        started = history[0][2]
        rent = rng.randrange(25_000, 54_000, 500) if rng.random() < 0.85 else 0  # the rest own or live with family
        if case_number in existing:
            continue  # the generator still ran, so later households come out the same
        new_households.append(
            Household(
                office=office,
                case_number=case_number,
                postal_code=postal_code,
                address=address,
                prefecture=spec.prefecture,
                municipality=spec.city,
                rent=rent,
                grade_area=spec.grade_area,
                winter_region=spec.winter_region,
                household_type=household_type,
                status=status,
                assistance_policy=_policy(household_type),
                cautions="",
            )
        )
        plans.append((people, started, history, caseworkers[i * len(caseworkers) // count]))
    facts_rng = random.Random(f"followup-facts-{office.municipality_code}-{len(existing)}")
    for household in new_households:
        household.residence = _weighted(facts_rng, RESIDENCE_WEIGHTS)
        grade = "" if household.residence != Residence.HOME else _weighted(facts_rng, GRADE_WEIGHTS)
        # a visit grade plans the visits of assistance: a household not (or no longer) assisted has none
        household.visit_grade = grade if household.status in UNDER_ASSISTANCE else ""
        household.latitude = (
            Decimal(spec.centre[0]) + Decimal(facts_rng.uniform(-SPREAD_DEGREES, SPREAD_DEGREES))
        ).quantize(Decimal("0.000001"))
        household.longitude = (
            Decimal(spec.centre[1]) + Decimal(facts_rng.uniform(-SPREAD_DEGREES, SPREAD_DEGREES))
        ).quantize(Decimal("0.000001"))
    Household.objects.bulk_create(new_households, batch_size=1000)

    members, incomes_for, changes, assignments = [], [], [], []
    for household, (people, started, history, caseworker) in zip(new_households, plans, strict=True):
        family = None
        for relation, sex, birth in people:
            same_family = relation in (Relation.CHILD, Relation.SPOUSE) or relation == Relation.HEAD
            name, kana, fam = gen.person(sex, family if same_family and family else None)
            family = family or fam
            disability_kind, disability_grade, care_level, school, incomes = gen.extras(
                household.household_type, relation, birth
            )
            members.append(
                Member(
                    household=household,
                    name=name,
                    name_kana=kana,
                    search_name=search_key(name),
                    search_kana=search_key(kana),
                    birth_date=birth,
                    sex=sex,
                    relation=relation,
                    disability_kind=disability_kind,
                    disability_grade=disability_grade,
                    care_level=care_level,
                    school_stage=school,
                    joined_on=max(birth, started),
                )
            )
            incomes_for.append((incomes, started))
        changes += [
            StatusChange(
                household=household,
                from_status=before,
                to_status=after,
                effective_date=on,
                reason=f"デモデータ（合成）: {STATUS_REASONS[after]}",
            )
            for before, after, on in history
        ]
        assignments.append(CaseworkerAssignment(household=household, caseworker=caseworker, valid_from=started))
    for member, (incomes, _started) in zip(members, incomes_for, strict=True):
        _followup_facts(facts_rng, member, incomes, today)
    Member.objects.bulk_create(members, batch_size=2000)
    Income.objects.bulk_create(
        [
            Income(member=m, kind=kind, monthly_amount=amount, since=started.replace(day=1))
            for m, (incomes, started) in zip(members, incomes_for, strict=True)
            for kind, amount in incomes
        ],
        batch_size=2000,
    )
    StatusChange.objects.bulk_create(changes, batch_size=2000)
    CaseworkerAssignment.objects.bulk_create(assignments, batch_size=2000)
    return len(new_households)


UNDER_ASSISTANCE = (lifecycle.ACTIVE, lifecycle.SUSPENDED)
STATUS_REASONS = {
    lifecycle.CONSULTATION: "面接相談",
    lifecycle.APPLYING: "保護申請の受付",
    lifecycle.ACTIVE: "保護開始決定",
    lifecycle.SUSPENDED: "保護停止決定",
    lifecycle.TERMINATED: "保護廃止決定",
}


def status_history(
    rng: random.Random, status: str, today: date, extended: bool = False, recent: bool = False
) -> list[tuple[str, str, date]]:
    """(from, to, effective date) of each status change, oldest first, ending in `status`: a household
    comes to the office for a consultation, applies the same day and, when assisted, is assisted from
    the day it applied (the start decision takes effect on the application date). An application still
    open was received within the 14 days of 法第24条第5項 (16–25 days ago when `extended`); a
    suspension or termination came at least 60 days after the start; a `recent` household has been
    assisted for 30–60 days. No date is after today."""
    if status == lifecycle.CONSULTATION:
        return [("", lifecycle.CONSULTATION, today - timedelta(days=rng.randrange(0, 30)))]
    if status == lifecycle.APPLYING:
        received = today - timedelta(days=rng.randrange(16, 26) if extended else rng.randrange(0, DECISION_DAYS))
        return [("", lifecycle.CONSULTATION, received), (lifecycle.CONSULTATION, lifecycle.APPLYING, received)]
    earliest = 120 if status in (lifecycle.SUSPENDED, lifecycle.TERMINATED) else 30
    applied = today - timedelta(days=rng.randrange(earliest, 61 if recent else 3650))
    history = [
        ("", lifecycle.CONSULTATION, applied),
        (lifecycle.CONSULTATION, lifecycle.APPLYING, applied),
        (lifecycle.APPLYING, lifecycle.ACTIVE, applied),
    ]
    if status in (lifecycle.SUSPENDED, lifecycle.TERMINATED):
        ended = applied + timedelta(days=rng.randrange(60, (today - applied).days))
        history.append((lifecycle.ACTIVE, status, ended))
    return history


RESIDENCE_WEIGHTS = [(Residence.HOME, 0.9), (Residence.HOSPITAL, 0.04), (Residence.FACILITY, 0.06)]
GRADE_WEIGHTS = [("A", 0.1), ("B", 0.25), ("C", 0.4), ("D", 0.25)]


def _followup_facts(rng: random.Random, member: Member, incomes, today: date) -> None:
    """Dates and flags the periodic checks look at (synthetic)."""
    age = age_on(member.birth_date, today)
    if member.household.residence == Residence.HOSPITAL and member.relation == Relation.HEAD:
        member.medical_care = MedicalCare.INPATIENT
    elif age >= 40 and rng.random() < 0.45:
        member.medical_care = MedicalCare.OUTPATIENT
    earns = any(kind == IncomeKind.EARNINGS for kind, _ in incomes)
    if (
        18 <= age < 65
        and not earns
        and member.relation in (Relation.HEAD, Relation.SPOUSE)
        and not member.disability_kind
    ):
        member.able_to_work = rng.random() < 0.4
    if member.care_level:
        member.care_certified_until = today + timedelta(days=rng.randrange(-20, 720))
    if member.disability_kind == DisabilityKind.MENTAL:
        member.disability_certificate_until = today + timedelta(days=rng.randrange(-10, 730))


def _policy(household_type: str) -> str:
    return {
        HouseholdType.ELDERLY: "健康状態と介護サービスの利用状況を把握し、在宅生活の継続を支援する。",
        HouseholdType.DISABLED: "障害福祉サービス・障害年金等の他法他施策の活用を確認し、安定した生活を支援する。",
        HouseholdType.SICK: "主治医の意見を踏まえ療養に専念できるよう支援し、病状に応じて就労を検討する。",
        HouseholdType.SINGLE_PARENT: "児童の健全育成と就学を支え、母の就労と手当等の活用を支援する。",
        HouseholdType.OTHER: "就労可能性を把握し、就労支援と収入の適正な申告を指導する。",
    }[household_type]
