"""Payment runs in the approval inbox: a drafted run waits for a chief of its office (not its drafter);
a returned run comes back to the clerk who computed it."""

from django.urls import reverse

from hogo.approvals.inbox import InboxRow, Rows, staff_name
from hogo.approvals.models import ActionKind, Status
from hogo.common.wareki import wareki_month
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from .models import PaymentRun


def _row(run: PaymentRun, **more) -> InboxRow:
    return InboxRow(
        title=f"{wareki_month(run.month)}の{run.get_kind_display()} {run.totals.get('net', 0):,}円",
        url=reverse("payment_run", kwargs={"public_id": run.public_id}),
        drafted_at=run.drafted_at,
        drafter=staff_name(run.drafted_by),
        note=run.office.name,
        **more,
    )


def waiting_runs(user) -> Rows | None:
    offices = standing_of(user).offices_with(Role.CHIEF)
    if not offices:
        return None
    runs = (
        PaymentRun.objects.filter(office_id__in=offices, status=Status.DRAFT)
        .exclude(drafted_by=user)
        .select_related("office", "drafted_by__staff")
        .order_by("drafted_at", "id")
    )
    return Rows(runs, _row)


def returned_runs(user) -> Rows | None:
    offices = standing_of(user).offices_with(Role.CLERK, Role.CHIEF)
    runs = (
        PaymentRun.objects.filter(office_id__in=offices, status=Status.RETURNED, drafted_by=user)
        .select_related("office", "drafted_by__staff")
        .order_by("-drafted_at", "-id")
    )

    def row(run):
        back = run.actions.filter(action=ActionKind.RETURN).select_related("actor__staff").last()
        return _row(
            run,
            returned_at=back.at if back else None,
            returned_by=staff_name(back.actor) if back else "",
            reason=back.comment if back else "",
        )

    return Rows(runs, row)
