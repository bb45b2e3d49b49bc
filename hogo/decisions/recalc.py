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
from hogo.audit.services import record, record_many
from hogo.benefits.engine import load_standards
from hogo.common.fault_hooks import pause_inside_chunk_for_tests
from hogo.common.wareki import wareki
from hogo.households.models import Household
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from .changes import approved_by_household, build_draft, compare_facts, save_drafts
from .facts import engine_input_from, load_rows
from .models import Decision, DecisionStatus, RecalcResult, RecalcRun

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


def review_reason(old_total: int, new_total: int, need: bool) -> str:
    """Why a drafted change should be looked at before bulk approval ("" when it need not be)."""
    if not need:
        return "要否判定が「否」（廃止の検討）"
    if old_total and abs(new_total - old_total) * 100 > old_total * BIG_CHANGE_SHARE:
        return f"月額が{BIG_CHANGE_SHARE}%を超えて変わる"
    return ""


def _skipped(run: RecalcRun, household_id: int, reason: str) -> RecalcResult:
    return RecalcResult(
        run=run, household_id=household_id, outcome=RecalcResult.Outcome.SKIPPED, exception=reason[:200]
    )


def process_chunk(run: RecalcRun, household_ids: list[int]) -> dict:
    """Recalculate these households for the run; returns the counts it added."""
    standards = load_standards()
    done = set(
        RecalcResult.objects.filter(run=run, household_id__in=household_ids).values_list("household_id", flat=True)
    )
    todo = [h for h in household_ids if h not in done]
    households, members, incomes = load_rows(todo)
    approved = approved_by_household(todo)
    pending = set(
        Decision.objects.filter(household_id__in=todo, status=DecisionStatus.DRAFT).values_list(
            "household_id", flat=True
        )
    )
    actor, as_of = run.requested_by, run.as_of
    results, drafts = [], []
    for household_id in todo:
        if household_id in pending:
            results.append(_skipped(run, household_id, "決裁待ちの決定がある"))
            continue
        own = members.get(household_id, [])
        facts = engine_input_from(households[household_id], own, incomes, as_of)
        comparison = compare_facts(facts, approved.get(household_id, []), as_of, standards)
        if comparison.problem:
            results.append(_skipped(run, household_id, comparison.problem))
            continue
        old_total, new_total = comparison.old_total, comparison.new_total
        if not comparison.changed:
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
        reasons = f"{run.reason}（一斉更正 {wareki(as_of)}）"
        _, draft = build_draft(actor, households[household_id], own, comparison, reasons)
        drafts.append(draft)
        results.append(
            RecalcResult(
                run=run,
                household_id=household_id,
                outcome=RecalcResult.Outcome.CHANGED,
                old_total=old_total,
                new_total=new_total,
                decision=draft,
                exception=review_reason(old_total, new_total, comparison.calc.need),
            )
        )
    with transaction.atomic():
        try:
            with transaction.atomic():
                RecalcResult.objects.bulk_create([r for r in results if r.decision is None], batch_size=1000)
        except IntegrityError:
            return {"processed": 0, "changed": 0, "skipped": 0}  # another worker did this chunk
        pause_inside_chunk_for_tests()
        events = save_drafts(
            actor, drafts, dict.fromkeys(todo, run.office_id), {"recalc_run": str(run.public_id)}, audit=False
        )
        changed = [r for r in results if r.decision is not None]
        for r in changed:
            r.decision_id = r.decision.pk
        RecalcResult.objects.bulk_create(changed, batch_size=1000)
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
        if events:
            record_many(actor, events)  # last: the audit chain's head is locked from here to the commit
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
