"""Synthetic follow-up history for the demo: past checks done at spread-out dates (so some are
due soon and a few are overdue, as in a real office), this month's declarations mostly received,
and a few declarations waiting for recognition, one of them already late."""

import random
from collections import defaultdict
from datetime import timedelta

from django.contrib.auth import get_user_model

from hogo.common.wareki import wareki_month
from hogo.households.models import IncomeKind
from hogo.households.scoping import active_assignments

from . import schedule
from .generate import NewItem, chunks_of_households, household_facts, insert_items, regenerate_all, rule_key
from .models import DeclarationKind, FollowUp, Source, State
from .rules import ensure_rules
from .services import register_declaration

HISTORY_SCHEDULES = (schedule.EVERY_MONTHS, schedule.VISIT_GRADE)
DEMO_CASEWORKERS_WITH_DECLARATIONS = 5
LATE_DECLARING_HOUSEHOLDS = 2  # of the first caseworker, whose 収入申告 is past due and not received (issue 17)


def seed_followups(office, today, seed: int) -> None:
    rng = random.Random(f"followups-{seed}-{office.municipality_code}")
    rules = [r for r in ensure_rules(office, effective_from=today - timedelta(days=730)) if r.active]
    history = [r for r in rules if r.schedule in HISTORY_SCHEDULES]
    if FollowUp.objects.filter(household__office=office).exists():
        return
    late = _late_declarers(office, today)
    anchors = {}  # household → the day its assistance began: nothing is done before it
    done = []
    for chunk in chunks_of_households([office.pk]):
        for hid, facts in household_facts(chunk, today).items():
            anchors[hid] = facts.anchor
            for rule in history:
                spec = rule.spec()
                if not schedule.applies(spec, facts):
                    continue
                months = spec.interval_months or schedule.visit_interval_months(
                    spec, facts.visit_grade, "in_institution" in facts.facts
                )
                done_on = today - timedelta(days=rng.randrange(0, months * 30 + 10))
                if hid in late and rule.closed_by == DeclarationKind.INCOME:  # last received over a period ago
                    done_on = today - timedelta(days=months * 31 + rng.randrange(5, 20))
                if done_on < facts.anchor:  # not before the household's assistance began (issue 17)
                    continue
                done.append(
                    NewItem(
                        hid,
                        rule.pk,
                        Source.RULE,
                        rule_key(rule.pk, f"demo-{done_on}"),
                        "",
                        rule.title,
                        "",
                        "",
                        done_on,
                        done_on,
                    )
                )
    insert_items(done, done_note="（デモデータ）実施済み")
    regenerate_all(today, [office.pk])
    # Most of this month's declarations are in and this year's June checks were done in June.
    for kind, share, note in (
        (schedule.MONTHLY_ON_DAY, 0.85, "（デモデータ）受付済み"),
        (schedule.YEARLY_ON, 0.97, "（デモデータ）実施済み"),
    ):
        past = FollowUp.objects.filter(
            household__office=office, state=State.OPEN, due_on__lt=today, rule__schedule=kind
        ).exclude(household_id__in=late, rule__closed_by=DeclarationKind.INCOME)
        by_day = defaultdict(list)
        for pk, hid, due_on in past.values_list("pk", "household_id", "due_on"):
            if rng.random() < share:
                done_on = due_on - timedelta(days=rng.randrange(0, 9))
                by_day[max(done_on, anchors.get(hid, done_on))].append(pk)
        for done_on, pks in by_day.items():
            for start in range(0, len(pks), 5000):
                FollowUp.objects.filter(pk__in=pks[start : start + 5000]).update(
                    state=State.DONE, done_on=done_on, done_note=note
                )
    _waiting_declarations(office, today, late)


def _late_declarers(office, today) -> set[int]:
    """The first caseworker's first households under assistance without earnings (their 収入申告 is yearly,
    so its history decides its due date), whose 収入申告 the demo leaves late."""
    assignments = active_assignments(today).filter(household__office=office, household__status="active")
    first = assignments.order_by("household_id").values_list("caseworker_id", flat=True).first()
    return set(
        assignments.filter(caseworker_id=first)
        .exclude(household__members__incomes__kind=IncomeKind.EARNINGS)
        .order_by("household_id")
        .values_list("household_id", flat=True)[:LATE_DECLARING_HOUSEHOLDS]
    )


def _waiting_declarations(office, today, late: set[int]) -> None:
    """For the first caseworkers' first households: declarations received 10, 5 and 1 days ago, not
    yet recognised (enough to show red and amber on the demo accounts' screens)."""
    users = {u.staff.pk: u for u in get_user_model().objects.filter(staff__isnull=False).select_related("staff")}
    seen = {}
    assignments = (
        active_assignments(today)
        .filter(household__office=office, household__status="active")
        .exclude(household_id__in=late)  # a declaration received would close the late one
        .order_by("household_id")
    )
    for assignment in assignments.select_related("household__office"):
        if assignment.caseworker_id not in seen and len(seen) >= DEMO_CASEWORKERS_WITH_DECLARATIONS:
            continue
        taken = seen.setdefault(assignment.caseworker_id, 0)
        if taken >= 3:
            continue
        seen[assignment.caseworker_id] = taken + 1
        days_ago = (10, 5, 1)[taken]
        received = today - timedelta(days=days_ago)
        register_declaration(
            users[assignment.caseworker_id],
            assignment.household,
            kind=DeclarationKind.INCOME,
            received_on=received,
            channel="paper",
            period_label=f"{wareki_month(received)}分",
            note="（デモデータ）給与明細あり",
        )
