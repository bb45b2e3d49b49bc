"""From a change of circumstances to a decision (issue 15 item 4, decision 0018).

For a household and the day a change takes effect: run the engine on every fact in force that day,
compare with the decision in force line by line (per 扶助 and in total, and for that month what the
ledger owes — 日割 when the day is not the 1st, the ledger's rule), and draft ONE change decision only
when an amount changes. Several changes in one month make one decision because the draft is computed
from all the facts in force that day. While a draft of the household waits for approval nothing is
drafted: the refusal names the waiting draft (decision 0018).

`compare_facts` is the pure core the mass recalculation (`recalc.py`) shares; `build_draft` and
`save_drafts` are the writing part both use; `draft_changes` is the bulk form for many households.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from hogo.audit.models import Action
from hogo.audit.services import Event, record, record_many
from hogo.benefits.engine import Calculation, InputError, calculate, load_standards, parse_household
from hogo.common.wareki import wareki, wareki_month
from hogo.households import services as household_services
from hogo.households.models import Circumstance, CircumstanceKind, Household, Income, Member
from hogo.households.scoping import editable_among, may_edit

from . import ledger, periods, services
from .age_rules import age_events
from .facts import addressee_from, engine_input, engine_input_from, load_rows
from .models import Decision, DecisionKind, DecisionStatus, NeedTest

NO_DECISION_IN_FORCE = "適用日に開始・変更の決定がない"


@dataclass(frozen=True)
class Line:
    """One row of a before/after table: a 扶助 (or the total) under the decision in force and recomputed."""

    code: str
    label: str
    before: int
    after: int

    @property
    def change(self) -> int:
        return self.after - self.before


def _paid(amounts: dict) -> dict:
    """Amounts by 扶助 without the zero ones (a 0 and a missing 扶助 are the same amount)."""
    return {k: int(v) for k, v in (amounts or {}).items() if v}


def in_force_on(history: list[ledger.Approved], day: date) -> ledger.Approved | None:
    """The approved decision in force on `day`: the latest effective by then, the last approved of a tie."""
    current = None
    for decision in sorted(history, key=lambda d: d.effective_from):  # stable: approval order within a day
        if decision.effective_from <= day:
            current = decision
    return current


@dataclass
class Comparison:
    """The household recomputed for the day a change takes effect, against the decision in force."""

    effective_from: date
    history: list[ledger.Approved]
    in_force: ledger.Approved | None = None
    calc: Calculation | None = None
    facts: dict | None = None
    amounts: dict = field(default_factory=dict)  # the new monthly amounts by 扶助
    one_time: dict = field(default_factory=dict)  # December's 期末一時扶助, as a decision carries it
    problem: str = ""

    @property
    def month(self) -> date:
        return self.effective_from.replace(day=1)

    @property
    def carried(self) -> dict:
        """The one-time items the decision in force carries for this month."""
        one_time = (self.in_force.one_time if self.in_force else None) or {}
        return one_time if one_time.get("month") == f"{self.month.year}-{self.month.month:02d}" else {}

    @property
    def changed(self) -> bool:
        if self.problem or self.in_force is None:
            return False
        return _paid(self.amounts) != _paid(self.in_force.amounts) or self.one_time != self.carried

    @property
    def old_total(self) -> int:
        return sum(_paid(self.in_force.amounts).values()) if self.in_force else 0

    @property
    def new_total(self) -> int:
        return sum(self.amounts.values())

    @property
    def prorated(self) -> bool:
        """A change from a day other than the 1st: the month is split (日割, the ledger's rule)."""
        return self.effective_from.day != 1

    def monthly_lines(self) -> list[Line]:
        """Per 扶助 (those with an amount before or after) and the total: the monthly amounts."""
        before, after = _paid(self.in_force.amounts if self.in_force else {}), _paid(self.amounts)
        lines = [
            Line(code, label, before.get(code, 0), after.get(code, 0))
            for code, label in services.ASSISTANCE_ROWS
            if before.get(code) or after.get(code)
        ]
        return [*lines, Line("total", "合計（月額）", self.old_total, self.new_total)]

    def month_lines(self) -> list[Line]:
        """What the ledger owes for the month the change takes effect, without and with the change
        (日割 for the days before and after a mid-month day; December's one-time item as its own line)."""
        draft = ledger.Approved(0, DecisionKind.CHANGE, self.effective_from, self.amounts, self.one_time)
        before = ledger.owed_for(self.history, self.month)
        after = ledger.owed_for([*self.history, draft], self.month)
        lines = [
            Line(code, label, before.owed.get(code, 0), after.owed.get(code, 0))
            for code, label in services.ASSISTANCE_ROWS
            if before.owed.get(code) or after.owed.get(code)
        ]
        lines += [
            Line(code, label, before.one_time.get(code, 0), after.one_time.get(code, 0))
            for code, label in services.ONE_TIME_LABELS.items()
            if before.one_time.get(code) or after.one_time.get(code)
        ]
        return [*lines, Line("total", f"{wareki_month(self.month)}分の合計", before.total, after.total)]


def compare_facts(facts: dict, history: list[ledger.Approved], effective_from: date, standards=None) -> Comparison:
    """Recompute the engine `facts` for `effective_from` and compare with the decision in force among
    `history` (approved decisions in approval order). No database access."""
    comparison = Comparison(effective_from, history, in_force_on(history, effective_from), facts=facts)
    if comparison.in_force is None or comparison.in_force.kind not in ledger.PAYING:
        comparison.problem = NO_DECISION_IN_FORCE
        return comparison
    try:
        comparison.calc = calculate(parse_household(facts), standards)
        periods.check_fits(DecisionKind.CHANGE, effective_from, [(d.kind, d.effective_from) for d in history])
    except (InputError, ValueError) as exc:
        comparison.problem = str(exc)[:200]
        return comparison
    by_assistance = comparison.calc.benefit_by_assistance
    comparison.amounts = services.monthly_amounts(by_assistance)
    # in December the 期末一時扶助 is a change too, unless the decision in force carries it (decision 0016)
    comparison.one_time = services.one_time_items(by_assistance, effective_from, effective_from)
    return comparison


def approved_by_household(household_ids) -> dict[int, list[ledger.Approved]]:
    """Each household's approved decisions in approval order, as the ledger reads them (one query)."""
    by_household: dict[int, list[ledger.Approved]] = {}
    rows = (
        Decision.objects.filter(household_id__in=list(household_ids), status=DecisionStatus.APPROVED)
        .order_by("approved_at", "id")
        .values_list("household_id", "id", "kind", "effective_from", "amounts", "one_time")
    )
    for household_id, pk, kind, effective_from, amounts, one_time in rows:
        by_household.setdefault(household_id, []).append(
            ledger.Approved(pk, kind, effective_from, amounts, one_time or {})
        )
    return by_household


def compare(household: Household, effective_from: date) -> Comparison:
    """The comparison for one household (reads its facts and approved decisions; saves nothing)."""
    facts = engine_input(household, effective_from)
    return compare_facts(facts, approved_by_household([household.pk]).get(household.pk, []), effective_from)


def waiting_draft(household_id: int) -> Decision | None:
    return Decision.objects.filter(household_id=household_id, status=DecisionStatus.DRAFT).first()


def waiting_message(draft: Decision) -> str:
    return (
        f"決裁待ちの決定（{draft.get_kind_display()}・{wareki(draft.effective_from)}から）があります。"
        "この変更も含めて起案し直すには、決裁者に差し戻してもらってから起案してください。"
    )


# --- the reasons: what changed in that month ---------------------------------------------------------


def _from(effective_from: date) -> str:
    if effective_from.day == 1:
        return f"{wareki_month(effective_from)}分から"
    return f"{wareki(effective_from)}から"


def _income_text(row: dict) -> str:
    label = dict(Income._meta.get_field("kind").choices).get(row["kind"], row["kind"])
    detail = f"{row['detail']} " if row["detail"] else ""
    return f"{row['member__name']}さんの{label}（{detail}{row['monthly_amount']:,}円）"


def reasons_of(household_ids, effective_from: date) -> dict[int, list[str]]:
    """Per household, the changes recorded for the month of `effective_from` (three queries): incomes
    recognised from that month (new, or a correction), incomes whose recognition ended the month
    before, changes of circumstances taking effect in the month (decision 0019), and members who left
    during the month."""
    month = effective_from.replace(day=1)
    last_month = (month - timedelta(days=1)).replace(day=1)
    ids = list(household_ids)
    out: dict[int, list[str]] = {}
    starts = _from(effective_from)
    incomes = (
        Income.objects.filter(member__household_id__in=ids, superseded_by__isnull=True)
        .filter(Q(since=month) | Q(until=last_month))
        .values("member__household_id", "member__name", "kind", "detail", "monthly_amount", "since", "until")
        .order_by("member__household_id", "since", "id")
    )
    for row in incomes:
        text = _income_text(row)
        said = f"{starts} {text}を認定" if row["since"] == month else f"{starts} {text}の認定を終了"
        out.setdefault(row["member__household_id"], []).append(said)
    next_month = (month + timedelta(days=32)).replace(day=1)
    facts = (
        # from the month before: an admission counts from the month after it (the 入院 month rule)
        Circumstance.objects.filter(household_id__in=ids, effective_from__gte=last_month, effective_from__lt=next_month)
        .exclude(kind=CircumstanceKind.DEPARTURE)  # said below, from the member's 世帯を離れた日
        .select_related("member")
        .order_by("effective_from", "id")
    )
    for fact in facts:
        if not month <= fact.takes_effect_on < next_month:
            continue
        who = f"{fact.member.name}さんの" if fact.member else ""
        out.setdefault(fact.household_id, []).append(
            f"{_from(fact.takes_effect_on)} {who}{fact.get_kind_display()}：{fact.value_text}"
        )
    left = Member.objects.filter(household_id__in=ids, left_on__gte=month - timedelta(days=1), left_on__lt=next_month)
    for household_id, name, left_on in left.order_by("left_on", "id").values_list("household_id", "name", "left_on"):
        out.setdefault(household_id, []).append(f"{starts} {name}さんが世帯を離れた（{wareki(left_on)}）")
    for household_id, texts in joined_and_aged(ids, month).items():
        out.setdefault(household_id, []).extend(texts)
    return out


def joined_and_aged(household_ids, month: date) -> dict[int, list[str]]:
    """Per household, the members who joined during `month` (転入・出生, after the first members) and
    what changes by age from its first day (`age_rules`), for the members still in the household."""
    next_month = (month + timedelta(days=32)).replace(day=1)
    rows = (
        Member.objects.filter(household_id__in=list(household_ids))
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=month))
        .order_by("household_id", "id")
        .values_list("household_id", "name", "birth_date", "joined_on")
    )
    founded: dict[int, date] = {}
    members = list(rows)
    for household_id, _, _, joined_on in members:
        if joined_on and (household_id not in founded or joined_on < founded[household_id]):
            founded[household_id] = joined_on
    out: dict[int, list[str]] = {}
    for household_id, name, birth_date, joined_on in members:
        if joined_on and month <= joined_on < next_month and founded[household_id] < joined_on:
            out.setdefault(household_id, []).append(f"{_from(joined_on)} {name}さんが世帯員となった")
        for event in age_events(birth_date, month):
            out.setdefault(household_id, []).append(f"{_from(month)} {name}さん：{event}")
    return out


def reasons_text(lines: list[str], comparison: Comparison) -> str:
    lines = lines or [f"{_from(comparison.effective_from)} 世帯の状況の変化による保護費の変更"]
    total = f"扶助額（月額） {comparison.old_total:,}円 → {comparison.new_total:,}円"
    return "\n".join([*lines, total])


# --- writing drafts (shared with the mass recalculation) ---------------------------------------------


def build_draft(actor, household: dict, members: list[dict], comparison: Comparison, reasons: str):
    """The need test and the change decision a comparison drafts, unsaved (see `save_drafts`)."""
    test = services.need_test_of(household["id"], comparison.facts, comparison.calc, run_by_id=actor.pk)
    draft = Decision(
        household_id=household["id"],
        kind=DecisionKind.CHANGE,
        need_test=test,
        effective_from=comparison.effective_from,
        amounts=comparison.amounts,
        benefit_total=comparison.new_total,
        one_time=comparison.one_time,
        snapshot=addressee_from(household, members, comparison.effective_from),
        reasons=reasons,
        drafted_by=actor,
    )
    return test, draft


def save_drafts(actor, drafts: list[Decision], office_of: dict[int, int], detail: dict, *, audit=True) -> list[Event]:
    """Save drafts built by `build_draft` with their need tests, and one audit entry each; with audit=False
    the entries are returned for the caller to record as the last step of its transaction (the chain's head
    stays locked from the recording to the commit, and every audited page read waits for it)."""
    NeedTest.objects.bulk_create([d.need_test for d in drafts], batch_size=1000)
    for draft in drafts:
        draft.need_test_id = draft.need_test.pk
    Decision.objects.bulk_create(drafts, batch_size=1000)
    events = [
        Event(
            Action.CREATE,
            Decision.audit_type,
            str(d.public_id),
            office_of[d.household_id],
            {"kind": DecisionKind.CHANGE, "effective_from": d.effective_from.isoformat(), **detail}
            | {"benefit_total": d.benefit_total},
        )
        for d in drafts
    ]
    if events and audit:
        record_many(actor, events)
    return events


# --- the use cases -----------------------------------------------------------------------------------


@dataclass
class Drafted:
    decision: Decision | None  # None: no amount changes, nothing drafted
    comparison: Comparison


@transaction.atomic
def draft_change(actor, household: Household, *, effective_from: date) -> Drafted:
    """Recompute the household for the day a change takes effect and draft one change decision when an
    amount changes; otherwise draft nothing (and say so)."""
    household_services.require_edit(actor, household, services.NOT_CASEWORKING)
    Household.objects.select_for_update().get(pk=household.pk)
    pending = waiting_draft(household.pk)
    if pending is not None:
        raise ValidationError({"effective_from": waiting_message(pending)})
    comparison = compare(household, effective_from)
    if comparison.problem:
        raise ValidationError(
            {"effective_from": f"{wareki(effective_from)}からの変更は計算できません（{comparison.problem}）。"}
        )
    if not comparison.changed:
        record(
            actor,
            Action.VIEW,
            target=household,
            detail={
                "change_check": effective_from.isoformat(),
                "changed": False,
                "benefit_total": comparison.old_total,
            },
        )
        return Drafted(None, comparison)
    reasons = reasons_text(reasons_of([household.pk], effective_from).get(household.pk, []), comparison)
    households, members, _ = load_rows([household.pk])
    _, draft = build_draft(actor, households[household.pk], members.get(household.pk, []), comparison, reasons)
    save_drafts(actor, [draft], {household.pk: household.office_id}, {"change_of": effective_from.isoformat()})
    return Drafted(draft, comparison)


@dataclass
class BulkResult:
    drafted: list[Decision] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)  # household id → why


@transaction.atomic
def draft_changes(actor, household_ids, *, effective_from: date, standards=None) -> BulkResult:
    """The bulk form of `draft_change`: many households with a change taking effect on the same day
    (the bulk entry paths). All or nothing on permission: every household must be one the actor may
    change. A household with a waiting draft, or that cannot be computed, is skipped with the reason."""
    ids = sorted(set(household_ids))
    if len(editable_among(actor, ids)) != len(ids):
        raise PermissionDenied(services.NOT_CASEWORKING)
    list(Household.objects.select_for_update().filter(pk__in=ids).values_list("pk", flat=True))
    standards = standards or load_standards()
    result = BulkResult()
    waiting = set(
        Decision.objects.filter(household_id__in=ids, status=DecisionStatus.DRAFT).values_list(
            "household_id", flat=True
        )
    )
    households, members, incomes = load_rows(ids)
    history = approved_by_household(ids)
    reasons = reasons_of(ids, effective_from)
    for household_id in ids:
        if household_id in waiting:
            result.skipped[household_id] = "決裁待ちの決定がある"
            continue
        own = members.get(household_id, [])
        facts = engine_input_from(households[household_id], own, incomes, effective_from)
        comparison = compare_facts(facts, history.get(household_id, []), effective_from, standards)
        if comparison.problem:
            result.skipped[household_id] = comparison.problem
        elif not comparison.changed:
            result.unchanged.append(household_id)
        else:
            text = reasons_text(reasons.get(household_id, []), comparison)
            result.drafted.append(build_draft(actor, households[household_id], own, comparison, text)[1])
    office_of = dict(
        Household.objects.filter(pk__in=[d.household_id for d in result.drafted]).values_list("pk", "office_id")
    )
    save_drafts(actor, result.drafted, office_of, {"change_of": effective_from.isoformat()})
    return result


def panel(user, household: Household, effective_from: date, back: str) -> dict:
    """What the 「決定との比較」 section of a page needs (the income page, the declaration page)."""
    comparison = compare(household, effective_from)
    problem = comparison.problem
    if problem == NO_DECISION_IN_FORCE:
        problem = "この日に効力のある開始・変更の決定がないため、変更決定は起案できません。"
    return {
        "comparison": comparison,
        "problem": problem,
        "waiting": waiting_draft(household.pk),
        "may_draft": may_edit(user, household),
        "household": household,
        "back": back,
        "starts": _from(effective_from),
    }
