"""Demo receivables (issue 17): in each office, a few approved 法第63条・第78条 determinations and their
receivables in the states a collection team meets — overdue and unpaid, overdue and partly paid, a
第78条 debt with its surcharge overdue, one paid in full and one not yet due — so dunning, payments
and the reports can be tried. Each is for months the household was assisted, decided after them, and
no balance goes below zero. Synthetic data only."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from hogo.approvals.models import ActionKind, Status
from hogo.decisions.models import Decision
from hogo.offices.models import Role, RoleAssignment

from . import rules, services
from .models import Cause, Determination, DeterminationAction, Entry

MEANS = "デモデータ（合成）: 年金の遡及支給を受けた月に資力があったが、申告が遅れた。"
DISHONEST = "デモデータ（合成）: 就労収入があったのに収入申告をしていなかった（課税調査で判明）。"
NOTE = "返還金・徴収金の決定（デモデータ）"


@dataclass(frozen=True)
class Case:
    decided_days_ago: int  # the determination was approved (and the receivable opened) this many days ago
    article: str
    paid_share: float  # of the balance, paid 20 days after it was opened
    due_days: int = 30  # 納期限, days after the decision


CASES = (
    Case(90, rules.ART63, 0.0),  # overdue 60 days, nothing paid
    Case(150, rules.ART63, 0.4),  # overdue, partly paid
    Case(45, rules.ART78, 0.0),  # 第78条 with a 10% surcharge, overdue 15 days
    Case(200, rules.ART63, 1.0),  # paid in full
    Case(10, rules.ART63, 0.0),  # not yet due
)
SURCHARGE_PERCENT = 10


def _month_start(day: date, back: int) -> date:
    month = day.year * 12 + day.month - 1 - back
    return date(month // 12, month % 12 + 1, 1)


def _at(day: date):
    return timezone.make_aware(datetime.combine(day, time(14, 0)))


def seed_receivables(office, today: date, seed: int) -> int:
    """The office's demo determinations and receivables (none when it has any). Returns how many receivables."""
    if Determination.objects.filter(household__office=office).exists():
        return 0
    rng = random.Random(f"receivables-{seed}-{office.municipality_code}")
    holders = dict(
        RoleAssignment.objects.active_on(today)
        .filter(office=office, role__in=[Role.SUPERVISOR, Role.CHIEF, Role.CLERK])
        .values_list("role", "staff__user_id")
    )
    if Role.CLERK not in holders:
        return 0
    # households assisted for more than a year, the first caseworker's first: the months overpaid lie
    # inside their assistance and before each decision
    starts = (
        Decision.objects.filter(
            household__office=office,
            household__status="active",
            kind="start",
            status=Status.APPROVED,
            effective_from__lte=today - timedelta(days=400),
        )
        .select_related("household")
        .order_by("household_id")
    )
    made = 0
    for case, start in zip(CASES, starts, strict=False):
        household = start.household
        decided = today - timedelta(days=case.decided_days_ago)
        months = [_month_start(decided, back) for back in (3, 2)]
        if months[0] < start.effective_from.replace(day=1):
            continue
        lines = [rules.Overpayment(m, "living", rng.randrange(15_000, 60_000, 1000)) for m in months]
        dishonest_from = months[0] if case.article == rules.ART78 else None
        result = rules.determine(
            lines,
            dishonest_from=dishonest_from,
            surcharge_percent=SURCHARGE_PERCENT if dishonest_from else 0,
            this_month=today.replace(day=1),
        )
        drafter = household.assignments.filter(valid_to__isnull=True).values_list("caseworker__user_id", flat=True)
        determination = Determination.objects.create(
            household=household,
            lines=[{"month": x.month.isoformat(), "assistance": x.assistance, "amount": x.amount} for x in lines],
            means_existed="" if dishonest_from else MEANS,
            dishonest_from=dishonest_from,
            dishonest_facts=DISHONEST if dishonest_from else "",
            surcharge_percent=result.surcharge_percent,
            cause=Cause.RECIPIENT,
            principal63=result.principal63,
            principal78=result.principal78,
            surcharge78=result.surcharge78,
            due_on=decided + timedelta(days=case.due_days),
            drafted_by_id=drafter.first(),
            status=Status.APPROVED,
            approved_at=_at(decided),
        )
        Determination.objects.filter(pk=determination.pk).update(drafted_at=_at(decided))
        actions = DeterminationAction.objects.bulk_create(
            [
                DeterminationAction(
                    determination=determination, action=ActionKind.APPROVE, step=step, role=role, actor_id=holders[role]
                )
                for step, role in enumerate((Role.SUPERVISOR, Role.CHIEF))
                if role in holders
            ]
        )
        DeterminationAction.objects.filter(pk__in=[a.pk for a in actions]).update(at=_at(decided))
        for kind, principal, surcharge in services.articles_of(determination):
            receivable = services.create_receivable(determination, kind, decided)
            entries = [Entry(kind=rules.PRINCIPAL, amount=principal, on=decided, note=NOTE)]
            if surcharge:
                entries.append(
                    Entry(
                        kind=rules.SURCHARGE,
                        amount=surcharge,
                        on=decided,
                        note=f"法第78条第1項 加算金 {SURCHARGE_PERCENT}%",
                    )
                )
            paid = int((principal + surcharge) * case.paid_share)
            paid_on = decided + timedelta(days=20)
            if paid and paid_on <= today:
                entries.append(Entry(kind=rules.PAYMENT, amount=paid, on=paid_on, channel="bank", note="口座振込"))
            for entry in entries:
                entry.receivable, entry.recorded_by_id = receivable, holders[Role.CLERK]
            Entry.objects.bulk_create(entries)
            made += 1
    return made
