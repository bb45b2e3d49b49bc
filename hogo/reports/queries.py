"""Each statistic defined once, as a query over Hogo's own records for a set of households (an office,
an SV's team, a CW's caseload) and a day or a month. The definitions and their sources are in
docs/reports/README.md; the classification rules are `rules.py`. Figures that other apps already
compute are taken from them: the 14-day figures (`decisions.figures`), the benefit ledger
(`decisions.ledger`), the caseworker assignments (`households.scoping`), the receivables figures
(`receivables.services.figures`) and the disability grades that give 障害者加算 (`decisions.facts`).

Nothing here returns a name: households are counted, staff are shown by their number (CW-0012)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from math import ceil

from django.db.models import Count, Max, Min, Q
from django.utils.timezone import make_aware

from hogo.common.wareki import age_on, wareki, wareki_month
from hogo.decisions import ledger
from hogo.decisions.facts import disability_level, facts_in_force
from hogo.decisions.figures import application_figures
from hogo.decisions.models import Application, Decision, DecisionKind, DecisionStatus
from hogo.followups.models import FollowUp, Source, State
from hogo.households.models import Circumstance, CircumstanceKind, Household, Member, StatusChange
from hogo.households.scoping import active_assignments

from . import rules
from .rules import Table

UNDER_ASSISTANCE = ("active", "suspended")
TYPES = list(rules.HOUSEHOLD_TYPES)


def staff_label(staff_id) -> str:
    """A caseworker in a report: by number, never by name."""
    return f"CW-{staff_id:04d}" if staff_id else "（未割当）"


# --- status histories ---------------------------------------------------------------------------------


@dataclass
class Movement:
    household_id: int
    on: date
    status_change_id: int
    reason: str


@dataclass
class Histories:
    """Each household's status changes up to a day, oldest first: (effective date, status, id, reason)."""

    by_household: dict[int, list[tuple]] = field(default_factory=dict)

    def status_on(self, household_id: int, day: date) -> str | None:
        status = None
        for on, to_status, _pk, _reason in self.by_household.get(household_id, ()):
            if on > day:
                break
            status = to_status
        return status

    def under_assistance(self, day: date) -> set[int]:
        return {h for h in self.by_household if self.status_on(h, day) in UNDER_ASSISTANCE}

    def counts_at(self, days: list[date]) -> list[int]:
        """How many households are under assistance on each of the days (ascending), in one pass."""
        counts = [0] * len(days)
        for changes in self.by_household.values():
            i, status = 0, None
            for on, to_status, _pk, _reason in changes:
                while i < len(days) and days[i] < on:
                    counts[i] += status in UNDER_ASSISTANCE
                    i += 1
                status = to_status
            while i < len(days):
                counts[i] += status in UNDER_ASSISTANCE
                i += 1
        return counts

    def movement_counts(self, months: list[date]) -> dict[date, tuple[int, int]]:
        """(starts, terminations) in each month, by the rule of `movements`, in one pass."""
        out = {m: [0, 0] for m in months}
        first, last = months[0], rules.month_end(months[-1])
        for changes in self.by_household.values():
            before = None
            for on, to_status, _pk, _reason in changes:
                if first <= on <= last:
                    key = on.replace(day=1)
                    if before not in UNDER_ASSISTANCE and to_status in UNDER_ASSISTANCE:
                        out[key][0] += 1
                    elif before in UNDER_ASSISTANCE and to_status not in UNDER_ASSISTANCE:
                        out[key][1] += 1
                before = to_status
        return {m: (a, b) for m, (a, b) in out.items()}

    def movements(self, first: date, last: date) -> tuple[list[Movement], list[Movement]]:
        """Starts (into 保護中・停止 from outside) and terminations (out of them) dated in [first, last],
        read against the status each change left behind — so that the households under assistance at
        the end of a month are those at the end of the month before, plus the starts, less the
        terminations."""
        starts, ends = [], []
        for household_id, changes in self.by_household.items():
            before = None
            for on, to_status, pk, reason in changes:
                if on > last:
                    break
                if on >= first:
                    if before not in UNDER_ASSISTANCE and to_status in UNDER_ASSISTANCE:
                        starts.append(Movement(household_id, on, pk, reason))
                    elif before in UNDER_ASSISTANCE and to_status not in UNDER_ASSISTANCE:
                        ends.append(Movement(household_id, on, pk, reason))
                before = to_status
        return starts, ends


def histories(households, until: date) -> Histories:
    rows = (
        StatusChange.objects.filter(household__in=households, effective_date__lte=until)
        .order_by("household_id", "effective_date", "id")
        .values_list("household_id", "effective_date", "to_status", "id", "reason")
    )
    by_household: dict[int, list[tuple]] = defaultdict(list)
    for household_id, on, to_status, pk, reason in rows.iterator(chunk_size=5000):
        by_household[household_id].append((on, to_status, pk, reason))
    return Histories(dict(by_household))


def first_record_month(office_id: int, households=None) -> date | None:
    """The month of the office's first status record: no report before it."""
    households = households if households is not None else Household.objects.filter(office_id=office_id)
    first = StatusChange.objects.filter(household__in=households).aggregate(first=Min("effective_date"))["first"]
    return first.replace(day=1) if first else None


# --- the people of the households under assistance on a day -----------------------------------------

MEMBER_FIELDS = (
    "id",
    "household_id",
    "birth_date",
    "sex",
    "relation",
    "disability_kind",
    "disability_grade",
    "care_level",
    "school_stage",
    "medical_care",
    "joined_on",
    "left_on",
)
FACT_KINDS = (CircumstanceKind.HOSPITAL, CircumstanceKind.DISABILITY, CircumstanceKind.DEPARTURE)


@dataclass
class Snapshot:
    """The households under assistance on `day` (active and suspended), their members counted that day,
    the 世帯類型 each falls in, and the monthly amounts of the decisions that govern the day's month."""

    day: date
    active: set[int]
    suspended: set[int]
    members: dict[int, list[dict]]
    types: dict[int, str]
    amounts: dict[int, dict]

    @property
    def under_assistance(self) -> set[int]:
        return self.active | self.suspended


def snapshot(households, day: date, hist: Histories | None = None, *, with_amounts: bool = True) -> Snapshot:
    hist = hist or histories(households, day)
    status = {h: hist.status_on(h, day) for h in hist.by_household}
    active = {h for h, s in status.items() if s == "active"}
    suspended = {h for h, s in status.items() if s == "suspended"}
    under = active | suspended
    recorded = dict(Household.objects.filter(pk__in=households).values_list("pk", "household_type").iterator(5000))
    facts_by_household: dict[int, list[dict]] = defaultdict(list)
    for row in (
        Circumstance.objects.filter(household__in=households, kind__in=FACT_KINDS, effective_from__lte=day)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=day))
        .values("id", "household_id", "member_id", "kind", "certificate", "grade", "effective_from", "effective_to")
    ):
        facts_by_household[row["household_id"]].append(row)
    members: dict[int, list[dict]] = defaultdict(list)
    for m in Member.objects.filter(household__in=households).values(*MEMBER_FIELDS).iterator(chunk_size=5000):
        if m["household_id"] not in under:
            continue
        if (m["joined_on"] and m["joined_on"] > day) or (m["left_on"] and m["left_on"] <= day) or m["birth_date"] > day:
            continue
        members[m["household_id"]].append(m)
    types = {}
    for household_id in under:
        in_force = facts_in_force(facts_by_household.get(household_id, []), day)
        own = [m for m in members.get(household_id, []) if (CircumstanceKind.DEPARTURE, m["id"]) not in in_force]
        members[household_id] = own
        people = []
        for m in own:
            disability = in_force.get((CircumstanceKind.DISABILITY, m["id"]))
            kind, grade = (
                (disability["certificate"], disability["grade"])
                if disability
                else (m["disability_kind"], m["disability_grade"])
            )
            people.append(
                rules.Person(
                    age=age_on(m["birth_date"], day),
                    sex=m["sex"],
                    relation=m["relation"],
                    disability_addition=disability_level(kind, grade) is not None,
                    inpatient=m["medical_care"] == "inpatient"
                    or (CircumstanceKind.HOSPITAL, m["id"]) in in_force
                    or (m["relation"] == "head" and (CircumstanceKind.HOSPITAL, None) in in_force),
                )
            )
        types[household_id] = rules.household_type(
            rules.HouseholdFacts(tuple(people), recorded.get(household_id, rules.OTHER))
        )
    amounts = owed_in(households, day.replace(day=1), under) if with_amounts else {}
    return Snapshot(day, active, suspended, dict(members), types, amounts)


def approved_decisions(households) -> dict[int, list[ledger.Approved]]:
    """Each household's approved decisions in approval order, as the ledger reads them (the loader of
    decisions.changes.approved_by_household, for a queryset of households however many)."""
    by_household: dict[int, list[ledger.Approved]] = defaultdict(list)
    rows = (
        Decision.objects.filter(household__in=households, status=DecisionStatus.APPROVED)
        .order_by("approved_at", "id")
        .values_list("household_id", "id", "kind", "effective_from", "amounts", "one_time")
    )
    for household_id, pk, kind, effective_from, amounts, one_time in rows.iterator(chunk_size=5000):
        by_household[household_id].append(ledger.Approved(pk, kind, effective_from, amounts, one_time or {}))
    return by_household


def owed_in(households, month: date, only: set[int] | None = None) -> dict[int, dict]:
    """What the ledger owes each household for the month, by kind of assistance."""
    owed = {}
    for household_id, decisions in approved_decisions(households).items():
        if only is None or household_id in only:
            owed[household_id] = ledger.owed_for(decisions, month).owed
    return owed


# --- 月次調査 ---------------------------------------------------------------------------------------------


def _by_type(ids, types) -> list[int]:
    counts = [0] * len(TYPES)
    for h in ids:
        counts[TYPES.index(types[h])] += 1
    return [sum(counts), *counts]


def _reasons(households, movements: list[Movement], kind: str, categories, first: date, last: date) -> dict:
    """The category of each movement's reason: the approved decision's reasons (and, for a start, the
    application's 保護を受けようとする理由) of that household, kind and month; else the status record's."""
    texts: dict[int, str] = {}
    decisions = (
        Decision.objects.filter(
            household__in=households,
            status=DecisionStatus.APPROVED,
            kind=kind,
            effective_from__gte=first,
            effective_from__lte=last,
        )
        .order_by("effective_from", "id")
        .values_list("household_id", "reasons", "application__reason")
    )
    for household_id, reasons, applied_for in decisions:
        texts[household_id] = f"{applied_for or ''} {reasons or ''}"
    counts = dict.fromkeys(rules.labels_of(categories), 0)
    for m in movements:
        counts[rules.reason_of(texts.get(m.household_id, m.reason), categories)] += 1
    return counts


def monthly(households, month: date, progress=lambda pct, step: None) -> dict:
    """被保護者調査 月次調査: the month's end, the month's starts and terminations."""
    first, last = month, rules.month_end(month)
    previous_end = first - timedelta(days=1)
    progress(10, "状態の履歴を読んでいます")
    hist = histories(households, last)
    progress(30, "世帯員と世帯類型を数えています")
    snap = snapshot(households, last, hist)
    progress(70, "開始と廃止を数えています")
    starts, ends = hist.movements(first, last)
    before = hist.under_assistance(previous_end)
    persons = {h: len(snap.members.get(h, [])) for h in snap.under_assistance}
    head = ["総数", *rules.HOUSEHOLD_TYPES.values()]
    t_households = Table(
        "households",
        f"被保護世帯数（世帯類型別・{wareki(last)}現在）",
        head,
        [
            ("被保護実世帯数", _by_type(snap.under_assistance, snap.types)),
            ("現に保護を受けた世帯", _by_type(snap.active, snap.types)),
            ("保護停止中の世帯", _by_type(snap.suspended, snap.types)),
        ],
    )
    per_type = [0] * len(TYPES)
    for h, n in persons.items():
        per_type[TYPES.index(snap.types[h])] += n
    t_persons = Table(
        "persons",
        f"被保護実人員（世帯類型別・{wareki(last)}現在）",
        head,
        [("被保護実人員", [sum(per_type), *per_type])],
    )
    by_kind = dict.fromkeys(rules.ASSISTANCE_KINDS, 0)
    receiving = 0
    for h in snap.active:
        amounts = snap.amounts.get(h, {})
        for m in snap.members.get(h, []):
            receiving += 1
            for kind in rules.assistance_of_person(m, amounts):
                by_kind[kind] += 1
    t_kinds = Table(
        "assistance",
        "扶助の種類別扶助人員（現に保護を受けた世帯）",
        ["被保護実人員", *rules.ASSISTANCE_KINDS.values()],
        [("扶助人員", [receiving, *by_kind.values()])],
        note="出産扶助・葬祭扶助は一時の給付のため、月末の扶助人員には数えません。",
    )
    start_counts = _reasons(households, starts, DecisionKind.START, rules.START_REASONS, first, last)
    end_counts = _reasons(households, ends, DecisionKind.TERMINATION, rules.TERMINATION_REASONS, first, last)
    t_starts = Table(
        "starts",
        f"保護開始世帯数（開始の主な理由別・{wareki_month(month)}中）",
        ["総数", *rules.labels_of(rules.START_REASONS).values()],
        [("保護開始世帯数", [len(starts), *start_counts.values()])],
    )
    t_ends = Table(
        "terminations",
        f"保護廃止世帯数（廃止の主な理由別・{wareki_month(month)}中）",
        ["総数", *rules.labels_of(rules.TERMINATION_REASONS).values()],
        [("保護廃止世帯数", [len(ends), *end_counts.values()])],
    )
    t_flow = Table(
        "flow",
        "被保護実世帯数の増減",
        ["前月末", "保護開始", "保護廃止", "当月末"],
        [("被保護実世帯数", [len(before), len(starts), len(ends), len(snap.under_assistance)])],
    )
    progress(90, "推移を集計しています")
    checks = [
        (
            "世帯類型別の世帯数の合計が被保護実世帯数に一致する",
            sum(t_households.rows[0][1][1:]) == len(snap.under_assistance),
        ),
        (
            "前月末 + 開始 − 廃止 = 当月末",
            len(before) + len(starts) - len(ends) == len(snap.under_assistance),
        ),
        (
            "現に保護を受けた世帯 + 停止中 = 被保護実世帯数",
            len(snap.active) + len(snap.suspended) == len(snap.under_assistance),
        ),
    ]
    return {
        "tables": [t.as_dict() for t in (t_households, t_persons, t_kinds, t_starts, t_ends, t_flow)],
        "checks": [{"label": label, "ok": ok} for label, ok in checks],
        "trends": trends(households, month, hist),
    }


# --- 年次調査 ---------------------------------------------------------------------------------------------


def annual(households, month: date, progress=lambda pct, step: None) -> dict:
    """被保護者調査 年次調査: the households and persons as of the end of July."""
    july = rules.annual_reference(month)
    day = rules.month_end(july)
    progress(20, "7月末の世帯を読んでいます")
    snap = snapshot(households, day, with_amounts=False)
    sizes = [label for _start, label in rules.SIZE_GROUPS]
    by_type_size = {t: dict.fromkeys(sizes, 0) for t in TYPES}
    for h in snap.under_assistance:
        by_type_size[snap.types[h]][rules.size_group(len(snap.members.get(h, [])))] += 1
    rows = [(rules.HOUSEHOLD_TYPES[t], [sum(c.values()), *c.values()]) for t, c in by_type_size.items()]
    rows.insert(0, ("総数", [sum(r[1][i] for r in rows) for i in range(len(sizes) + 1)]))
    t_sizes = Table("sizes", f"被保護世帯数（世帯類型別・世帯人員別・{wareki(day)}現在）", ["総数", *sizes], rows)
    progress(60, "年齢階級別の人員を数えています")
    groups = [label for _start, label in rules.AGE_GROUPS]
    by_age = {g: [0, 0] for g in groups}
    for h in snap.under_assistance:
        for m in snap.members.get(h, []):
            by_age[rules.age_group(age_on(m["birth_date"], day))][0 if m["sex"] == "male" else 1] += 1
    age_rows = [(g, [a + b, a, b]) for g, (a, b) in by_age.items()]
    age_rows.insert(0, ("総数", [sum(r[1][i] for r in age_rows) for i in range(3)]))
    t_ages = Table("ages", f"被保護人員（年齢階級別・性別・{wareki(day)}現在）", ["総数", "男", "女"], age_rows)
    checks = [
        ("世帯人員別の合計が世帯類型別の合計に一致する", rows[0][1][0] == len(snap.under_assistance)),
        (
            "年齢階級別の人員の合計が世帯員の合計に一致する",
            age_rows[0][1][0] == sum(len(v) for v in snap.members.values()),
        ),
    ]
    return {
        "tables": [t.as_dict() for t in (t_sizes, t_ages)],
        "checks": [{"label": label, "ok": ok} for label, ok in checks],
        "reference": day.isoformat(),
    }


# --- 福祉行政報告例 ---------------------------------------------------------------------------------------


def welfare(households, month: date, progress=lambda pct, step: None) -> dict:
    """福祉行政報告例（生活保護）: applications received in the month, and those decided in it by the
    kind of the approved decision (開始・却下)."""
    first, last = month, rules.month_end(month)
    progress(30, "申請を数えています")
    received = Application.objects.filter(household__in=households, received_on__gte=first, received_on__lte=last)
    decided = Application.objects.filter(household__in=households, decided_on__gte=first, decided_on__lte=last)
    kinds = dict(
        Decision.objects.filter(application__in=decided, status=DecisionStatus.APPROVED)
        .values_list("application_id", "kind")
        .order_by("approved_at")
    )
    started = sum(1 for k in kinds.values() if k == DecisionKind.START)
    rejected = sum(1 for k in kinds.values() if k == DecisionKind.REJECTION)
    pending = Application.objects.filter(household__in=households, received_on__lte=last).filter(
        Q(decided_on__isnull=True) | Q(decided_on__gt=last)
    )
    hist = histories(households, last)
    starts, ends = hist.movements(first, last)
    t_apps = Table(
        "applications",
        f"保護の申請と処理（{wareki_month(month)}中）",
        ["申請件数", "処理件数", "うち開始", "うち却下", "取下げ", "月末の未処理"],
        [("件数", [received.count(), decided.count(), started, rejected, "—", pending.count()])],
        note="取下げは Hogo に記録がないため「—」です（docs/reports/README.md）。",
    )
    t_cases = Table(
        "cases",
        f"保護の開始・廃止（{wareki_month(month)}中）",
        ["保護開始世帯数", "保護廃止世帯数", "月末の被保護実世帯数"],
        [("世帯数", [len(starts), len(ends), len(hist.under_assistance(last))])],
    )
    checks = [("処理件数 ≧ 開始 + 却下", decided.count() >= started + rejected)]
    return {"tables": [t_apps.as_dict(), t_cases.as_dict()], "checks": [{"label": c, "ok": ok} for c, ok in checks]}


# --- figures for steering -------------------------------------------------------------------------------


def compliance_by_month(households, months: list[date], today: date) -> list[dict]:
    """Per month: applications received in it, decided, within 14 days, average days — the 14-day
    figures of `decisions.figures`, taken for "received since the month" less "since the next"."""
    bounds = [*months, rules.month_end(months[-1]) + timedelta(days=1)]
    figures = [application_figures(households, since, today)["office"] for since in bounds]
    out = []
    for i, month in enumerate(months):
        this, after = figures[i], figures[i + 1]
        decided, within = this.decided - after.decided, this.within_14 - after.within_14
        out.append(
            {
                "month": month.isoformat(),
                "decided": decided,
                "within_14": within,
                "percent": rules.percent(within, decided),
            }
        )
    return out


def compliance(households, month: date, progress=lambda pct, step: None, today: date | None = None) -> dict:
    months = rules.last_months(month, 12)
    rows = compliance_by_month(households, months, today or rules.month_end(month))
    table = Table(
        "compliance",
        "14日以内の決定（申請を受けた月別）",
        ["決定件数", "14日以内", "割合（%）"],
        [(wareki_month(date.fromisoformat(r["month"])), [r["decided"], r["within_14"], r["percent"]]) for r in rows],
        counts=False,
        note="生活保護法第24条第5項。申請日から決定日までの日数で数えます（延長の有無を問いません）。",
    )
    return {"tables": [table.as_dict()], "checks": []}


def caseload(households, month: date, office, progress=lambda pct, step: None, day: date | None = None) -> dict:
    """担当世帯数 per caseworker on the day against the office's standard (社会福祉法第16条: 市部 80世帯)."""
    day = day or rules.month_end(month)
    hist = histories(households, day)
    under = hist.under_assistance(day)
    per_cw: dict[int, int] = defaultdict(int)
    for household_id, caseworker_id in (
        active_assignments(day).filter(household__in=households).values_list("household_id", "caseworker_id")
    ):
        if household_id in under:
            per_cw[caseworker_id] += 1
    standard = office.caseload_standard or 80
    rows = [
        (staff_label(cw), [n, standard, n - standard, rules.percent(n, standard)]) for cw, n in sorted(per_cw.items())
    ]
    unassigned = len(under) - sum(per_cw.values())
    table = Table(
        "caseload",
        f"ケースワーカー別の担当世帯数（被保護世帯・{wareki(day)}現在）",
        ["担当世帯数", "標準数", "標準との差", "標準に対する割合（%）"],
        rows,
        counts=False,
        note="社会福祉法第16条の標準数。職員は番号で示し、氏名は載せません。",
    )
    summary = Table(
        "caseload_total",
        "事務所全体",
        ["被保護世帯数", "担当CW数", "標準数で必要なCW数", "未割当の世帯"],
        [("合計", [len(under), len(per_cw), ceil(len(under) / standard) if under else 0, unassigned])],
        counts=False,
    )
    checks = [("CW別の合計 + 未割当 = 被保護世帯数", sum(per_cw.values()) + unassigned == len(under))]
    return {"tables": [table.as_dict(), summary.as_dict()], "checks": [{"label": c, "ok": ok} for c, ok in checks]}


def _overdue_rows(households, first: date, last: date) -> list[tuple]:
    """The follow-ups that may be overdue on some day in [first, last]: (household, source, due, created,
    done) — due before `last`, not withdrawn, not done before `first`."""
    rows = (
        FollowUp.objects.filter(household__in=households, due_on__lt=last)
        .exclude(state=State.WITHDRAWN)
        .exclude(state=State.DONE, done_on__lte=first)
        .values_list("household_id", "source", "due_on", "created_at", "state", "done_on")
    )
    return [
        (h, source, due, created, done if state == State.DONE else None)
        for h, source, due, created, state, done in rows.iterator(chunk_size=5000)
    ]


def _day_ends(day: date) -> datetime:
    """The first moment after the day, in the office's time zone (a row created before it was there)."""
    return make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _is_overdue(row: tuple, day: date, day_ends: datetime) -> bool:
    """Overdue on the day: due before it, created by its end, not done by it."""
    _h, _source, due, created, done = row
    return due < day and created < day_ends and (done is None or done > day)


def overdue_on(households, day: date) -> dict[int, dict]:
    """Follow-ups overdue on the day, by the household's caseworker then (withdrawn items never count)."""
    current = {
        h: cw
        for h, cw in active_assignments(day)
        .filter(household__in=households)
        .values_list("household_id", "caseworker_id")
    }
    out: dict[int, dict] = defaultdict(lambda: dict.fromkeys(["total", *Source.values], 0))
    ends = _day_ends(day)
    for item in _overdue_rows(households, day, day):
        if _is_overdue(item, day, ends):
            row = out[current.get(item[0], 0)]
            row["total"] += 1
            row[item[1]] += 1
    return dict(out)


def overdue_totals(households, days: list[date]) -> list[int]:
    """How many follow-ups are overdue on each of the days: one query, a count a day, by the same rule as
    `_is_overdue` (due before the day, created by its end, not done by it; withdrawn items never count)."""

    def on(day: date) -> Q:
        not_done_by_then = ~Q(state=State.DONE) | Q(done_on__isnull=True) | Q(done_on__gt=day)
        return Q(due_on__lt=day, created_at__lt=_day_ends(day)) & not_done_by_then

    counts = (
        FollowUp.objects.filter(household__in=households, due_on__lt=max(days))
        .exclude(state=State.WITHDRAWN)
        .aggregate(**{f"d{i}": Count("pk", filter=on(day)) for i, day in enumerate(days)})
    )
    return [counts[f"d{i}"] for i in range(len(days))]


def followups(households, month: date, progress=lambda pct, step: None, day: date | None = None) -> dict:
    day = day or rules.month_end(month)
    by_cw = overdue_on(households, day)
    columns = ["期限切れ", *Source.labels]
    rows = [(staff_label(cw), [r["total"], *(r[s] for s in Source.values)]) for cw, r in sorted(by_cw.items())]
    total = [sum(r[1][i] for r in rows) for i in range(len(columns))]
    table = Table(
        "followups", f"期限切れの確認事項（{wareki(day)}現在）", columns, [*rows, ("合計", total)], counts=False
    )
    return {"tables": [table.as_dict()], "checks": []}


def spending(households, month: date, progress=lambda pct, step: None) -> dict:
    """Benefits by kind and month of the fiscal year up to the month, as the ledger owes them."""
    start = date(month.year if month.month >= 4 else month.year - 1, 4, 1)
    months = ledger.months_between(start, month)
    progress(20, "決定を読んでいます")
    decisions = approved_decisions(households)
    kinds = [*ledger.ASSISTANCE, *ledger.ONE_TIME]
    rows = []
    for i, m in enumerate(months):
        sums = dict.fromkeys(kinds, 0)
        for own in decisions.values():
            owed = ledger.owed_for(own, m)
            for k, v in {**owed.owed, **owed.one_time}.items():
                sums[k] += v
        rows.append((wareki_month(m), [*sums.values(), sum(sums.values())]))
        progress(20 + 70 * (i + 1) // len(months), f"{wareki_month(m)}を集計しました")
    labels = {**rules.ASSISTANCE_KINDS, "year_end": "期末一時扶助"}
    total = [sum(r[1][i] for r in rows) for i in range(len(kinds) + 1)]
    table = Table(
        "spending",
        f"扶助別・月別の保護費（{wareki_month(start)}〜{wareki_month(month)}・円）",
        [*(labels[k] for k in kinds), "合計"],
        [*rows, ("年度計", total)],
        counts=False,
        note="決裁済みの決定が各月に定める額（決定の台帳）。医療扶助・介護扶助は決定に記載の額です。",
    )
    return {"tables": [table.as_dict()], "checks": []}


def receivables(office, month: date, progress=lambda pct, step: None, day: date | None = None) -> dict:
    from hogo.receivables.services import AGE_BUCKETS, figures  # noqa: PLC0415 — a heavy import, only here

    day = day or rules.month_end(month)
    f = figures(office.pk, day)
    rate = round(f["collection_rate"] * 100, 1) if f["collection_rate"] is not None else None
    t_rate = Table(
        "collection",
        f"調定額・収納額・収納率（{wareki(day)}現在・円）",
        ["調定額", "収納額", "収納率（%）"],
        [("合計", [f["charged"], f["collected"], rate])],
        counts=False,
    )
    ages = [label for _start, label in AGE_BUCKETS]
    rows = [(kind, [by.get(a, 0) for a in ages]) for kind, by in sorted(f["by_kind_age"].items())]
    t_age = Table("outstanding", "未収額（種類別・経過期間別・円）", ages, rows, counts=False)
    return {"tables": [t_rate.as_dict(), t_age.as_dict()], "checks": []}


# --- trends (the charts) --------------------------------------------------------------------------------


def trends(households, month: date, hist: Histories | None = None, today: date | None = None) -> dict:
    """The last 12 months: households under assistance at each month end, starts and terminations in
    each month, the 14-day share of the applications received in it, follow-ups overdue at its end."""
    months = rules.last_months(month, 12)
    ends = [rules.month_end(m) for m in months]
    hist = hist or histories(households, ends[-1])
    under = hist.counts_at(ends)
    moves = hist.movement_counts(months)
    overdue = overdue_totals(households, [min(end, today) if today else end for end in ends])
    compliance_rows = compliance_by_month(households, months, today or ends[-1])
    return {
        "months": [
            {
                "month": m.isoformat(),
                "label": wareki_month(m),
                "households": under[i],
                "starts": moves[m][0],
                "terminations": moves[m][1],
                "within_14": compliance_rows[i]["percent"],
                "overdue": overdue[i],
            }
            for i, m in enumerate(months)
        ]
    }


def data_version(households) -> dict:
    """The state of the records a run read: the last audit entry, and the counts and last ids of the
    rows it counted. A later run with the same version read the same records."""
    from hogo.audit.models import AuditEntry  # noqa: PLC0415

    version = {"audit_last_id": AuditEntry.objects.aggregate(m=Max("id"))["m"] or 0}
    for name, qs in (
        ("households", Household.objects.filter(pk__in=households)),
        ("status_changes", StatusChange.objects.filter(household__in=households)),
        ("members", Member.objects.filter(household__in=households)),
        ("decisions", Decision.objects.filter(household__in=households, status=DecisionStatus.APPROVED)),
        ("applications", Application.objects.filter(household__in=households)),
        ("followups", FollowUp.objects.filter(household__in=households)),
    ):
        agg = qs.aggregate(last=Max("id"))
        version[name] = {"count": qs.count(), "last_id": agg["last"] or 0}
    return version
