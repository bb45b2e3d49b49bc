"""`calculate(household) -> Calculation`: minimum cost of living, recognised income, need test
and monthly benefit by 扶助, with one explanation line per figure naming its rule and source."""

import calendar
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from hogo.common.wareki import wareki

from .inputs import REGION_LABELS, HouseholdInput, InputError
from .rules import (
    GRADE_GROUP,
    age_band,
    class1_scaled,
    end_of_child_period,
    legal_age,
    prorate,
    rate_fraction,
    school_stage,
    winter_special_scaled,
)
from .standards import Snapshot, Standards, StandardsError, Version, load_standards

GRADE_INDEX = {"1-1": 0, "1-2": 1, "2-1": 2, "2-2": 3, "3-1": 4, "3-2": 5}
HOUSING_BANDS = ("1人", "2人", "3〜5人", "6人", "7人以上")
ASSISTANCE_LABELS = {
    "living": "生活扶助",
    "year_end": "期末一時扶助",
    "education": "教育扶助",
    "housing": "住宅扶助",
    "occupational": "生業扶助",
    "care": "介護扶助",
    "medical": "医療扶助",
}
INCOME_LABELS = {
    "pension": "年金",
    "allowance": "手当",
    "support": "仕送り",
    "child_support": "養育費",
    "other": "その他の収入",
}
SCHOOL_ITEMS = {
    "elementary": ("education", "教育扶助（小学校 基準額）"),
    "junior_high": ("education", "教育扶助（中学校 基準額）"),
    "high_school": ("occupational", "生業扶助（高等学校等就学費 基本額）"),
}


class Line(NamedTuple):
    """One figure of the explanation. `how` is the working as text, or a function that writes
    it: formatting waits until someone reads the explanation."""

    code: str
    label: str
    amount: int
    how: object
    source: str
    verified: bool
    member: str | None = None
    ref: str = ""  # the standards version the source is: "component@effective_from"

    @property
    def working(self) -> str:
        return self.how() if callable(self.how) else self.how


@dataclass(slots=True)
class Calculation:
    as_of: date
    standards: dict[str, str]
    living_base: int
    additions: list[dict]
    winter_addition: int
    year_end_allowance: int
    living_total: int
    housing: int
    education: int
    occupational: int
    medical: int
    care: int
    minimum_cost_of_living: int
    recognized_income: int
    income_by_member: dict[str, dict[str, int]]
    need: bool
    benefit_by_assistance: dict[str, int]
    benefit: int
    lines: list[Line] = field(default_factory=list)
    unconfirmed_items: list[tuple[str, str, str]] = field(default_factory=list)  # (label, note, version ref)

    @property
    def unconfirmed(self) -> list[str]:
        """Each value or rule used that is not confirmed against a primary source, once."""
        return list(dict.fromkeys(f"{label}: {note}" for label, note, _ in self.unconfirmed_items))

    @property
    def standards_version(self) -> str:
        return max(self.standards.values())

    def as_dict(self) -> dict:
        return self._as(
            explanation=[
                {
                    "code": line.code,
                    "label": line.label,
                    "member": line.member,
                    "amount": line.amount,
                    "working": line.working,
                    "source": line.source,
                    "verified": line.verified,
                }
                for line in self.lines
            ]
        )

    def as_record(self) -> dict:
        """The same as `as_dict`, for storing many: a line's source is the standards version it came
        from ("component@effective_from", listed once in `sources`), whose citation and note the
        data files keep for good (versions are added, never rewritten); `expand_record` writes them
        out again."""
        sources: dict[str, int] = {}
        lines = [
            {
                "code": line.code,
                "label": line.label,
                "member": line.member,
                "amount": line.amount,
                "working": line.working,
                "source": sources.setdefault(line.ref, len(sources)),
                "verified": line.verified,
            }
            for line in self.lines
        ]
        unconfirmed = list(
            dict.fromkeys((label, sources.setdefault(ref, len(sources))) for label, _, ref in self.unconfirmed_items)
        )
        return {**self._as(explanation=lines), "unconfirmed": unconfirmed, "sources": list(sources)}

    def _as(self, explanation: list[dict]) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            "standards_version": self.standards_version,
            "standards": self.standards,
            "living_assistance": {"base": self.living_base, "additions": self.additions, "total": self.living_total},
            "winter_addition": self.winter_addition,
            "year_end_allowance": self.year_end_allowance,
            "housing_assistance": self.housing,
            "education_assistance": self.education,
            "occupational_assistance": self.occupational,
            "medical_assistance": self.medical,
            "care_assistance": self.care,
            "minimum_cost_of_living": self.minimum_cost_of_living,
            "recognized_income": {"total": self.recognized_income, "by_member": self.income_by_member},
            "need": self.need,
            "benefit": {"total": self.benefit, "by_assistance": self.benefit_by_assistance},
            "unconfirmed": self.unconfirmed,
            "explanation": explanation,
        }


def expand_record(record: dict, standards: Standards | None = None) -> dict:
    """A stored calculation (`Calculation.as_record`) with its sources and notes written out again."""
    refs = record.get("sources")
    if refs is None:
        return record
    standards = standards or load_standards()
    versions = [standards.by_ref(ref) for ref in refs]
    lines = [{**line, "source": versions[line["source"]].citation} for line in record["explanation"]]
    unconfirmed = [f"{label}: {versions[i].note or '一次資料で未確認'}" for label, i in record.get("unconfirmed", [])]
    return {**{k: v for k, v in record.items() if k != "sources"}, "explanation": lines, "unconfirmed": unconfirmed}


class _Book:
    """Collects the explanation lines; an unverified value is also listed as unconfirmed."""

    __slots__ = ("lines", "unconfirmed")

    def __init__(self):
        self.lines: list[Line] = []
        self.unconfirmed: list[tuple[str, str, str]] = []

    def add(
        self, code, label, amount, how, version: Version, verified: bool | None = None, member=None, rests_on=()
    ) -> int:
        """`rests_on`: (label, version) of further rules the figure depends on (cited in `how`); the line
        is verified only when they are too, and each unverified one is listed under its own label."""
        ok = version.verified if verified is None else verified
        extra = [(name, v) for name, v in rests_on if not v.verified]
        self.lines.append(Line(code, label, amount, how, version.citation, ok and not extra, member, version.ref))
        if not ok:
            self.unconfirmed.append((label, version.note or "一次資料で未確認", version.ref))
        for name, v in extra:
            self.unconfirmed.append((name, v.note or "一次資料で未確認", v.ref))
        return amount


def calculate(household: HouseholdInput, standards: Standards | None = None) -> Calculation:
    standards = standards or load_standards()
    on = household.as_of
    try:
        snap = standards.snapshot(on)
    except StandardsError:
        raise InputError("as_of", f"{wareki(standards.earliest)}より前の基準はありません") from None
    region = _winter_region(household, snap)
    book = _Book()
    rules = snap.rules
    reference_day = on.replace(day=1) if rules.values["age_reference_day"] == "first_day_of_month" else on
    ages = {m.id: legal_age(m.birth_date, reference_day) for m in household.members}
    # a member in hospital past the month rule lives on 入院患者日用品費, one in a 介護施設 on 介護施設入所者
    # 基本生活費; the 居宅 standard (第1類・第2類・逓減率・冬季加算・期末一時扶助・加算) is for the rest
    inpatients = [m for m in household.members if m.hospitalised or m.care_facility_allowance is not None]
    at_home = (
        replace(
            household,
            members=tuple(m for m in household.members if not m.hospitalised and m.care_facility_allowance is None),
        )
        if inpatients
        else household
    )
    size = len(at_home.members)

    living_base = _living_base(book, snap, at_home, ages, size) if size else 0
    additions = (_additions(book, snap, at_home) if size else []) + _inpatient_items(book, snap, inpatients)
    winter = _winter(book, snap, at_home, size, region) if size else 0
    year_end = _year_end(book, snap, at_home, size) if size else 0
    # 期末一時扶助 is December's one-time item, kept apart from the monthly living assistance
    living_total = living_base + sum(a["amount"] for a in additions) + winter
    if household.period is not None:
        living_total = _prorated_living(book, snap, household, living_total)
    housing = _housing(book, snap, household, len(household.members))
    education, occupational = _schooling(book, snap, household, ages)
    medical, care = household.medical, household.care
    if medical:
        book.add("medical", "医療扶助（実費）", medical, "入力された実費", rules, verified=True)
    if care:
        book.add("care", "介護扶助（実費）", care, "入力された実費", rules, verified=True)
    mcl = living_total + year_end + housing + education + occupational + medical + care
    book.add(
        "minimum_cost_of_living",
        "最低生活費",
        mcl,
        lambda: (
            f"生活扶助 {living_total:,}"
            + (f" + 期末一時扶助 {year_end:,}" if year_end else "")
            + f" + 住宅扶助 {housing:,} + 教育扶助 {education:,} + 生業扶助 {occupational:,}"
            f" + 医療扶助 {medical:,} + 介護扶助 {care:,}"
        ),
        rules,
        verified=True,
    )

    income_by_member = _recognized_income(book, snap, household, ages)
    recognized = sum(sum(kinds.values()) for kinds in income_by_member.values())
    book.add(
        "recognized_income",
        "収入充当額（認定収入の合計）",
        recognized,
        "世帯員ごとの認定額の合計",
        rules,
        verified=True,
    )

    need = mcl > recognized
    requirement = {
        "living": living_total,
        "year_end": year_end,
        "education": education,
        "housing": housing,
        "occupational": occupational,
        "care": care,
        "medical": medical,
    }
    remaining = recognized
    benefit_by = {}
    for kind in rules.values["income_allocation_order"]:
        covered = min(remaining, requirement[kind])
        remaining -= covered
        benefit_by[kind] = requirement[kind] - covered
    benefit = sum(benefit_by.values())
    book.add(
        "need",
        "要否判定",
        int(need),
        lambda: (
            f"最低生活費 {mcl:,}円 {'>' if need else '≦'} 収入充当額 {recognized:,}円 → {'要保護' if need else '否'}"
        ),
        rules,
        verified=True,
    )
    book.add(
        "benefit",
        "扶助額（月額）",
        benefit,
        lambda: (
            "収入を "
            + "→".join(ASSISTANCE_LABELS[k] for k in rules.values["income_allocation_order"])
            + " の順に充当した残り"
        ),
        rules,
    )
    # `standards` is the snapshot's own dict, shared by every calculation on that day: read it, never change it
    return Calculation(
        as_of=on,
        standards=snap.used,
        living_base=living_base,
        additions=additions,
        winter_addition=winter,
        year_end_allowance=year_end,
        living_total=living_total,
        housing=housing,
        education=education,
        occupational=occupational,
        medical=medical,
        care=care,
        minimum_cost_of_living=mcl,
        recognized_income=recognized,
        income_by_member=income_by_member,
        need=need,
        benefit_by_assistance=benefit_by,
        benefit=benefit,
        lines=book.lines,
        unconfirmed_items=book.unconfirmed,
    )


def _sized(table: dict, size: int):
    """A household-size value from a table keyed "1"…"n", with "10+" for ten people and more or
    "per_person_over" added for each person above the largest size; None when the table has no answer."""
    key = str(size)
    if key in table:
        return table[key]
    if size >= 10 and "10+" in table:
        return table["10+"]
    if "per_person_over" in table:
        largest = max(int(k) for k in table if k.isdigit())
        if size > largest:
            return table[str(largest)] + table["per_person_over"] * (size - largest)
    return None


def _by_size(version: Version, size: int) -> tuple[object, bool]:
    """A household-size value; sizes beyond the verified table come from `unverified_values`
    (and are reported as unconfirmed)."""
    value = _sized(version.values, size)
    if value is not None:
        return value, True
    return _sized(version.unverified_values, size), False


_LIVING_CACHE_LIMIT = 100_000


def _living_base(book: _Book, snap: Snapshot, h: HouseholdInput, ages: dict, size: int) -> int:
    """生活扶助本体 = 第1類×逓減率 + 第2類 + 特例加算 + 経過的加算.

    It depends only on the versions in force, the 級地 and the members' age bands, so the result
    and its explanation lines are memoised per snapshot: a whole office shares few combinations."""
    bands = tuple(age_band(ages[m.id]) for m in h.members)
    key = (h.grade_area, bands)
    cache = snap.memo
    hit = cache.get(key)
    if hit is None:
        sub = _Book()
        hit = (_living_base_uncached(sub, snap, h.grade_area, bands, size), tuple(sub.lines), tuple(sub.unconfirmed))
        if len(cache) >= _LIVING_CACHE_LIMIT:
            cache.clear()
        cache[key] = hit
    base, lines, unconfirmed = hit
    book.lines.extend(lines)
    book.unconfirmed.extend(unconfirmed)
    return base


def _living_base_uncached(book: _Book, snap: Snapshot, grade: str, bands: tuple, size: int) -> int:
    class1, scale, class2 = snap.class1, snap.scale_down, snap.class2
    special, transitional = snap.special_addition, snap.transitional
    table1 = class1.values
    class1_total = sum(table1[band][grade] for band in bands)
    book.add(
        "class1",
        "第1類（個人別の合計）",
        class1_total,
        " + ".join(f"{band}歳 {table1[band][grade]:,}" for band in bands),
        class1,
    )
    rate_text, rate_ok = _by_size(scale, size)
    scaled = class1_scaled(class1_total, rate_fraction(rate_text))
    book.add(
        "class1_scaled",
        "第1類×逓減率",
        scaled,
        f"{class1_total:,} × {rate_text}（{size}人）= {Decimal(class1_total) * Decimal(rate_text):,}"
        f" → {snap.rules.values['class1_scale_rounding']}",
        scale,
        verified=rate_ok,
    )
    class2_amount, class2_ok = _by_size(class2, size)
    book.add("class2", f"第2類（{size}人世帯）", class2_amount, "世帯人員別の額", class2, verified=class2_ok)
    per_person = special.values["per_person"]
    special_amount = per_person * size
    book.add("special", "特例加算", special_amount, f"{per_person:,}円 × {size}人", special)
    trans_total = 0
    if transitional.values is None:
        book.add("transitional", "経過的加算", 0, "この期間の表が未確認のため 0円として計算", transitional)
    else:
        table = _sized(transitional.values, size)
        if table is None:
            book.add(
                "transitional",
                "経過的加算",
                0,
                f"{size}人世帯の表は資料にないため 0円として計算",
                transitional,
                verified=False,
            )
        else:
            trans_total = sum(table[band][grade] for band in bands)
            book.add(
                "transitional",
                "経過的加算",
                trans_total,
                " + ".join(f"{band}歳 {table[band][grade]:,}" for band in bands),
                transitional,
            )
    base = scaled + class2_amount + special_amount + trans_total
    book.add(
        "living_base",
        "生活扶助本体",
        base,
        f"{scaled:,} + {class2_amount:,} + {special_amount:,} + {trans_total:,}",
        class1,
        verified=True,
    )
    return base


def _children(h: HouseholdInput):
    """児童: a child or grandchild up to the first 31 March after the 18th birthday."""
    return [
        m for m in h.members if m.relation in ("child", "grandchild") and h.as_of <= end_of_child_period(m.birth_date)
    ]


def _additions(book: _Book, snap: Snapshot, h: HouseholdInput) -> list[dict]:
    group = GRADE_GROUP[h.grade_area]
    additions = []

    def add(code, label, member, amount, how, version, verified=None):
        additions.append({"code": code, "member": member, "amount": amount})
        book.add(code, label, amount, how, version, verified=verified, member=member)

    children = _children(h)
    if children:
        v = snap.child_rearing
        for child in children:
            add(
                "child_rearing",
                "児童養育加算",
                child.id,
                v.values["per_child"],
                lambda child=child: f"18歳到達後の最初の3月31日（{wareki(end_of_child_period(child.birth_date))}）まで",
                v,
            )

    disability = {m.id: m.disability for m in h.members if m.disability}
    child_ids = {c.id for c in children}
    adults = [m for m in h.members if m.id not in child_ids]
    if h.single_parent is not None:
        single_parent = h.single_parent and bool(children)
    else:
        # a parent bringing up children alone: one adult, no spouse, at least one child
        single_parent = bool(children) and len(adults) == 1 and not any(m.relation == "spouse" for m in h.members)
    if single_parent:
        v = snap.single_parent_addition
        amounts, n = v.values[group], len(children)
        amount = amounts["first"] + (amounts["second"] if n >= 2 else 0) + amounts["each_further"] * max(0, n - 2)
        parent = adults[0].id if adults else h.members[0].id
        rival = snap.disability_addition.values[disability[parent]][group] if parent in disability else 0
        if rival >= amount:
            book.add(
                "single_parent",
                "母子加算",
                0,
                f"障害者加算（{rival:,}円）と併給せず、高い方の障害者加算のみ",
                v,
                member=parent,
            )
        else:
            if rival:
                book.add(
                    "disability",
                    "障害者加算",
                    0,
                    f"母子加算（{amount:,}円）と併給せず、高い方の母子加算のみ",
                    snap.disability_addition,
                    member=parent,
                )
                del disability[parent]
            add("single_parent", "母子加算", parent, amount, lambda: f"児童{n}人、{group}級地", v)
    if disability:
        v = snap.disability_addition
        for member, level in disability.items():
            add(
                "disability",
                "障害者加算",
                member,
                v.values[level][group],
                lambda level=level: f"{'1・2級相当' if level == 'severe' else '3級相当'}、{group}級地",
                v,
            )
    for m in h.members:
        if m.pregnancy:
            v = snap.pregnancy_addition
            add(
                "pregnancy",
                "妊産婦加算",
                m.id,
                v.values[m.pregnancy][group],
                lambda m=m: f"{m.pregnancy}、{group}級地",
                v,
            )
        if m.care_insurance_premium:
            add(
                "care_premium",
                "介護保険料加算",
                m.id,
                m.care_insurance_premium,
                "介護保険料の実額",
                snap.rules,
                verified=True,
            )
    return additions


def _inpatient_items(book: _Book, snap: Snapshot, inpatients) -> list[dict]:
    """入院患者日用品費 for each member in hospital, 介護施設入所者基本生活費 for each member in a 介護施設
    (the monthly amount the office recognised: the 告示's amount is not in the data), and the 介護保険料加算
    they still owe. The 入院患者 amounts of 障害者加算 and 冬季加算 and the 介護施設入所者加算 are not
    modelled (see the standards files' notes)."""
    items = []
    for m in inpatients:
        if m.care_facility_allowance is not None:
            v = snap.care_facility_allowance
            code, amount = "care_facility_allowance", m.care_facility_allowance
            book.add(code, "介護施設入所者基本生活費", amount, "福祉事務所が認定した月額（入力）", v, member=m.id)
        else:
            v = snap.inpatient_allowance
            code, amount = "inpatient_allowance", v.values["monthly"]
            book.add(code, "入院患者日用品費", amount, "入院患者の基準生活費（級地による差なし）", v, member=m.id)
        items.append({"code": code, "member": m.id, "amount": amount})
        if m.care_insurance_premium:
            premium = m.care_insurance_premium
            book.add(
                "care_premium", "介護保険料加算", premium, "介護保険料の実額", snap.rules, verified=True, member=m.id
            )
            items.append({"code": "care_premium", "member": m.id, "amount": premium})
    return items


def winter_region_of(prefecture: str, on: date, standards: Standards | None = None) -> str | None:
    """The 冬季加算 region the 告示's 地区の区分 gives a prefecture (None for a name not in the table)."""
    standards = standards or load_standards()
    winter = standards.in_force("winter", max(on, standards.earliest))
    return winter.values["regions_by_prefecture"].get(prefecture)


def region_mismatch(prefecture: str, region: str, expected: str | None) -> str | None:
    """The message for a region that contradicts the prefecture, or None."""
    if expected is None or expected == region:
        return None
    return (
        f"{prefecture}は{REGION_LABELS[expected]}区です（保護の基準 別表第1 地区の区分）。"
        f"{REGION_LABELS[region]}区とは一致しません"
    )


def _winter_region(h: HouseholdInput, snap: Snapshot) -> str:
    """The 冬季加算 region is fixed by prefecture in the 告示 (地区の区分): taken from it when not given,
    and a region that contradicts the prefecture is refused."""
    expected = snap.winter.values["regions_by_prefecture"].get(h.prefecture)
    if h.winter_region is None:
        if expected is None:
            raise InputError("winter_region", f"指定してください（都道府県 {h.prefecture!r} から地区を決められません）")
        return expected
    problem = region_mismatch(h.prefecture, h.winter_region, expected)
    if problem:
        raise InputError("winter_region", problem)
    return h.winter_region


def _winter(book: _Book, snap: Snapshot, h: HouseholdInput, size: int, region: str) -> int:
    v = snap.winter
    if h.as_of.month not in v.values["months"][region]:
        return 0
    table = v.values["amounts"][region]

    def where() -> str:
        return f"{REGION_LABELS[region]}区（{v.values['period_text'][region]}）"

    if size <= 9:
        normal = table[str(size)]

        def how() -> str:
            return f"{where()}・{size}人（級地による差なし）"
    else:
        per_person = table["per_person_over_9"]
        normal = table["9"] + per_person * (size - 9)

        def how() -> str:
            return f"{where()}・9人の額 {table['9']:,} + {size - 9}人 × {per_person:,}（級地による差なし）"

    if not h.winter_special:
        return book.add("winter", "冬季加算", normal, how, v)
    special = snap.winter_special
    factor, round_to = special.values["factor"], special.values["round_to"]
    amount = winter_special_scaled(normal, rate_fraction(factor), round_to)
    return book.add(
        "winter",
        "冬季加算",
        amount,
        lambda: (
            f"{how()}、通常の額 {normal:,} × {factor} = {Decimal(normal) * Decimal(factor):,}"
            f" → {special.values['rounding']}（特別基準 ×{factor}）"
        ),
        v,
        rests_on=((f"冬季加算 特別基準（×{factor}）", special),),
    )


def _prorated_living(book: _Book, snap: Snapshot, h: HouseholdInput, monthly: int) -> int:
    """The living assistance for the days of the month the household is assisted (日割)."""
    start, end = h.period
    days = (end - start).days + 1
    days_in_month = calendar.monthrange(start.year, start.month)[1]
    if days == days_in_month:
        return monthly
    v = snap.proration
    amount = prorate(monthly, days, days_in_month)
    return book.add(
        "proration",
        "生活扶助の日割",
        amount,
        lambda: (
            f"{monthly:,}円 × {days}日 ÷ {days_in_month}日（{wareki(start)}〜{wareki(end)}）"
            f" → 1円未満切り上げ。住宅扶助・教育扶助・期末一時扶助は日割しない"
        ),
        v,
    )


def _year_end(book: _Book, snap: Snapshot, h: HouseholdInput, size: int) -> int:
    if h.as_of.month != 12:
        return 0
    v = snap.year_end
    index = GRADE_INDEX[h.grade_area]
    if size <= 9:
        return book.add("year_end", "期末一時扶助（12月）", v.values[str(size)][index], f"{size}人・{h.grade_area}", v)
    per_person = v.values["10+"][index]
    amount = v.values["9"][index] + per_person * (size - 9)
    return book.add("year_end", "期末一時扶助（12月）", amount, f"9人の額 + {size - 9}人 × {per_person:,}", v)


def _housing(book: _Book, snap: Snapshot, h: HouseholdInput, size: int) -> int:
    if not h.rent:
        return 0
    v = snap.housing
    band = 0 if size == 1 else 1 if size == 2 else 2 if size <= 5 else 3 if size == 6 else 4
    city = v.values["city"].get(h.municipality)
    if city is not None:
        limit, where = city[band], h.municipality
    else:
        group = GRADE_GROUP[h.grade_area]
        by_grade = v.values["prefecture"].get(h.prefecture, {})
        if group not in by_grade:
            raise InputError("prefecture", f"{h.prefecture} の {group}級地の住宅扶助限度額がありません")
        limit, where = by_grade[group][band], f"{h.prefecture} {group}級地"
    amount = min(h.rent, limit)
    return book.add(
        "housing",
        "住宅扶助",
        amount,
        lambda: f"家賃 {h.rent:,}円、限度額 {limit:,}円（{where}・{HOUSING_BANDS[band]}）の低い方",
        v,
    )


def _schooling(book: _Book, snap: Snapshot, h: HouseholdInput, ages: dict) -> tuple[int, int]:
    totals = {"education": 0, "occupational": 0}
    for m in h.members:
        if m.school_stage is None and ages[m.id] > 19:
            continue  # past school age: no need to work out the school year
        stage = m.school_stage or school_stage(m.birth_date, h.as_of)
        item = SCHOOL_ITEMS.get(stage)
        if item is None:
            continue
        v = snap.education
        kind, label = item
        totals[kind] += book.add(kind, label, v.values[stage], "学校段階の基準額", v, member=m.id)
    return totals["education"], totals["occupational"]


def basic_deduction(version: Version, gross: int, first: bool) -> int:
    """基礎控除 from the 次官通知 table by gross income; the whole income up to the first band."""
    rows = version.values["rows"]
    if gross <= rows[-1][1]:
        lows = _BAND_LOWS.get(id(rows))
        if lows is None:
            lows = _BAND_LOWS[id(rows)] = [row[0] for row in rows]
        _, _, first_amount, other_amount = rows[bisect_right(lows, gross) - 1]
        amount = first_amount if first else other_amount
        return gross if amount is None else amount
    over = version.values["over"]
    steps = (gross - over["from"]) // over["step"] + 1
    if first:
        return over["first_earner_base"] + steps * over["first_earner_add"]
    return over["other_earner_base"] + steps * over["other_earner_add"]


_BAND_LOWS: dict[int, list[int]] = {}  # lower bounds of each loaded table's bands, for bisect


def _recognized_income(book: _Book, snap: Snapshot, h: HouseholdInput, ages: dict) -> dict[str, dict[str, int]]:
    by_member: dict[str, dict[str, int]] = {}
    if not h.incomes:
        return by_member
    basic, others = snap.basic_deduction, snap.other_deductions
    employment = [i for i in h.incomes if i.kind == "employment"]
    first_earner = max(employment, key=lambda i: i.gross).member if employment else None
    relation = {m.id: m.relation for m in h.members}
    temporary_total = 0
    for inc in h.incomes:
        if inc.kind == "employment":
            first = inc.member == first_earner
            first_earner = None if first else first_earner  # only one first earner, even with two jobs
            deduction = basic_deduction(basic, inc.gross, first)
            book.add(
                "basic_deduction",
                "基礎控除",
                deduction,
                lambda inc=inc, first=first: f"総収入 {inc.gross:,}円、{'1人目' if first else '2人目以降'}の控除額",
                basic,
                member=inc.member,
            )
            new_job = others.values["new_job"] if inc.new_job else 0
            if new_job:
                book.add("new_job_deduction", "新規就労控除", new_job, "新規就労から6か月", others, member=inc.member)
            minor = 0
            if ages[inc.member] < 20 and relation[inc.member] not in ("head", "spouse"):
                minor = others.values["minor"]
                book.add("minor_deduction", "未成年者控除", minor, "20歳未満の就労者", others, member=inc.member)
            paid_out = inc.tax + inc.social_insurance + inc.commuting + inc.expenses
            net = max(0, inc.gross - paid_out - deduction - new_job - minor)
            book.add(
                "income_employment",
                "就労収入の認定額",
                net,
                lambda inc=inc, deduction=deduction, new_job=new_job, minor=minor: (
                    f"{inc.gross:,} − 税 {inc.tax:,} − 社会保険料 {inc.social_insurance:,} − 通勤費 {inc.commuting:,}"
                    + (f" − その他の必要経費 {inc.expenses:,}" if inc.expenses else "")
                    + f" − 基礎控除 {deduction:,}"
                    + (f" − 新規就労控除 {new_job:,}" if new_job else "")
                    + (f" − 未成年者控除 {minor:,}" if minor else "")
                ),
                basic,
                verified=True,
                member=inc.member,
            )
            _credit(by_member, inc.member, "employment", net)
        elif inc.kind == "temporary":
            temporary_total += inc.gross
            _credit(by_member, inc.member, "temporary", inc.gross)
        else:
            book.add(
                f"income_{inc.kind}",
                f"{INCOME_LABELS[inc.kind]}（全額認定）",
                inc.gross,
                "実際の受給額を全額認定",
                others,
                verified=True,
                member=inc.member,
            )
            _credit(by_member, inc.member, inc.kind, inc.gross)
    if temporary_total:
        exempt = min(temporary_total, others.values["temporary_exempt"])
        book.add(
            "income_temporary",
            "臨時的収入",
            temporary_total - exempt,
            f"世帯合計 {temporary_total:,}円のうち {exempt:,}円を除く",
            others,
            verified=True,
        )
        for kinds in by_member.values():  # the exempt part comes off the members' temporary income in order
            if exempt and kinds.get("temporary"):
                take = min(kinds["temporary"], exempt)
                kinds["temporary"] -= take
                exempt -= take
    return by_member


def _credit(by_member, member, kind, amount):
    kinds = by_member.setdefault(member, {})
    kinds[kind] = kinds.get(kind, 0) + amount
