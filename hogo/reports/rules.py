"""The statistics' own rules: 世帯類型, the reasons of starts and terminations, the age groups, the
suppression of small cells, the months a report may be asked for. Pure functions, no Django import
(docs/reports/README.md states the definitions, their sources and where Hogo approximates them).

世帯類型 (厚生労働省「被保護者調査」用語の解説, https://www.mhlw.go.jp/toukei/list/74-16_yougo.html):
- 高齢者世帯: 男女とも65歳以上の者のみ、又はこれらに18歳未満の者が加わった世帯;
- 母子世帯: 現に配偶者がいない65歳未満の女子と18歳未満のその子（養子を含む）のみの世帯;
- 障害者世帯: 世帯主が障害者加算を受けているか、心身上の障害のため働けない者である世帯;
- 傷病者世帯: 世帯主が入院しているか在宅患者加算を受けている世帯、又は世帯主が傷病のため働けない者;
- その他の世帯: 上のいずれにも該当しない世帯.
A household that fits several is counted once, in the first that applies in this order: 高齢者, 母子,
障害者, 傷病者 (the order the survey lists them; each household is in exactly one type, so the types sum
to all households).
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

ELDERLY, SINGLE_MOTHER, DISABLED, SICK, OTHER = "elderly", "single_parent", "disabled", "sick", "other"
# The codes are those of households.HouseholdType, so the recorded type and the derived one compare.
HOUSEHOLD_TYPES = {
    ELDERLY: "高齢者世帯",
    SINGLE_MOTHER: "母子世帯",
    DISABLED: "障害者世帯",
    SICK: "傷病者世帯",
    OTHER: "その他の世帯",
}
ELDERLY_AGE = 65
CHILD_AGE = 18  # 18歳未満


class RuleError(ValueError):
    """Input the rules refuse; `field` names it."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


@dataclass(frozen=True)
class Person:
    age: int
    sex: str  # "male" / "female"
    relation: str  # head, spouse, child, …
    disability_addition: bool = False  # the grades that give 障害者加算 (decisions.facts.disability_level)
    inpatient: bool = False  # 入院 (a 医療扶助 inpatient, or an admission in force)


@dataclass(frozen=True)
class HouseholdFacts:
    members: tuple[Person, ...]
    # What the caseworker recorded as the household's type: Hogo has no "cannot work because of a
    # disability / an illness" fact, so the recorded 障害者・傷病者 is read as that judgement.
    recorded_type: str = OTHER

    @property
    def head(self) -> Person | None:
        return next((p for p in self.members if p.relation == "head"), None)


def household_type(facts: HouseholdFacts) -> str:
    """The 世帯類型 of one household, by the survey's definitions in the survey's order."""
    members = facts.members
    if not members:
        return OTHER
    if is_elderly(members):
        return ELDERLY
    if is_single_mother(members):
        return SINGLE_MOTHER
    head = facts.head or members[0]
    if head.disability_addition or facts.recorded_type == DISABLED:
        return DISABLED
    if head.inpatient or facts.recorded_type == SICK:
        return SICK
    return OTHER


def is_elderly(members) -> bool:
    """Only people of 65 or over, perhaps with children under 18 — and at least one of 65 or over."""
    return any(p.age >= ELDERLY_AGE for p in members) and all(
        p.age >= ELDERLY_AGE or p.age < CHILD_AGE for p in members
    )


def is_single_mother(members) -> bool:
    """One woman under 65 with her children under 18 and nobody else (no spouse in the household)."""
    women = [p for p in members if p.age >= CHILD_AGE]
    if len(women) != 1:
        return False
    mother = women[0]
    children = [p for p in members if p is not mother]
    if mother.sex != "female" or mother.age >= ELDERLY_AGE or not children:
        return False
    own_child = "child" if mother.relation == "head" else None
    return all(p.age < CHILD_AGE and (own_child is None or p.relation == own_child) for p in children)


# --- reasons of starts and terminations -------------------------------------------------------------
# The survey's categories (被保護者調査 月次調査, 保護開始・廃止の主な理由). Hogo records the reason as the
# decision's free text; it is read by keywords, the first category whose word appears wins, and a text
# with none of them is その他. docs/reports/README.md says so.
START_REASONS = (
    ("illness", "傷病による", ("傷病", "入院", "病気", "疾病", "療養", "けが", "負傷")),
    ("care", "要介護状態", ("要介護", "介護")),
    (
        "earnings",
        "働きによる収入の減少・喪失",
        ("失業", "解雇", "離職", "退職", "収入の減少", "廃業", "倒産", "雇止め"),
    ),
    ("benefits", "社会保障給付金の減少・喪失", ("年金", "手当", "給付金", "雇用保険")),
    ("savings", "貯金等の減少・喪失", ("貯金", "預貯金", "預金", "手持金", "資産")),
    ("support", "仕送りの減少・喪失", ("仕送り", "援助")),
    ("separation", "離別等による収入の減少・喪失", ("離別", "離婚", "死別", "別居")),
    ("other", "その他", ()),
)
TERMINATION_REASONS = (
    ("death", "死亡", ("死亡", "死去", "逝去")),
    ("missing", "失そう", ("失踪", "失そう", "所在不明", "行方不明")),
    ("recovery", "傷病治癒", ("治癒", "回復", "退院")),
    ("earnings", "働きによる収入の増加・取得", ("就労", "就職", "収入の増加", "勤労収入", "稼働収入", "増収")),
    ("benefits", "社会保障給付金の増加", ("年金", "手当", "給付金", "雇用保険")),
    ("support", "仕送りの増加", ("仕送り",)),
    ("relatives", "親類・縁者等の引取り", ("引取", "引き取", "同居")),
    ("facility", "施設入所", ("施設入所", "入所")),
    ("moved", "転出（他の実施機関へ移管）", ("転出", "転居", "移管")),
    ("refusal", "辞退", ("辞退",)),
    ("other", "その他", ()),
)


def reason_of(text: str, categories=START_REASONS) -> str:
    """The category code of a free-text reason (the first whose keyword the text holds)."""
    text = text or ""
    for code, _label, words in categories:
        if any(word in text for word in words):
            return code
    return categories[-1][0]


def labels_of(categories) -> dict[str, str]:
    return {code: label for code, label, _words in categories}


# --- 扶助の種類 and age groups ------------------------------------------------------------------------
ASSISTANCE_KINDS = {
    "living": "生活扶助",
    "housing": "住宅扶助",
    "education": "教育扶助",
    "medical": "医療扶助",
    "care": "介護扶助",
    "maternity": "出産扶助",
    "occupational": "生業扶助",
    "funeral": "葬祭扶助",
}
COMPULSORY_SCHOOL = ("elementary", "junior_high")  # 教育扶助 is for 義務教育 (法第13条)
CARE_LEVELS = ("support_1", "support_2", "care_1", "care_2", "care_3", "care_4", "care_5")


def assistance_of_person(person_facts: dict, household_amounts: dict) -> set[str]:
    """The kinds of assistance one person counts under (扶助人員). `person_facts`: school_stage,
    medical_care, care_level of the member; `household_amounts`: the monthly amounts of the decision in
    force. 生活・住宅・生業扶助 are given to the household, so every member counts when the household
    receives them; 教育扶助 counts the children in 義務教育; 医療扶助 the members in treatment; 介護扶助 the
    members with a care level (要支援・要介護)."""
    kinds = {k for k in ("living", "housing", "occupational") if int(household_amounts.get(k, 0) or 0) > 0}
    if int(household_amounts.get("education", 0) or 0) > 0 and person_facts.get("school_stage") in COMPULSORY_SCHOOL:
        kinds.add("education")
    if person_facts.get("medical_care"):
        kinds.add("medical")
    if person_facts.get("care_level") in CARE_LEVELS:
        kinds.add("care")
    return kinds


AGE_GROUPS = (
    (0, "0〜5歳"),
    (6, "6〜14歳"),
    (15, "15〜19歳"),
    (20, "20〜39歳"),
    (40, "40〜64歳"),
    (65, "65〜74歳"),
    (75, "75歳以上"),
)
SIZE_GROUPS = ((1, "1人"), (2, "2人"), (3, "3人"), (4, "4人以上"))


def age_group(age: int) -> str:
    return [label for start, label in AGE_GROUPS if age >= start][-1]


def size_group(size: int) -> str:
    return [label for start, label in SIZE_GROUPS if size >= start][-1] if size >= 1 else SIZE_GROUPS[0][1]


# --- months ----------------------------------------------------------------------------------------


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def previous_month(month: date) -> date:
    return (month.replace(day=1) - timedelta(days=1)).replace(day=1)


def last_months(month: date, count: int) -> list[date]:
    """`count` months ending with `month`, oldest first."""
    months = [month.replace(day=1)]
    while len(months) < count:
        months.insert(0, previous_month(months[0]))
    return months


def parse_month(text: str, field_name: str = "month") -> date:
    """ "2026-11" → 2026-11-01, or RuleError naming the field."""
    try:
        year, month = (int(part) for part in (text or "").strip().split("-"))
        return date(year, month, 1)
    except (ValueError, TypeError):
        raise RuleError(field_name, f"対象月は 2026-11 のように YYYY-MM の形で指定してください（{text!r}）。") from None


def check_month(month: date, *, this_month: date, first_month: date | None, field_name: str = "month") -> None:
    """A month may be reported once it has begun and not before the office's first record."""
    if month > this_month.replace(day=1):
        raise RuleError(
            field_name, f"対象月（{month.year}年{month.month}月）はまだ来ていません。今月以前を指定してください。"
        )
    if first_month is not None and month < first_month.replace(day=1):
        raise RuleError(
            field_name,
            f"対象月（{month.year}年{month.month}月）はこの事務所の記録（{first_month.year}年{first_month.month}月から）より前です。",
        )


def annual_reference(month: date) -> date:
    """The 年次調査 is taken as of the end of July: of the month's year, or the year before when the
    month is before July (the latest July that has ended or is under way)."""
    year = month.year if month.month >= 7 else month.year - 1
    return date(year, 7, 1)


# --- suppression (秘匿) ------------------------------------------------------------------------------
SUPPRESSED = "秘匿"


def suppress(value: int, threshold: int) -> int | str:
    """A count of households below the office's threshold (0 = no suppression) is not shown. A zero
    is shown: it reveals nobody."""
    if threshold and 0 < value < threshold:
        return SUPPRESSED
    return value


@dataclass
class Table:
    """One table of a report: rows of labelled cells. `counts` says the cells count households or
    persons (those are suppressed below the threshold); money, rates and days are not."""

    key: str
    title: str
    columns: list[str]
    rows: list[tuple[str, list]] = field(default_factory=list)
    counts: bool = True
    note: str = ""

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "columns": self.columns,
            "rows": [[label, list(values)] for label, values in self.rows],
            "counts": self.counts,
            "note": self.note,
        }


def suppressed_rows(table: dict, threshold: int) -> list[tuple[str, list]]:
    """The table's rows as shown: counts below the threshold as 秘匿 (ints only)."""
    if not threshold or not table.get("counts"):
        return [(label, values) for label, values in table["rows"]]
    return [
        (label, [suppress(v, threshold) if isinstance(v, int) and not isinstance(v, bool) else v for v in values])
        for label, values in table["rows"]
    ]


def percent(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None
