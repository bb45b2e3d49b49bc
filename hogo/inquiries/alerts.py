"""Sent inquiries still waiting for their reply, as alerts of the caseworker's 「今日の仕事」 and the
supervisor's 「係の状況」 (registered with `hogo.followups.alerts` in apps.py). The colour is
`deadlines.level`: red when the reply or the application's decision is overdue, amber when the decision
deadline (生活保護法第24条第5項) is near.

Who sees an alert: the household's current caseworker (`alerts_for`), and the supervisor of that caseworker's
team in the household's office (`team_alerts_for`). Nobody else — not another team, not another office, not
a chief, a clerk or the collection team (they see the inquiry on its page, not as work to chase).
"""

from datetime import date

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import reverse

from hogo.followups.alerts import Alert
from hogo.households.models import Member, Relation
from hogo.households.scoping import active_assignments, caseload_of, households_visible_to
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import deadlines
from .models import Inquiry, InquiryStatus

LABEL = "照会の回答待ち"


def waiting(households: QuerySet, today: date) -> QuerySet:
    """Sent inquiries of these households that may have a level today: the reply overdue, or serving an
    undecided application (whose deadline decides the rest, in Python: it may have been extended)."""
    head = Member.objects.filter(household=OuterRef("household"), relation=Relation.HEAD).values("name")[:1]
    current = Subquery(active_assignments(today).filter(household=OuterRef("household")).values("caseworker_id")[:1])
    return (
        Inquiry.objects.filter(household__in=households, status=InquiryStatus.SENT)
        .filter(Q(due_on__lt=today) | Q(application__isnull=False, application__decided_on__isnull=True))
        .select_related("household", "application")
        .annotate(head_name=Subquery(head), caseworker_id=current)
    )


def alert_of(inquiry: Inquiry, today: date) -> Alert | None:
    """The inquiry as an alert, or None when it has no level today."""
    application = inquiry.application
    decision_deadline = application.deadline if application is not None and application.decided_on is None else None
    level = deadlines.level(inquiry.due_on, decision_deadline, today)
    if not level:
        return None
    when = deadlines.describe(inquiry.due_on, decision_deadline, today)
    if inquiry.reminded_on:
        when += "・督促済み"
    reply_overdue = inquiry.due_on is not None and today > inquiry.due_on
    shows_reply_due = reply_overdue or decision_deadline is None
    return Alert(
        level=level,
        title=f"{inquiry.institution_name}への照会（照会番号 {inquiry.reference}）",
        when=when,
        due_on=inquiry.due_on if shows_reply_due else decision_deadline,
        due_label="回答期限" if shows_reply_due else "保護の決定期限",
        link=reverse("inquiry_detail", args=[inquiry.public_id]),
        household=inquiry.household,
        target_id=str(inquiry.public_id),
        caseworker_id=getattr(inquiry, "caseworker_id", None),
        head_name=getattr(inquiry, "head_name", None) or "",
    )


def _alerts(households: QuerySet, today: date) -> list[Alert]:
    alerts = (alert_of(inquiry, today) for inquiry in waiting(households, today))
    return [a for a in alerts if a is not None]


def alerts_for(user, today: date) -> list[Alert]:
    """The alerts of the user's own caseload, in the offices where the user is a caseworker."""
    offices = standing_of(user, today).offices_with(Role.CASEWORKER)
    if not offices:
        return []
    return _alerts(caseload_of(user, today).filter(office_id__in=offices), today)


def team_alerts_for(user, today: date, office) -> list[Alert]:
    """The alerts of the households the user supervises in `office` (their team's, and the unassigned),
    each with its current caseworker; [] unless the user is a supervisor there."""
    if office is None or not standing_of(user, today).has_role(Role.SUPERVISOR, office.pk):
        return []
    return _alerts(households_visible_to(user, today).filter(office=office), today)
