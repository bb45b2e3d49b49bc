"""What the decisions app puts in the approval inbox (registered in apps.py): decision drafts at
the user's step, 一斉更正 runs with drafts the user may approve in bulk, and the user's own
decision drafts that were returned."""

from django.db.models import Count, OuterRef, Subquery
from django.urls import reverse

from hogo.approvals.inbox import (
    InboxRow,
    Rows,
    returned_line,
    returned_to,
    staff_name,
    waiting_for,
    waiting_line,
    with_head_name,
)
from hogo.common.wareki import wareki
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from .models import Decision, RecalcResult, RecalcRun


def _in_bulk_runs(user):
    """Drafts of the user's offices' runs that the run page approves in bulk (no exception to review)."""
    return RecalcResult.objects.filter(
        run__office_id__in=standing_of(user).office_ids,
        outcome=RecalcResult.Outcome.CHANGED,
        exception="",
        decision__isnull=False,
    ).values("decision_id")


def _decisions(queryset):
    return with_head_name(queryset.select_related("household", "drafted_by__staff"))


def _line(make):
    def line(decision: Decision):
        return make(
            decision,
            title=f"{decision.get_kind_display()}の決定（{wareki(decision.effective_from)}から）",
            url=reverse("decision_detail", kwargs={"public_id": decision.public_id}),
        )

    return line


def waiting_decisions(user) -> Rows:
    """Decision drafts at the user's step, oldest first; drafts of a run that are approved in bulk
    are listed under their run instead (those with an exception to review stay here)."""
    drafts = waiting_for(user, Decision.objects.all()).exclude(pk__in=_in_bulk_runs(user))
    return Rows(_decisions(drafts), _line(waiting_line))


def returned_decisions(user) -> Rows:
    return Rows(_decisions(returned_to(user, Decision.objects.all())), _line(returned_line))


def _run_row(run: RecalcRun) -> InboxRow:
    return InboxRow(
        title=f"一斉更正（{wareki(run.as_of)}適用）{run.reason}",
        url=reverse("recalc_detail", kwargs={"public_id": run.public_id}),
        drafted_at=run.created_at,
        drafter=staff_name(run.requested_by),
        note=f"一括承認できる起案 {run.waiting}件",
    )


def runs_to_approve(user) -> Rows | None:
    """一斉更正 runs of the offices where the user approves runs (supervisors and chiefs, as the run
    page allows) that hold drafts the user may approve now, oldest first, with how many."""
    offices = standing_of(user).offices_with(Role.SUPERVISOR, Role.CHIEF)
    if not offices:
        return None
    mine = waiting_for(user, Decision.objects.all())
    waiting = (
        RecalcResult.objects.filter(
            run=OuterRef("pk"), outcome=RecalcResult.Outcome.CHANGED, exception="", decision__in=mine.values("pk")
        )
        .order_by()
        .values("run")
        .annotate(n=Count("pk"))
        .values("n")
    )
    runs = (
        RecalcRun.objects.filter(office_id__in=offices)
        .annotate(waiting=Subquery(waiting))
        .filter(waiting__gt=0)
        .select_related("requested_by__staff")
        .order_by("created_at", "pk")
    )
    return Rows(runs, _run_row)
