"""Reads of follow-ups used by the CW home, the household page, the SV dashboard and the digest.
Every query starts from the scoping function, so nobody sees items of households they may not see."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse

from hogo.decisions.models import Application
from hogo.households.models import Member, Relation
from hogo.households.scoping import active_assignments, caseload_of, editable_among, households_visible_to

from . import schedule
from .models import FollowUp, Source, State

WEEK = timedelta(days=7)
URGENCY_ORDER = {"overdue": 0, "due": 1, "upcoming": 2}
URGENCY_LABELS = {"overdue": "期限切れ", "due": "期限間近", "upcoming": "予定"}


def pending(items: QuerySet, today: date) -> QuerySet:
    """Open items, and snoozed ones whose snooze has ended."""
    return items.filter(Q(state=State.OPEN) | Q(state=State.SNOOZED, snoozed_until__lte=today))


def on_the_list(items: QuerySet, today: date) -> QuerySet:
    """What a work list shows today: inside its warning period, or due within a week."""
    return pending(items, today).filter(Q(warn_on__lte=today) | Q(due_on__lte=today + WEEK))


def link_of(item: FollowUp, editable: bool = True) -> str:
    """Where the item's work is done; for a viewer who may not change the household (`editable`
    false: a chief, a clerk), the item's own page instead of a form they would be refused."""
    if item.source == Source.APPLICATION:
        return reverse("application_detail", args=[item.subject_id])
    if item.source == Source.DECLARATION:
        return reverse("declaration_detail", args=[item.subject_id])
    if item.source == Source.SUPPORT_PLAN and item.key.endswith(":monitoring"):
        return reverse("plan_detail", args=[item.subject_id])
    if item.source == Source.CHECKIN:  # the self-report (or the missed one) from the portal
        return reverse("checkin_detail", args=[item.subject_id])
    if item.rule_id and item.rule.closed_by and editable:
        return reverse("declaration_new", args=[item.household.public_id]) + f"?kind={item.rule.closed_by}"
    return reverse("followup_detail", args=[item.public_id])


@dataclass
class Row:
    item: FollowUp
    urgency: str
    days_left: int
    link: str
    caseworker: str = ""

    @property
    def overdue_days(self):
        return -self.days_left

    @property
    def urgency_label(self):
        return URGENCY_LABELS[self.urgency]


def rows_of(items, today: date, caseworker_names: dict | None = None, viewer=None) -> list[Row]:
    """The items as rows; with `viewer`, each link is one that viewer may open (see link_of)."""
    items = list(items)
    editable = None if viewer is None else editable_among(viewer, {item.household_id for item in items}, today)

    def may_edit_household(item) -> bool:
        return editable is None or item.household_id in editable

    rows = [
        Row(
            item,
            item.urgency(today),
            (item.due_on - today).days,
            link_of(item, may_edit_household(item)),
            (caseworker_names or {}).get(getattr(item, "caseworker_id", None), ""),
        )
        for item in items
    ]
    rows.sort(key=lambda r: (URGENCY_ORDER[r.urgency], r.item.due_on, r.item.pk))
    return rows


def _with_household(items):
    head = Member.objects.filter(household=OuterRef("household"), relation=Relation.HEAD).values("name")[:1]
    return items.select_related("household", "rule").annotate(head_name=Subquery(head))


def counts_of(rows: list[Row], today: date) -> dict:
    week_end = today + WEEK
    return {
        "overdue": sum(r.urgency == "overdue" for r in rows),
        "this_week": sum(r.urgency != "overdue" and r.item.due_on <= week_end for r in rows),
        "applications": sum(r.item.source == Source.APPLICATION for r in rows),
        "visits": sum(bool(r.item.rule_id) and r.item.rule.schedule == schedule.VISIT_GRADE for r in rows),
        "declarations": sum(r.item.source == Source.DECLARATION for r in rows),
    }


def work_today(user, today: date) -> tuple[list[Row], dict]:
    """A caseworker's own list: their caseload's items that need attention now, most urgent first."""
    items = on_the_list(FollowUp.objects.filter(household__in=caseload_of(user, today)), today)
    rows = rows_of(_with_household(items), today, viewer=user)
    return rows, counts_of(rows, today)


def household_items(household, today: date, viewer=None) -> list[Row]:
    items = pending(FollowUp.objects.filter(household=household), today).select_related("household", "rule")
    return rows_of(items, today, viewer=viewer)


# What to ask at a visit for an open follow-up, by its rule's code ("…*" matches codes that begin so).
VISIT_QUESTIONS = {
    "job_search_report": "求職活動の状況（ハローワークの利用、応募先）を聞き、求職活動報告を受け取る",
    "income_declaration*": "収入の変化を確認し、収入申告書と給与明細・年金通知を受け取る",
    "assets_declaration": "資産申告書（預貯金通帳の写し）を受け取る",
    "medical_opinion*": "通院・服薬の状況、介護サービスの利用を聞く",
    "care_certification": "通院・服薬の状況、介護サービスの利用を聞く",
}


def _question_for(item: FollowUp) -> str | None:
    code = item.rule.code if item.rule_id else ""
    for key, question in VISIT_QUESTIONS.items():
        if code == key or (key.endswith("*") and code.startswith(key[:-1])):
            return question
    if item.source == Source.DECLARATION:
        return f"未認定の{item.title.replace('の認定', '')}について内容を確かめる"
    return None


def visit_questions(rows: list[Row]) -> list[str]:
    """What to ask this time, from the household's open follow-ups, each question once."""
    questions = (_question_for(row.item) for row in rows)
    return list(dict.fromkeys(q for q in questions if q))


def _visible_in(user, today: date, office=None) -> QuerySet:
    households = households_visible_to(user, today)
    return households if office is None else households.filter(office=office)


def team_items(user, today: date, office=None) -> QuerySet:
    current = Subquery(active_assignments(today).filter(household=OuterRef("household")).values("caseworker_id")[:1])
    return pending(FollowUp.objects.filter(household__in=_visible_in(user, today, office)), today).annotate(
        caseworker_id=current
    )


def team_counts(user, today: date, office=None) -> dict[int, dict]:
    """Per caseworker: overdue items, items due this week, declarations waiting and overdue."""
    week_end = today + WEEK
    declaration = Q(source=Source.DECLARATION)
    return {
        row["caseworker_id"]: row
        for row in team_items(user, today, office)
        .values("caseworker_id")
        .annotate(
            overdue=Count("id", filter=Q(due_on__lt=today)),
            this_week=Count("id", filter=Q(due_on__gte=today, due_on__lte=week_end)),
            declarations=Count("id", filter=declaration),
            declarations_overdue=Count("id", filter=declaration & Q(due_on__lt=today)),
        )
    }


def team_overdue(user, today: date, caseworker_names: dict, limit: int = 200, office=None) -> list[Row]:
    items = team_items(user, today, office).filter(due_on__lt=today).order_by("due_on", "pk")[:limit]
    return rows_of(_with_household(items), today, caseworker_names, viewer=user)


def decided_within_deadline(user, today: date, days: int = 365, office=None) -> dict[int, dict]:
    """Per current caseworker: applications decided in the last `days` days, and how many within
    their deadline (法第24条第5項)."""
    current = Subquery(active_assignments(today).filter(household=OuterRef("household")).values("caseworker_id")[:1])
    rows = (
        Application.objects.filter(
            household__in=_visible_in(user, today, office), decided_on__gte=today - timedelta(days=days)
        )
        .annotate(caseworker_id=current)
        .only("received_on", "extended_days", "decided_on")
    )
    result: dict[int, dict] = {}
    for application in rows:
        entry = result.setdefault(application.caseworker_id, {"decided": 0, "in_time": 0})
        entry["decided"] += 1
        entry["in_time"] += application.decided_on <= application.deadline
    return result


def team_overdue_items(user, today: date, office=None, *, caseworker_id=None, source: str = "") -> QuerySet:
    """Every overdue item of the team, oldest due date first (the SV's list, paged by its view);
    `caseworker_id` and `source` narrow it."""
    items = team_items(user, today, office).filter(due_on__lt=today)
    if caseworker_id:
        items = items.filter(caseworker_id=caseworker_id)
    if source:
        items = items.filter(source=source)
    return _with_household(items).order_by("due_on", "pk")
