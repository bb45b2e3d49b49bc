"""Shared steps for the change-to-decision tests: a household under an approved start decision, and
income entries the way a caseworker makes them."""

from datetime import date

from django.utils import timezone

from hogo.decisions import services
from hogo.decisions.models import Decision, DecisionStatus
from hogo.households import income_services
from hogo.households.income_services import IncomeEntry

STARTED = date(2026, 4, 1)
OCTOBER = date(2026, 10, 1)
PAY_SLIP = {"income_tax": 1_000, "resident_tax": 500, "social_insurance": 14_000, "commuting": 5_000}


def under_start_decision(household, cw, *, effective_from=STARTED) -> Decision:
    """The household with an approved start decision whose amounts are the engine's for that day."""
    test = services.run_need_test(cw, household, as_of=effective_from)
    amounts = services.monthly_amounts(test.result["benefit"]["by_assistance"])
    return Decision.objects.create(
        household=household,
        kind="start",
        need_test=test,
        effective_from=effective_from,
        amounts=amounts,
        benefit_total=sum(amounts.values()),
        reasons="最低生活費に対し収入が不足するため。",
        drafted_by=cw,
        status=DecisionStatus.APPROVED,
        approved_at=timezone.now(),
    )


def head_of(household):
    return household.members.get(relation="head")


def enter_income(cw, household, *, member=None, kind="earnings", amount=100_000, since=OCTOBER, **more):
    """An income entry of `member` (the head by default); earnings carry the pay-slip lines."""
    lines = PAY_SLIP if kind == "earnings" and "received_on" not in more else {}
    entry = IncomeEntry(
        member=member or head_of(household),
        kind=kind,
        detail=more.pop("detail", "給与" if kind == "earnings" else ""),
        payer=more.pop("payer", "みなと青果" if kind == "earnings" else ""),
        monthly_amount=amount,
        since=None if "received_on" in more else since,
        **(lines | more),
    )
    return income_services.record_income(cw, household, entry)
