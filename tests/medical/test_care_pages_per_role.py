"""Per-role access to the 介護扶助 and 移送費 screens. Those who see the household (its caseworker, the team's
other caseworker and supervisor, the office's chief and clerk) read the household's care page, a plan and
a transport; only the caseworker and the team's supervisor record a plan or draft a 移送費 (the others who
see the household get 403); the supervisor whose step waits approves or returns. Everyone else — the other
team, the collection team, the administrator, a partner agency, office B — gets 404 for all of it."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.approvals import services as approvals
from hogo.approvals.models import Status
from hogo.medical import care, transport
from hogo.medical.models import CarePlan, Transport
from tests.roles import ROLES, assert_sent_to_login, said

from ..decisions.change_helpers import head_of
from .medical_helpers import institutions

ROLE_TESTED_URLS = {
    "household_care",
    "care_plan_new",
    "care_plan_detail",
    "transport_new",
    "transport_detail",
    "transport_approve",
    "transport_return",
}
SEES = {"cw", "cw_mate", "sv", "chief", "clerk"}
ACTS = {"cw", "sv"}


def expected(role):
    return 200 if role in ACTS else 403 if role in SEES else 404


@pytest.fixture
def world(cast):
    places = institutions(cast.office_a)
    household = cast.households["own"]
    member = head_of(household)
    member.care_level = "care_2"
    member.save()
    plan = care.record_care_plan(
        cast.users["cw"],
        household,
        member=member,
        planner=places.care,
        in_facility=False,
        limit_units=19_705,
        services=[{"provider": places.care.pk, "service": "訪問介護", "cost": 60_000}],
        starts_on=date(2026, 11, 1),
    )
    made = transport.request_transport(
        cast.users["cw"],
        household,
        member=member,
        institution=places.hospital,
        route="自宅〜みなと駅〜中央病院前",
        means="公共交通機関",
        fare=230,
        trips=4,
        doctor_reason="",
        routine=True,
        starts_on=date(2026, 11, 1),
    )
    return household, member, places, plan, made


def plan_post(member, places):
    return {
        "member": member.pk,
        "planner": places.care.pk,
        "limit_units": "19705",
        "starts_on": "2026-12-01",
        "provider_1": places.care.pk,
        "service_1": "訪問介護",
        "cost_1": "70,000円",
    }


def transport_post(member, places):
    return {
        "member": member.pk,
        "institution": places.hospital.pk,
        "kind": "routine",
        "route": "自宅〜中央病院",
        "means": "公共交通機関",
        "fare": "230",
        "trips": "2",
        "starts_on": "2026-12",
    }


def test_anyone_not_logged_in_is_sent_to_the_login_page(client, world):
    household, *_ = world
    assert_sent_to_login(client.get(reverse("household_care", args=[household.public_id])))


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_household_sees_its_care_page_with_the_months_transport(everyone, world, login, role):
    household, *_ = world
    response = login(everyone[role]).get(reverse("household_care", args=[household.public_id]), {"month": "2026-11"})
    assert response.status_code == (200 if role in SEES else 404)
    if response.status_code == 200:
        assert response.context["total"] == 0  # the transport waits for approval
        assert response.context["may_act"] == (role in ACTS)


@pytest.mark.parametrize("role", ROLES)
def test_the_caseworker_and_the_supervisor_open_the_care_plan_form(everyone, world, login, role):
    household, *_ = world
    response = login(everyone[role]).get(reverse("care_plan_new", args=[household.public_id]))
    assert response.status_code == expected(role)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_caseworker_and_the_supervisor_record_a_plan(everyone, world, login, role):
    household, member, places, *_ = world
    response = login(everyone[role]).post(
        reverse("care_plan_new", args=[household.public_id]), plan_post(member, places)
    )
    assert response.status_code == (302 if role in ACTS else expected(role))
    assert CarePlan.objects.filter(starts_on=date(2026, 12, 1)).exists() == (role in ACTS)


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_household_reads_a_plan_and_its_care_share(everyone, world, login, role):
    *_, plan, _ = world
    response = login(everyone[role]).get(reverse("care_plan_detail", args=[plan.public_id]))
    assert response.status_code == (200 if role in SEES else 404)
    if response.status_code == 200:
        assert response.context["total_share"] == 6_000


@pytest.mark.parametrize("role", ROLES)
def test_the_caseworker_and_the_supervisor_open_the_transport_form(everyone, world, login, role):
    household, *_ = world
    response = login(everyone[role]).get(reverse("transport_new", args=[household.public_id]))
    assert response.status_code == expected(role)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_caseworker_and_the_supervisor_draft_a_transport(everyone, world, login, role):
    household, member, places, *_ = world
    url = reverse("transport_new", args=[household.public_id])
    response = login(everyone[role]).post(url, transport_post(member, places))
    assert response.status_code == (302 if role in ACTS else expected(role))
    assert Transport.objects.filter(starts_on=date(2026, 12, 1), drafted_by=everyone[role]).exists() == (role in ACTS)


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_household_reads_a_transport_and_only_the_supervisor_gets_the_buttons(
    everyone, world, login, role
):
    *_, made = world
    response = login(everyone[role]).get(reverse("transport_detail", args=[made.public_id]))
    assert response.status_code == (200 if role in SEES else 404)
    if response.status_code == 200:
        assert (response.context["approval"]["form"] is not None) == (role == "sv")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_supervisor_whose_step_waits_approves(everyone, world, login, role):
    *_, made = world
    response = login(everyone[role]).post(reverse("transport_approve", args=[made.public_id]))
    assert response.status_code == (302 if role in SEES else 404)
    assert made.actions.filter(action="approve").exists() == (role == "sv")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_supervisor_whose_step_waits_returns(everyone, world, login, role):
    *_, made = world
    response = login(everyone[role]).post(reverse("transport_return", args=[made.public_id]), {"comment": "経路を確認"})
    assert response.status_code == (302 if role in SEES else 404)
    made.refresh_from_db()
    assert (made.status == Status.RETURNED) == (role == "sv")


@pytest.mark.parametrize("month", ["abc", "9999-12", "0001-01", "\x00"])
def test_a_junk_month_on_the_care_page_is_a_message_and_the_page_shows_this_month(cast, world, login, month):
    household, *_ = world
    response = login(cast.users["cw"]).get(reverse("household_care", args=[household.public_id]), {"month": month})
    assert response.status_code == 200
    assert response.context["month"] == timezone.localdate().replace(day=1)
    assert [level for level, _ in said(response)] == ["error"]


def test_an_approved_routine_transport_appears_in_the_months_amounts_on_the_care_page(cast, world, login):
    household, *_, made = world
    approvals.approve(cast.users["sv"], made)
    approvals.approve(cast.users["chief"], made)
    response = login(cast.users["cw"]).get(reverse("household_care", args=[household.public_id]), {"month": "2026-12"})
    assert response.context["paid"] == [(made, 1_840)] and response.context["total"] == 1_840
    assert "1,840円" in response.content.decode()
