"""Mass recalculation (一斉更正): run the engine for every household under assistance and draft a
change decision only where the monthly amounts change. Work is split into chunks, one background
task each, so more workers finish sooner; each chunk is idempotent."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from hogo.approvals import services as approvals
from hogo.audit.context import audit_context
from hogo.audit.models import Action
from hogo.audit.services import Event, record, record_many
from hogo.benefits.engine import InputError, calculate, load_standards, parse_household
from hogo.common.wareki import wareki
from hogo.households.models import Household
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import periods
from .facts import addressee_from, engine_input_from, load_rows
from .models import Decision, DecisionKind, DecisionStatus, NeedTest, RecalcResult, RecalcRun
from .services import monthly_amounts, one_time_items

CHUNK_SIZE = 1000
BIG_CHANGE_SHARE = 10  # a change of more than 10 % of the monthly total is listed for review
UNDER_ASSISTANCE = ("active", "suspended")


def may_start(actor, office) -> bool:
    standing = standing_of(actor)
    return any(standing.has_role(role, office.pk) for role in (Role.CHIEF, Role.CLERK))


def start_recalc(actor, office, as_of: date, reason: str, enqueue: bool = True) -> RecalcRun:
    """Create the run and queue its chunks. Chiefs and clerks start runs; supervisors and chiefs
    review and approve the drafts."""
    if not may_start(actor, office):
        raise PermissionDenied("一斉更正を開始できるのは課長と事務です。")
    if not reason.strip():
        raise ValidationError({"reason": "理由を入力してください（例: 基準改定）。"})
    ids = list(
        Household.objects.filter(office=office, status__in=UNDER_ASSISTANCE).order_by("id").values_list("id", flat=True)
    )
    with transaction.atomic():
        run = RecalcRun.objects.create(
            office=office, as_of=as_of, reason=reason.strip(), requested_by=actor, total=len(ids)
        )
        record(
            actor,
            Action.CREATE,
            target=run,
            office_id=office.pk,
            detail={"as_of": as_of.isoformat(), "households": len(ids)},
        )
    chunks = [ids[i : i + CHUNK_SIZE] for i in range(0, len(ids), CHUNK_SIZE)]
    if not chunks:
        RecalcRun.objects.filter(pk=run.pk).update(status=RecalcRun.Status.DONE, finished_at=timezone.now())
    if enqueue:
        for chunk in chunks:
            recalc_chunk.enqueue(run.pk, chunk)
    return run


def _governing(rows: list[tuple]) -> dict[int, tuple]:
    """Per household: approved decisions as (kind, effective_from, amounts, benefit_total, one_time)."""
    by_household: dict[int, list] = {}
    for household_id, kind, effective_from, amounts, benefit_total, one_time in rows:
        by_household.setdefault(household_id, []).append((kind, effective_from, amounts, benefit_total, one_time))
    return by_household


def _exception(old_total: int, new_total: int, need: bool) -> str:
    if not need:
        return "要否判定が「否」（廃止の検討）"
    if old_total and abs(new_total - old_total) * 100 > old_total * BIG_CHANGE_SHARE:
        return f"月額が{BIG_CHANGE_SHARE}%を超えて変わる"
    return ""


def process_chunk(run: RecalcRun, household_ids: list[int]) -> dict:
    """Recalculate these households for the run; returns the counts it added."""
    standards = load_standards()
    done = set(
        RecalcResult.objects.filter(run=run, household_id__in=household_ids).values_list("household_id", flat=True)
    )
    todo = [h for h in household_ids if h not in done]
    households, members, incomes = load_rows(todo)
    approved = _governing(
        Decision.objects.filter(household_id__in=todo, status=DecisionStatus.APPROVED)
        .order_by("approved_at", "id")
        .values_list("household_id", "kind", "effective_from", "amounts", "benefit_total", "one_time")
    )
    pending = set(
        Decision.objects.filter(household_id__in=todo, status=DecisionStatus.DRAFT).values_list(
            "household_id", flat=True
        )
    )
    actor, as_of = run.requested_by, run.as_of
    results, tests, drafts, events = [], [], [], []
    for household_id in todo:
        history = approved.get(household_id, [])
        current = [d for d in history if d[1] <= as_of]
        current = max(current, key=lambda d: d[1]) if current else None
        if household_id in pending or current is None or current[0] not in ("start", "change"):
            reason = "決裁待ちの決定がある" if household_id in pending else "適用日に開始・変更の決定がない"
            results.append(
                RecalcResult(run=run, household_id=household_id, outcome=RecalcResult.Outcome.SKIPPED, exception=reason)
            )
            continue
        facts = engine_input_from(households[household_id], members.get(household_id, []), incomes, as_of)
        try:
            calc = calculate(parse_household(facts), standards)
            periods.check_fits("change", as_of, [(d[0], d[1]) for d in history])
        except (InputError, ValueError) as exc:
            results.append(
                RecalcResult(
                    run=run, household_id=household_id, outcome=RecalcResult.Outcome.SKIPPED, exception=str(exc)[:200]
                )
            )
            continue
        new_amounts = monthly_amounts(calc.benefit_by_assistance)
        # in December the 期末一時扶助 is a change too, unless the decision in force carries it (decision 0016)
        new_one_time = one_time_items(calc.benefit_by_assistance, as_of, as_of)
        new_total = sum(new_amounts.values())
        old_total = current[3]
        carried = current[4] if (current[4] or {}).get("month") == f"{as_of.year}-{as_of.month:02d}" else {}
        if new_amounts == current[2] and new_one_time == carried:
            results.append(
                RecalcResult(
                    run=run,
                    household_id=household_id,
                    outcome=RecalcResult.Outcome.UNCHANGED,
                    old_total=old_total,
                    new_total=new_total,
                )
            )
            continue
        result = calc.as_record()
        test = NeedTest(
            household_id=household_id,
            as_of=as_of,
            facts=facts,
            result=result,
            standards_version=calc.standards_version,
            minimum_cost_of_living=calc.minimum_cost_of_living,
            recognized_income=calc.recognized_income,
            benefit=calc.benefit,
            need=calc.need,
            run_by=actor,
        )
        draft = Decision(
            household_id=household_id,
            kind=DecisionKind.CHANGE,
            need_test=test,
            effective_from=as_of,
            amounts=new_amounts,
            benefit_total=new_total,
            one_time=new_one_time,
            snapshot=addressee_from(households[household_id], members.get(household_id, [])),
            reasons=f"{run.reason}（一斉更正 {wareki(as_of)}）",
            drafted_by=actor,
        )
        tests.append(test)
        drafts.append(draft)
        results.append(
            RecalcResult(
                run=run,
                household_id=household_id,
                outcome=RecalcResult.Outcome.CHANGED,
                old_total=old_total,
                new_total=new_total,
                decision=draft,
                exception=_exception(old_total, new_total, calc.need),
            )
        )
    with transaction.atomic():
        try:
            with transaction.atomic():
                RecalcResult.objects.bulk_create([r for r in results if r.decision is None], batch_size=1000)
        except IntegrityError:
            return {"processed": 0, "changed": 0, "skipped": 0}  # another worker did this chunk
        NeedTest.objects.bulk_create(tests, batch_size=1000)
        for draft in drafts:
            draft.need_test_id = draft.need_test.pk
        Decision.objects.bulk_create(drafts, batch_size=1000)
        changed = [r for r in results if r.decision is not None]
        for r in changed:
            r.decision_id = r.decision.pk
        RecalcResult.objects.bulk_create(changed, batch_size=1000)
        events = [
            Event(
                Action.CREATE,
                Decision.audit_type,
                str(d.public_id),
                run.office_id,
                {"kind": "change", "recalc_run": str(run.public_id), "benefit_total": d.benefit_total},
            )
            for d in drafts
        ]
        if events:
            record_many(actor, events)
        counts = {
            "processed": len(results),
            "changed": len(changed),
            "skipped": sum(1 for r in results if r.outcome == RecalcResult.Outcome.SKIPPED),
        }
        RecalcRun.objects.filter(pk=run.pk).update(
            processed=F("processed") + counts["processed"],
            changed=F("changed") + counts["changed"],
            skipped=F("skipped") + counts["skipped"],
        )
        RecalcRun.objects.filter(pk=run.pk, processed__gte=F("total"), status=RecalcRun.Status.RUNNING).update(
            status=RecalcRun.Status.DONE, finished_at=timezone.now()
        )
    return counts


@task()
def recalc_chunk(run_id: int, household_ids: list[int]) -> dict:
    with audit_context(source="recalc"):  # the drafts' entries say the mass recalculation wrote them
        run = RecalcRun.objects.select_related("office", "requested_by").get(pk=run_id)
        return process_chunk(run, household_ids)


def visible_runs(actor):
    """Runs of the offices where the actor is a chief, clerk or supervisor."""
    offices = standing_of(actor).offices_with(Role.CHIEF, Role.CLERK, Role.SUPERVISOR)
    return RecalcRun.objects.filter(office_id__in=offices)


def approve_run(actor, run: RecalcRun) -> dict:
    """Approve, at the actor's step, every draft of the run that has no exception to review.
    Each approval goes through the same rules as a single one; refusals are counted, not raised."""
    results = RecalcResult.objects.filter(
        run=run, outcome=RecalcResult.Outcome.CHANGED, exception="", decision__status=DecisionStatus.DRAFT
    ).select_related("decision__household__office")
    return approvals.approve_each(actor, [result.decision for result in results], comment="一斉更正の一括承認")
