"""本人支払額: when a household's recognised income exceeds its minimum cost of living (both the engine's for
the month), the excess — on the 医療券 only, never on the 調剤券; nothing when income does not exceed it."""

import pytest

from hogo.decisions.services import run_need_test
from hogo.medical import services
from hogo.medical.models import Ticket, TicketKind

from .medical_helpers import NOVEMBER, advisor, assisted, decided_period, institutions

PENSION = 200_000  # more than a single elderly person's minimum cost of living


@pytest.fixture
def run(cast):
    places, doctor = institutions(cast.office_a), advisor(cast)
    pensioner = assisted(cast, pension=PENSION)
    decided_period(cast.users["cw"], doctor, pensioner, places.hospital, pharmacy=places.pharmacy)
    decided_period(cast.users["cw_mate"], doctor, assisted(cast, "mate", cw="cw_mate"), places.clinic)
    return services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER)


def test_the_pensioners_medical_ticket_carries_income_above_the_minimum_cost_of_living(cast, run):
    own = cast.households["own"]
    result = run_need_test(cast.users["cw"], own, as_of=NOVEMBER).result
    excess = result["recognized_income"]["total"] - result["minimum_cost_of_living"]
    assert excess > 0

    ticket = Ticket.objects.get(household=own, kind=TicketKind.MEDICAL)
    assert ticket.self_pay == excess
    assert f"{result['minimum_cost_of_living']:,}円" in ticket.self_pay_basis


def test_the_dispensing_ticket_carries_no_self_pay(cast, run):
    ticket = Ticket.objects.get(household=cast.households["own"], kind=TicketKind.DISPENSING)
    assert (ticket.self_pay, ticket.self_pay_basis) == (0, "本人支払額は医療券に計上")


def test_a_household_without_income_above_its_minimum_pays_nothing(cast, run):
    ticket = Ticket.objects.get(household=cast.households["mate"], kind=TicketKind.MEDICAL)
    assert ticket.self_pay == 0
