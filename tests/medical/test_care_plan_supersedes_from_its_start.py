"""A new care plan supersedes the member's earlier plan from its start: before it the old plan is in force,
from it the new one, and the monthly run issues 介護券 from the plan in force only."""

from datetime import date

import pytest

from hogo.medical import care, services
from hogo.medical.models import TicketKind

from ..decisions.change_helpers import head_of
from .medical_helpers import institutions


@pytest.fixture
def plans(cast):
    places = institutions(cast.office_a)
    member = head_of(cast.households["own"])
    member.care_level = "care_1"
    member.save()

    def record(starts_on, cost):
        return care.record_care_plan(
            cast.users["cw"],
            cast.households["own"],
            member=member,
            planner=places.care,
            in_facility=False,
            limit_units=16_765,
            services=[{"provider": places.care.pk, "service": "訪問介護", "cost": cost}],
            starts_on=starts_on,
        )

    return member, record(date(2026, 9, 1), 30_000), record(date(2026, 11, 1), 50_000)


def test_the_earlier_plan_is_in_force_before_the_new_one_starts(plans):
    member, old, new = plans
    assert care.plan_in_force(member, date(2026, 10, 31)) == old
    assert care.plan_in_force(member, date(2026, 11, 1)) == new


def test_the_run_issues_the_care_ticket_from_the_plan_in_force(cast, plans):
    _, old, new = plans
    for month, plan, share in ((date(2026, 10, 1), old, 3_000), (date(2026, 11, 1), new, 5_000)):
        planned, _ = services.plan_month(cast.office_a, month)
        care_tickets = [(p.care_plan, p.cost) for p in planned if p.kind == TicketKind.CARE]
        assert care_tickets == [(plan, share)]
