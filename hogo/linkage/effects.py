"""What one matched row changes, per source (issue 18 item 2, decision 0029).

Each function compares the row with what is recorded for the member and returns an `Effect`: nothing
(the recorded facts already say it), facts to record (insert-only incomes and circumstances, member
fields), and the day from which the household's amounts may change. Nothing is saved here; the
pipeline (`services.py`) saves all effects of a file in bulk and drafts the decisions.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from hogo.common.wareki import wareki, wareki_month
from hogo.decisions.facts import facts_in_force
from hogo.households import income_rules
from hogo.households.models import (
    CareLevel,
    Circumstance,
    CircumstanceDocument,
    CircumstanceKind,
    DisabilityKind,
    Income,
    IncomeKind,
    Member,
    SourceDocument,
)

from . import layouts

# 国民年金法第18条第3項・厚生年金保険法第36条第3項: pensions are paid in February, April, June,
# August, October and December, two months at a time.
PENSION_INTERVAL = 2
PENSION_PAYER = "日本年金機構"
# what an entry that ends an income keeps of it (the rest: a new id, the end month, who and when)
COPIED = (
    "member_id",
    "kind",
    "detail",
    "payer",
    "monthly_amount",
    "payment_amount",
    "payment_interval",
    "income_tax",
    "resident_tax",
    "social_insurance",
    "commuting",
    "other_expenses",
    "new_job",
    "since",
    "source_document",
)


@dataclass
class Effect:
    change: str = ""  # what changes, in words (the row's 変更の内容 and the decision's reason)
    incomes: list[Income] = field(default_factory=list)
    circumstances: list[Circumstance] = field(default_factory=list)
    member_fields: dict = field(default_factory=dict)  # Member fields to set
    amounts_from: date | None = None  # the day the household's amounts may change
    problem: str = ""  # the row cannot be applied: an exception for the CW

    @property
    def changes_anything(self) -> bool:
        return bool(self.incomes or self.circumstances or self.member_fields)


@dataclass
class State:
    """What is recorded for the members of a file's rows (loaded once per file)."""

    incomes: dict[int, list[Income]]  # current pension incomes by member id
    circumstances: dict[int, list[dict]]  # by member id, the rows facts_in_force reads
    members: dict[int, Member]
    starts: dict[int, date | None]  # the household's first month of assistance
    pension_rounding: str


def _before_start(month: date, household_id: int, state: State) -> str:
    start = state.starts.get(household_id)
    if start is not None and month < start:
        return f"適用月（{wareki_month(month)}）が保護の開始（{wareki_month(start)}）より前です"
    return ""


def _month_of(day: date) -> date:
    return day.replace(day=1)


def pension(values: dict, member: Member, state: State, actor) -> Effect:
    """改定: the pension of this kind is recognised at the new amount from the revision month; the
    entry before it ends the month before (a correction, so what was recognised stays visible)."""
    month, kind = values["revision_month"], values["pension_kind"]
    if problem := _before_start(month, member.household_id, state):
        return Effect(problem=problem)
    monthly = income_rules.monthly_from_payment(values["payment_amount"], PENSION_INTERVAL, state.pension_rounding)
    own = state.incomes.get(member.pk, [])
    if any(i.detail == kind and _month_of(i.since) > month for i in own):
        return Effect(problem=f"{kind}は改定月より後の月から既に認定されています")
    covering = [i for i in own if _month_of(i.since) <= month and (i.until is None or i.until >= month)]
    same = [i for i in covering if i.detail == kind] or [i for i in covering if not i.detail]
    if len(same) > 1:
        return Effect(problem=f"{kind}に当たる年金の収入が複数登録されていて、どれの改定か決められません")
    old = same[0] if same else None
    if old is not None and old.monthly_amount == monthly:
        return Effect(change=f"{kind} 月額 {monthly:,}円（変更なし）")
    new = Income(
        member=member,
        kind=IncomeKind.PENSION,
        detail=kind,
        payer=values.get("payer") or (old.payer if old else "") or PENSION_PAYER,
        monthly_amount=monthly,
        payment_amount=values["payment_amount"],
        payment_interval=PENSION_INTERVAL,
        since=month,
        source_document=SourceDocument.LINKAGE,
        note=f"情報連携の年金データ（年額 {values['annual_amount']:,}円・{wareki_month(month)}改定）",
        recorded_by=actor,
    )
    incomes = [new]
    if old is not None and _month_of(old.since) == month:
        new.supersedes = old
    elif old is not None:
        kept = {f.attname: getattr(old, f.attname) for f in Income._meta.concrete_fields if f.attname in COPIED}
        ended = Income(
            **kept,
            # the month before; an entry recorded from a day (not a 1st) of that month ends on that day
            until=max((month - timedelta(days=1)).replace(day=1), old.since),
            supersedes=old,
            note=f"{wareki_month(month)}の年金改定により、その前月で認定を終了",
            recorded_by=actor,
        )
        incomes.insert(0, ended)
    # a later row of the file (another kind of the same person) sees this revision, so an entry
    # recorded without its kind is superseded once, not once per row
    state.incomes[member.pk] = [i for i in own if i is not old] + incomes
    before = f"{old.monthly_amount:,}円" if old else "なし"
    return Effect(
        change=f"{wareki_month(month)}から {kind} 月額 {before} → {monthly:,}円",
        incomes=incomes,
        amounts_from=month,
    )


def _premium_in_force(member: Member, month: date, state: State) -> int | None:
    fact = facts_in_force(state.circumstances.get(member.pk, []), month).get((CircumstanceKind.CARE_PREMIUM, member.pk))
    return fact["amount"] if fact else None


def care_premium(values: dict, member: Member, state: State, actor) -> Effect:
    """普通徴収: 介護保険料加算 at the monthly amount from the month; 特別徴収: the insurer deducts the
    premium from the pension, so no 加算 — one in force ends (amount 0) from the month."""
    month = values["month"]
    if problem := _before_start(month, member.household_id, state):
        return Effect(problem=problem)
    current = _premium_in_force(member, month, state)
    if values["collection"] == layouts.DEDUCTED:
        if not current:
            return Effect(change="特別徴収（年金から差し引き）: 介護保険料加算はありません（記録のみ）")
        amount, change = 0, f"{wareki_month(month)}から 特別徴収に変わったため介護保険料加算 {current:,}円を終了"
    else:
        amount = values["monthly_amount"]
        if current == amount:
            return Effect(change=f"介護保険料（普通徴収）月額 {amount:,}円（変更なし）")
        before = f"{current:,}円" if current is not None else "なし"
        change = f"{wareki_month(month)}から 介護保険料加算（普通徴収）月額 {before} → {amount:,}円"
    fact = Circumstance(
        household_id=member.household_id,
        member=member,
        kind=CircumstanceKind.CARE_PREMIUM,
        amount=amount,
        effective_from=month,
        source_document=CircumstanceDocument.LINKAGE,
        note=f"介護保険の保険料データ（第{values['stage']}段階・年額 {values['annual_amount']:,}円）",
        recorded_by=actor,
    )
    return Effect(change=change, circumstances=[fact], amounts_from=month)


def care_certification(values: dict, member: Member, state: State, actor) -> Effect:
    """要介護認定: the member's care level and the end of the certification (the follow-up's date)."""
    level, until = values["care_level"], values["valid_until"]
    if member.care_level == level and member.care_certified_until == until:
        return Effect(change="要介護認定（変更なし）")
    label = dict(CareLevel.choices)
    before = label.get(member.care_level, "") or "なし"
    after = label.get(level, "") or "非該当"
    return Effect(
        change=f"要介護度 {before} → {after}（有効期間 {wareki(values['valid_from'])}〜{wareki(until)}）",
        member_fields={"care_level": level, "care_certified_until": until},
    )


def _grade_in_force(member: Member, day: date, state: State) -> tuple[str, str]:
    fact = facts_in_force(state.circumstances.get(member.pk, []), day).get((CircumstanceKind.DISABILITY, member.pk))
    if fact:
        return fact["certificate"], fact["grade"]
    return member.disability_kind, member.disability_grade


def disability_certificate(values: dict, member: Member, state: State, actor) -> Effect:
    """障害者手帳: the member's certificate and its renewal date; a new kind or grade is a dated fact
    (障害者加算 follows it) from the first day of the month of issue (decision 0029)."""
    certificate, grade = values["certificate"], values["grade"]
    until = values.get("valid_until")
    month = values["issued_on"].replace(day=1)
    # the member's own kind and grade stay as they were: they count where no dated fact does, so
    # writing the new grade there would give 障害者加算 for the months before the certificate
    fields = {}
    if until and member.disability_certificate_until != until:
        fields["disability_certificate_until"] = until
    label = DisabilityKind(certificate).label
    if _grade_in_force(member, month, state) == (certificate, grade):
        if not fields:
            return Effect(change=f"{label} {grade}（変更なし）")
        return Effect(change=f"{label} {grade}（有効期限 {wareki(until) if until else 'なし'}）", member_fields=fields)
    if problem := _before_start(month, member.household_id, state):
        return Effect(problem=problem)
    kind_before, grade_before = _grade_in_force(member, month, state)
    before = f"{DisabilityKind(kind_before).label if kind_before else ''} {grade_before}".strip() or "なし"
    fact = Circumstance(
        household_id=member.household_id,
        member=member,
        kind=CircumstanceKind.DISABILITY,
        certificate=certificate,
        grade=grade,
        effective_from=month,
        source_document=CircumstanceDocument.LINKAGE,
        note=f"障害福祉のデータ（{wareki(values['issued_on'])}交付）",
        recorded_by=actor,
    )
    return Effect(
        change=f"{wareki_month(month)}から {label} {before} → {grade}",
        circumstances=[fact],
        member_fields=fields,
        amounts_from=month,
    )


BY_SOURCE = {
    layouts.PENSION: pension,
    layouts.CARE_PREMIUM: care_premium,
    layouts.CARE_CERTIFICATION: care_certification,
    layouts.DISABILITY_CERTIFICATE: disability_certificate,
}


def effective_day(source: str, values: dict) -> date:
    """The day a row's data takes effect (a member who left before it is not the row's person)."""
    if source == layouts.PENSION:
        return values["revision_month"]
    if source == layouts.CARE_PREMIUM:
        return values["month"]
    if source == layouts.CARE_CERTIFICATION:
        return values["valid_from"]
    if source == layouts.DISABILITY_CERTIFICATE:
        return values["issued_on"].replace(day=1)
    return values["moved_on"]
