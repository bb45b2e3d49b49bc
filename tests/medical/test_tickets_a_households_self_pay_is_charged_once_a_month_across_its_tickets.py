"""The household's 本人支払額 is its monthly excess of income over the minimum cost of living: with two 医療券
(two institutions) and 介護券 that month, the tickets together carry that excess once — never once per
ticket — and a 介護券 never carries more than its own cost."""

from datetime import date

from django.db.models import Sum

from hogo.decisions.services import run_need_test
from hogo.medical import services
from hogo.medical.models import CarePlan, Ticket, TicketKind

from ..decisions.change_helpers import head_of
from .medical_helpers import NOVEMBER, advisor, assisted, decided_period, institutions


def test_two_medical_tickets_and_a_care_ticket_carry_the_excess_once(cast):
    places, doctor, cw = institutions(cast.office_a), advisor(cast), cast.users["cw"]
    own = assisted(cast, pension=200_000)
    decided_period(cw, doctor, own, places.hospital)
    decided_period(cw, doctor, own, places.clinic)
    CarePlan.objects.create(
        household=own,
        member=head_of(own),
        planner=places.care,
        limit_units=16_765,
        services=[{"provider": places.care.pk, "service": "訪問介護", "cost": 20_000}],
        starts_on=date(2026, 10, 1),
        recorded_by=cw,
    )
    result = run_need_test(cw, own, as_of=NOVEMBER).result
    excess = result["recognized_income"]["total"] - result["minimum_cost_of_living"]

    services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER)

    tickets = Ticket.objects.filter(household=own)
    assert tickets.filter(kind=TicketKind.MEDICAL).count() == 2
    assert tickets.aggregate(total=Sum("self_pay"))["total"] == excess
    care = tickets.get(kind=TicketKind.CARE)
    assert care.self_pay <= care.cost
