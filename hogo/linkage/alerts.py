"""Rows of linkage data waiting for a caseworker, as alerts of 「今日の仕事」 and 「係の状況」 (registered
with `hogo.followups.alerts` in apps.py): exceptions to settle, 住民異動 to confirm, large changes to look at.

The date is the day the row's data takes effect (a pension revision's month, a move's day): the change
should be decided by then, so the row is red once that day has come and amber before it. A row that names
a household through its candidates only (an ambiguous match) is shown once, with the first candidate's
household the user has; a row that names nobody of the office is for the supervisors, on the run's page.
"""

from datetime import date

from django.db.models import Q
from django.urls import reverse

from hogo.followups.alerts import AMBER, RED, Alert
from hogo.households.models import Household, Member
from hogo.households.scoping import active_assignments, caseload_of, households_visible_to
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from .effects import effective_day
from .models import WAITING, LinkageRow, Outcome
from .services import parsed_of

LABEL = "連携データの確認"


def _waiting_rows(office_ids, household_ids):
    """Waiting rows of these households, and the office's rows matched to no household (candidates only)."""
    return (
        LinkageRow.objects.filter(run__office_id__in=office_ids)
        .filter(Q(household_id__in=household_ids) | Q(household__isnull=True, outcome=Outcome.EXCEPTION))
        .filter(
            Q(outcome__in=WAITING)
            | Q(outcome=Outcome.DRAFTED, handled_at__isnull=True, decision__status="draft") & ~Q(review="")
        )
        .select_related("run")
    )


def _alerts(rows, households: dict[int, Household], today: date) -> list[Alert]:
    candidates = dict(
        Member.objects.filter(pk__in={c for r in rows for c in r.candidates}).values_list("pk", "household_id")
    )
    caseworkers = dict(
        active_assignments(today).filter(household_id__in=list(households)).values_list("household_id", "caseworker_id")
    )
    alerts = []
    for row in rows:
        ids = [row.household_id] if row.household_id else [candidates.get(c) for c in row.candidates]
        for household_id in [i for i in ids if i in households][:1]:  # once a row, with its first household
            day = effective_day(row.run.source, parsed_of(row).values)
            what = row.reason or row.review or row.get_outcome_display()
            alerts.append(
                Alert(
                    level=RED if day <= today else AMBER,
                    title=f"{row.run.get_source_display()} {row.line}行目 {row.who}: {what}",
                    when=row.change or row.get_outcome_display(),
                    due_on=day,
                    due_label="適用日",
                    link=reverse("linkage_row", args=[row.public_id]),
                    household=households[household_id],
                    target_id=str(row.public_id),
                    caseworker_id=caseworkers.get(household_id),
                )
            )
    return alerts


def alerts_for(user, today: date) -> list[Alert]:
    """The rows of the user's own caseload, in the offices where the user is a caseworker."""
    offices = standing_of(user, today).offices_with(Role.CASEWORKER)
    if not offices:
        return []
    households = {h.pk: h for h in caseload_of(user, today).filter(office_id__in=offices)}
    return _alerts(list(_waiting_rows(offices, list(households))), households, today)


def team_alerts_for(user, today: date, office) -> list[Alert]:
    """The rows of the households the user supervises in `office`; [] unless a supervisor there."""
    if office is None or not standing_of(user, today).has_role(Role.SUPERVISOR, office.pk):
        return []
    households = {h.pk: h for h in households_visible_to(user, today).filter(office=office)}
    return _alerts(list(_waiting_rows([office.pk], list(households))), households, today)
