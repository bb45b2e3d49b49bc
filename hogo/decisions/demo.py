"""Demo data for the decision flow: every synthetic household under assistance gets the approved
start decision it would have, with amounts from the engine (computed for the current month: the
demo does not replay past standards). Synthetic data only."""

from datetime import date

from django.db.models import Max
from django.utils import timezone

from hogo.approvals.models import ActionKind
from hogo.benefits.engine import InputError, calculate, load_standards, parse_household
from hogo.households.models import Household
from hogo.offices.models import Role, RoleAssignment

from . import numbering
from .facts import addressee_from, engine_input_from, load_rows
from .models import ApprovalAction, Decision, DecisionStatus, NeedTest, NoticeNumber
from .services import monthly_amounts, need_test_of, one_time_items

CHUNK = 2000


def approve_starts(office) -> int:
    """Create approved start decisions for the office's households under assistance that have none."""
    today = timezone.localdate()
    as_of = today.replace(day=1)
    standards = load_standards()
    done = set(Decision.objects.filter(household__office=office).values_list("household_id", flat=True))
    ids = [
        h
        for h in Household.objects.filter(office=office, status__in=("active", "suspended"))
        .order_by("id")
        .values_list("id", flat=True)
        if h not in done
    ]
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
    started = dict(Household.objects.filter(pk__in=ids).values_list("id", "status_changes__effective_date"))
    created = 0
    now = timezone.now()
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        households, members, incomes = load_rows(chunk)
        tests, decisions = [], []
        for h in chunk:
            facts = engine_input_from(households[h], members.get(h, []), incomes, as_of)
            try:
                calc = calculate(parse_household(facts), standards)
            except InputError:
                continue
            drafter = cw_of.get(h)
            test = need_test_of(h, facts, calc, run_by_id=drafter)
            tests.append(test)
            effective_from = started.get(h) or date(2024, 4, 1)
            decisions.append(
                Decision(
                    household_id=h,
                    kind="start",
                    need_test=test,
                    effective_from=effective_from,
                    amounts=monthly_amounts(calc.benefit_by_assistance),
                    benefit_total=sum(monthly_amounts(calc.benefit_by_assistance).values()),
                    one_time=one_time_items(calc.benefit_by_assistance, as_of, effective_from),
                    reasons="デモデータ（合成）: 最低生活費に対し収入が不足するため保護を開始する。",
                    snapshot=addressee_from(households[h], members.get(h, [])),
                    status=DecisionStatus.APPROVED,
                    drafted_by_id=drafter,
                    approved_at=now,
                )
            )
        NeedTest.objects.bulk_create(tests, batch_size=1000)
        for d in decisions:
            d.need_test_id = d.need_test.pk
        Decision.objects.bulk_create(decisions, batch_size=1000)
        year = numbering.fiscal_year(today)
        last = NoticeNumber.objects.filter(office=office, fiscal_year=year).aggregate(m=Max("serial"))["m"] or 0
        NoticeNumber.objects.bulk_create(
            [
                NoticeNumber(decision=d, **numbering.number_fields(office, year, last + i))
                for i, d in enumerate(decisions, 1)
            ],
            batch_size=2000,
        )
        ApprovalAction.objects.bulk_create(
            [
                ApprovalAction(decision=d, action=ActionKind.APPROVE, step=step, role=role, actor_id=holders[role])
                for d in decisions
                for step, role in enumerate((Role.SUPERVISOR, Role.CHIEF))
                if role in holders
            ],
            batch_size=2000,
        )
        created += len(decisions)
    return created
