"""介護扶助 pays the 1割 the insurance does not, summed per provider: the plan's page figures and the 介護券
of the monthly run agree; a 施設入所 plan gives the facility its 介護券 too."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.medical import care, copay, services
from hogo.medical.models import InstitutionKind, TicketKind

from ..decisions.change_helpers import head_of
from .medical_helpers import institution, institutions

NOVEMBER = date(2026, 11, 1)


@pytest.fixture
def plan(cast):
    places = institutions(cast.office_a)
    day_care = institution(cast.office_a, "1370000002", InstitutionKind.CARE, name="あおぞらデイサービス")
    member = head_of(cast.households["own"])
    member.care_level = "care_3"
    member.save()
    made = care.record_care_plan(
        cast.users["cw"],
        cast.households["own"],
        member=member,
        planner=places.care,
        in_facility=False,
        limit_units=27_048,
        services=[
            {"provider": places.care.pk, "service": "訪問介護", "cost": 60_005},
            {"provider": day_care.pk, "service": "通所介護", "cost": 45_000},
            {"provider": places.care.pk, "service": "訪問入浴介護", "cost": 12_503},
        ],
        starts_on=NOVEMBER,
    )
    return made, places.care, day_care


def test_the_care_share_is_the_cost_less_the_insurers_nine_tenths_rounded_down():
    assert copay.care_share(72_508) == 72_508 - 65_257
    assert copay.care_share(45_000) == 4_500


def test_the_plan_sums_each_providers_services_and_takes_the_tenth_of_the_sum(plan):
    made, home_help, day_care = plan
    shares = {s.provider: (s.services, s.cost, s.care_share) for s in care.shares_of(made)}
    assert shares == {
        home_help: (("訪問介護", "訪問入浴介護"), 72_508, 7_251),
        day_care: (("通所介護",), 45_000, 4_500),
    }


def test_the_monthly_run_plans_one_care_ticket_per_provider_with_the_same_share(cast, plan):
    made, home_help, day_care = plan
    planned, problems = services.plan_month(cast.office_a, NOVEMBER)
    tickets = {(p.institution, p.cost) for p in planned if p.kind == TicketKind.CARE and p.care_plan == made}
    assert problems == [] and tickets == {(home_help, 7_251), (day_care, 4_500)}


def test_the_plans_page_shows_the_share_per_provider(cast, plan, login):
    made, _, _ = plan
    response = login(cast.users["cw"]).get(reverse("care_plan_detail", args=[made.public_id]))
    assert response.status_code == 200
    assert [(s.cost, s.care_share) for s in response.context["shares"]] == [(72_508, 7_251), (45_000, 4_500)]
    assert "7,251円" in response.content.decode() and response.context["total_share"] == 11_751


def test_a_facility_plan_gives_the_facility_its_care_ticket(cast):
    facility = institution(cast.office_a, "1370000005", InstitutionKind.CARE, name="みなと特別養護老人ホーム")
    member = head_of(cast.households["mate"])
    member.care_level = "care_4"
    member.save()
    made = care.record_care_plan(
        cast.users["cw_mate"],
        cast.households["mate"],
        member=member,
        planner=facility,
        in_facility=True,
        limit_units=30_938,
        services=[{"provider": facility.pk, "service": "介護福祉施設サービス", "cost": 280_000}],
        starts_on=NOVEMBER,
    )
    planned, _ = services.plan_month(cast.office_a, NOVEMBER)
    assert [(p.institution, p.cost) for p in planned if p.care_plan == made] == [(facility, 28_000)]
    assert made.in_facility
