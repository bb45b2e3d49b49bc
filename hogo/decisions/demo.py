"""Demo data for the decision flow, following each synthetic household's status history (issue 17):
the consultation it began with, its application (with the investigation checklist), and — for a
household that was assisted — the approved start decision, decided within 14 days of the application
and effective from it, then the suspension or termination decision that ended it. An application
still open was received within its deadline (an older one has a recorded extension). Amounts come
from the engine for the current month: the demo does not replay past standards. Synthetic data only."""

import random
from datetime import datetime, time, timedelta

from django.db.models import F, Max
from django.utils import timezone

from hogo.approvals.models import ActionKind
from hogo.benefits.engine import InputError, calculate, load_standards, parse_household
from hogo.households.models import Household, Relation, StatusChange
from hogo.offices.models import Role, RoleAssignment

from . import numbering
from .deadlines import MAXIMUM_DAYS, STANDARD_DAYS
from .facts import addressee_from, engine_input_from, load_rows
from .models import (
    DOCUMENTS,
    Application,
    ApprovalAction,
    ChecklistItem,
    Consultation,
    ConsultationOutcome,
    Decision,
    DecisionStatus,
    ItemStatus,
    NeedTest,
    NoticeNumber,
)
from .services import _ensure_checklist_templates, monthly_amounts, need_test_of, one_time_items

CHUNK = 2000


REASONS = {
    "start": "デモデータ（合成）: 最低生活費に対し収入が不足するため保護を開始する。",
    "suspension": "デモデータ（合成）: 臨時の収入により一時的に最低生活費を上回るため保護を停止する。",
    "termination": "デモデータ（合成）: 転出により保護を廃止する。",
}
EXTENSION_REASON = "扶養義務者の調査に日数を要するため（デモデータ）"
SAID = "デモデータ（合成）: 収入が少なく生活に困っている。"
EXPLAINED = "生活保護制度の概要、保護の申請が権利であること、申請に必要な書類を説明した。"


def _at(day, rng: random.Random):
    """A time of the office's working day on `day`, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time(rng.randrange(9, 17), rng.randrange(0, 60))))


def approve_starts(office, today=None, seed: int = 1) -> int:
    """Consultations, applications and decisions for the office's households, from their status history
    (households that already have any are left alone). Returns the number of decisions created."""
    today = today or timezone.localdate()
    rng = random.Random(f"decisions-{seed}-{office.municipality_code}")
    seen = set(Consultation.objects.filter(household__office=office).values_list("household_id", flat=True))
    seen |= set(Application.objects.filter(household__office=office).values_list("household_id", flat=True))
    seen |= set(Decision.objects.filter(household__office=office).values_list("household_id", flat=True))
    history: dict[int, dict[str, object]] = {}
    for hid, to_status, on in (
        StatusChange.objects.filter(household__office=office).order_by("household_id", "effective_date", "id")
    ).values_list("household_id", "to_status", "effective_date"):
        if hid not in seen:
            history.setdefault(hid, {})[to_status] = on
    ids = sorted(history)
    holders = dict(
        RoleAssignment.objects.active_on(today)
        .filter(office=office, role__in=[Role.SUPERVISOR, Role.CHIEF])
        .values_list("role", "staff__user_id")
    )
    cw_of = dict(
        Household.objects.filter(pk__in=ids, assignments__valid_to__isnull=True).values_list(
            "id", "assignments__caseworker__user_id"
        )
    )
    templates = _ensure_checklist_templates(office)
    standards = load_standards()
    as_of = today.replace(day=1)
    created = 0
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        households, members, incomes = load_rows(chunk)
        consultations, applications, starts, ends = [], [], [], []
        for h in chunk:
            dates, cw = history[h], cw_of.get(h)
            head = next((m["name"] for m in members.get(h, []) if m["relation"] == Relation.HEAD), "")
            if "consultation" in dates:
                consultations.append(
                    Consultation(
                        household_id=h,
                        held_on=dates["consultation"],
                        visitor_name=head,
                        said=SAID,
                        explained=EXPLAINED,
                        right_explained=True,
                        outcome=ConsultationOutcome.APPLICATION
                        if "applying" in dates
                        else ConsultationOutcome.NONE_YET,
                        recorded_by_id=cw,
                    )
                )
            if "applying" not in dates:
                continue
            received = dates["applying"]
            application = Application(
                household_id=h,
                received_on=received,
                applicant_name=head,
                reason="デモデータ（合成）: 収入が最低生活費に満たず、生活に困窮しているため。",
                documents=[code for code, _ in DOCUMENTS],
                recorded_by_id=cw,
            )
            if "active" in dates:
                application.decided_on = min(today, received + timedelta(days=rng.randrange(3, STANDARD_DAYS + 1)))
            elif (today - received).days > STANDARD_DAYS:  # still open past 14 days: only with a recorded extension
                application.extended_days, application.extension_reason = MAXIMUM_DAYS, EXTENSION_REASON
            applications.append(application)
            if "active" not in dates:
                continue
            facts = engine_input_from(households[h], members.get(h, []), incomes, as_of)
            try:
                calc = calculate(parse_household(facts), standards)
            except InputError:
                continue
            amounts = monthly_amounts(calc.benefit_by_assistance)
            effective_from = dates["active"]
            starts.append(
                Decision(
                    household_id=h,
                    kind="start",
                    application=application,
                    need_test=need_test_of(h, facts, calc, run_by_id=cw),
                    effective_from=effective_from,
                    amounts=amounts,
                    benefit_total=sum(amounts.values()),
                    one_time=one_time_items(calc.benefit_by_assistance, as_of, effective_from),
                    reasons=REASONS["start"],
                    snapshot=addressee_from(households[h], members.get(h, [])),
                    status=DecisionStatus.APPROVED,
                    drafted_by_id=cw,
                    approved_at=_at(application.decided_on, rng),
                )
            )
            for kind, status in (("suspension", "suspended"), ("termination", "terminated")):
                if status in dates:
                    ends.append(
                        Decision(
                            household_id=h,
                            kind=kind,
                            effective_from=dates[status],
                            reasons=REASONS[kind],
                            snapshot=addressee_from(households[h], members.get(h, [])),
                            status=DecisionStatus.APPROVED,
                            drafted_by_id=cw,
                            approved_at=_at(dates[status], rng),
                        )
                    )
        Consultation.objects.bulk_create(consultations, batch_size=1000)
        Application.objects.bulk_create(applications, batch_size=1000)
        ChecklistItem.objects.bulk_create(
            [item for application in applications for item in _checklist(application, templates, rng)],
            batch_size=2000,
        )
        NeedTest.objects.bulk_create([d.need_test for d in starts], batch_size=1000)
        for d in starts:
            d.need_test_id, d.application_id = d.need_test.pk, d.application.pk
        decisions = starts + ends
        Decision.objects.bulk_create(decisions, batch_size=1000)
        _number(office, decisions)
        ApprovalAction.objects.bulk_create(
            [
                ApprovalAction(decision=d, action=ActionKind.APPROVE, step=step, role=role, actor_id=holders[role])
                for d in decisions
                for step, role in enumerate((Role.SUPERVISOR, Role.CHIEF))
                if role in holders
            ],
            batch_size=2000,
        )
        _backdate(decisions)
        created += len(decisions)
    return created


def _checklist(application: Application, templates, rng: random.Random) -> list[ChecklistItem]:
    """The investigation items: all done by the decision for a decided application; for an open one,
    the home visit done and the inquiries under way."""
    items = []
    for t in templates:
        due_on = application.received_on + timedelta(days=t.due_days) if t.due_days else None
        done = application.decided_on or (
            application.received_on + timedelta(days=2) if t.code == "home_visit" else None
        )
        if done is not None and done > timezone.localdate():
            done = None
        items.append(
            ChecklistItem(
                application=application,
                code=t.code,
                label=t.label,
                basis=t.basis,
                due_on=due_on,
                status=ItemStatus.DONE if done else ItemStatus.PENDING,
                done_on=done,
                note="（デモデータ）" if done else "",
            )
        )
    return items


def _backdate(decisions: list[Decision]) -> None:
    """Drafted on the day it was approved, its need test run and its approvals given then (the fields
    are set on insert): one UPDATE each."""
    # Plain updates by primary key: a correlated subquery here took minutes on PostgreSQL.
    ids = [d.pk for d in decisions]
    approved_at = {d.pk: d.approved_at for d in decisions}
    Decision.objects.filter(pk__in=ids).update(drafted_at=F("approved_at"))
    tests = [NeedTest(pk=d.need_test_id, run_at=d.approved_at) for d in decisions if d.need_test_id]
    NeedTest.objects.bulk_update(tests, ["run_at"], batch_size=500)
    actions = [
        ApprovalAction(pk=pk, at=approved_at[decision_id])
        for pk, decision_id in ApprovalAction.objects.filter(decision_id__in=ids).values_list("pk", "decision_id")
    ]
    ApprovalAction.objects.bulk_update(actions, ["at"], batch_size=500)


def _number(office, decisions: list[Decision]) -> None:
    """Notice numbers in the 年度 of approval, in order of approval, after any already given."""
    by_year: dict[int, list[Decision]] = {}
    for d in sorted(decisions, key=lambda d: (d.approved_at, d.pk)):
        by_year.setdefault(numbering.fiscal_year(timezone.localtime(d.approved_at).date()), []).append(d)
    last = dict(
        NoticeNumber.objects.filter(office=office, fiscal_year__in=by_year)
        .values("fiscal_year")
        .annotate(m=Max("serial"))
        .values_list("fiscal_year", "m")
    )
    NoticeNumber.objects.bulk_create(
        [
            NoticeNumber(decision=d, **numbering.number_fields(office, year, last.get(year, 0) + n))
            for year, rows in by_year.items()
            for n, d in enumerate(rows, 1)
        ],
        batch_size=2000,
    )
