"""The household the engine calculates for, and its validation. Bad input raises InputError
naming the field; nothing is half-parsed."""

import calendar
from dataclasses import dataclass
from datetime import date

GRADE_AREAS = ("1-1", "1-2", "2-1", "2-2", "3-1", "3-2")
WINTER_REGIONS = ("I", "II", "III", "IV", "V", "VI")
REGION_LABELS = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ", "V": "Ⅴ", "VI": "Ⅵ"}
RELATIONS = ("head", "spouse", "child", "parent", "sibling", "grandchild", "grandparent", "other")
DISABILITY_LEVELS = ("severe", "moderate")
PREGNANCY_STAGES = ("under_6_months", "from_6_months", "postpartum")
INCOME_KINDS = ("employment", "pension", "allowance", "support", "child_support", "temporary", "other")


class InputError(ValueError):
    def __init__(self, field_name: str, problem: str):
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


@dataclass(frozen=True)
class MemberInput:
    id: str
    birth_date: date
    relation: str
    disability: str | None = None
    pregnancy: str | None = None
    care_insurance_premium: int = 0
    school_stage: str | None = None
    hospitalised: bool = False  # 入院患者日用品費 instead of the 居宅 standard (the month rule is the caller's)
    # 介護施設入所者基本生活費: the monthly amount the office recognised (None: not in a 介護施設)
    care_facility_allowance: int | None = None


@dataclass(frozen=True)
class IncomeInput:
    member: str
    kind: str
    gross: int = 0
    tax: int = 0
    social_insurance: int = 0
    commuting: int = 0
    expenses: int = 0  # other actual expenses of the work (実費), beside commuting
    new_job: bool = False


@dataclass(frozen=True)
class HouseholdInput:
    as_of: date
    grade_area: str
    winter_region: str | None  # None: taken from the prefecture (告示の地区の区分)
    prefecture: str
    municipality: str
    members: tuple[MemberInput, ...]
    rent: int = 0
    incomes: tuple[IncomeInput, ...] = ()
    single_parent: bool | None = None
    medical: int = 0
    care: int = 0
    period: tuple[date, date] | None = None  # days of as_of's month covered, when not the whole month
    winter_special: bool = False  # 冬季加算の特別基準（常時在宅の傷病者・障害者等、×1.3）


def _date(value, name: str) -> date:
    if not isinstance(value, str):
        raise InputError(name, "YYYY-MM-DD 形式の日付を指定してください")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(name, f"日付として読めません: {value!r}") from None


def _yen(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(name, "円単位の整数を指定してください")
    if value < 0:
        raise InputError(name, "負の金額は指定できません")
    return value


def _flag(value, name: str) -> bool:
    if not isinstance(value, bool):
        raise InputError(name, "true / false を指定してください")
    return value


def _choice(value, allowed, name: str, optional: bool = False):
    if value is None and optional:
        return None
    if value not in allowed:
        raise InputError(name, f"{value!r} は使えません（{' / '.join(allowed)}）")
    return value


def parse_household(data: dict) -> HouseholdInput:
    """Validate a JSON object (the `hogo calc` schema, docs/benefits-input.md)."""
    if not isinstance(data, dict):
        raise InputError("(root)", "JSON オブジェクトを指定してください")
    as_of = _date(data.get("as_of"), "as_of")
    grade_area = _choice(data.get("grade_area"), GRADE_AREAS, "grade_area")
    winter_region = _choice(data.get("winter_region"), WINTER_REGIONS, "winter_region", optional=True)
    prefecture = data.get("prefecture")
    if not isinstance(prefecture, str) or not prefecture:
        raise InputError("prefecture", "都道府県名を指定してください")
    municipality = data.get("municipality", "")
    if not isinstance(municipality, str):
        raise InputError("municipality", "市区町村名を文字列で指定してください")
    raw_members = data.get("members")
    if not isinstance(raw_members, list) or not raw_members:
        raise InputError("members", "世帯員を1人以上指定してください")
    members, ids = [], set()
    for i, m in enumerate(raw_members):
        p = f"members[{i}]"
        if not isinstance(m, dict):
            raise InputError(p, "オブジェクトを指定してください")
        member_id = m.get("id")
        if not isinstance(member_id, str) or not member_id:
            raise InputError(f"{p}.id", "世帯員の id を指定してください")
        if member_id in ids:
            raise InputError(f"{p}.id", f"id {member_id!r} が重複しています")
        ids.add(member_id)
        birth = _date(m.get("birth_date"), f"{p}.birth_date")
        if birth > as_of:
            raise InputError(f"{p}.birth_date", "as_of より後の生年月日です")
        hospitalised = _flag(m.get("hospitalised", False), f"{p}.hospitalised")
        facility = m.get("care_facility_allowance")
        if facility is not None:
            facility = _yen(facility, f"{p}.care_facility_allowance")
            if hospitalised:
                raise InputError(
                    f"{p}.care_facility_allowance", "入院中（hospitalised）の世帯員に介護施設入所の額は指定できません"
                )
        members.append(
            MemberInput(
                id=member_id,
                birth_date=birth,
                relation=_choice(m.get("relation"), RELATIONS, f"{p}.relation"),
                disability=_choice(m.get("disability"), DISABILITY_LEVELS, f"{p}.disability", optional=True),
                pregnancy=_choice(m.get("pregnancy"), PREGNANCY_STAGES, f"{p}.pregnancy", optional=True),
                care_insurance_premium=_yen(m.get("care_insurance_premium", 0), f"{p}.care_insurance_premium"),
                hospitalised=hospitalised,
                care_facility_allowance=facility,
                school_stage=_choice(
                    m.get("school_stage"),
                    ("none", "preschool", "elementary", "junior_high", "high_school"),
                    f"{p}.school_stage",
                    optional=True,
                ),
            )
        )
    incomes = []
    for i, inc in enumerate(data.get("incomes") or []):
        p = f"incomes[{i}]"
        if not isinstance(inc, dict):
            raise InputError(p, "オブジェクトを指定してください")
        if inc.get("member") not in ids:
            raise InputError(f"{p}.member", f"世帯員 {inc.get('member')!r} はいません")
        kind = _choice(inc.get("kind"), INCOME_KINDS, f"{p}.kind")
        gross = _yen(inc.get("gross", inc.get("amount", 0)), f"{p}.gross")
        incomes.append(
            IncomeInput(
                member=inc["member"],
                kind=kind,
                gross=gross,
                tax=_yen(inc.get("tax", 0), f"{p}.tax"),
                social_insurance=_yen(inc.get("social_insurance", 0), f"{p}.social_insurance"),
                commuting=_yen(inc.get("commuting", 0), f"{p}.commuting"),
                expenses=_yen(inc.get("expenses", 0), f"{p}.expenses"),
                new_job=bool(inc.get("new_job", False)),
            )
        )
    single_parent = data.get("single_parent")
    if single_parent is not None and not isinstance(single_parent, bool):
        raise InputError("single_parent", "true / false を指定してください")
    period = None
    if data.get("period") is not None:
        raw = data["period"]
        if not isinstance(raw, dict):
            raise InputError("period", '{"start": 日付, "end": 日付} を指定してください')
        last_day = as_of.replace(day=calendar.monthrange(as_of.year, as_of.month)[1])
        start = _date(raw.get("start", as_of.replace(day=1).isoformat()), "period.start")
        end = _date(raw.get("end", last_day.isoformat()), "period.end")
        if not (as_of.replace(day=1) <= start <= end <= last_day):
            raise InputError("period", "as_of と同じ月の中で start ≦ end となる日付を指定してください")
        period = (start, end)
    return HouseholdInput(
        as_of=as_of,
        grade_area=grade_area,
        winter_region=winter_region,
        prefecture=prefecture,
        municipality=municipality,
        members=tuple(members),
        rent=_yen(data.get("rent", 0), "rent"),
        incomes=tuple(incomes),
        single_parent=single_parent,
        medical=_yen(data.get("medical", 0), "medical"),
        care=_yen(data.get("care", 0), "care"),
        period=period,
        winter_special=_flag(data.get("winter_special", False), "winter_special"),
    )
