"""Recording a care plan (介護扶助): who may, and the checks that name their field."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.audit.models import Action, AuditEntry
from hogo.common.models import InsertOnlyViolation
from hogo.medical import care
from hogo.medical.models import CarePlan, InstitutionKind

from ..decisions.change_helpers import head_of
from .medical_helpers import institution, institutions

START = date(2026, 11, 1)


@pytest.fixture
def setting(cast):
    places = institutions(cast.office_a)
    day_care = institution(cast.office_a, "1370000002", InstitutionKind.CARE, name="あおぞらデイサービス")
    household = cast.households["own"]
    member = head_of(household)
    member.care_level = "care_2"
    member.save()
    return household, member, places, day_care


def plan(actor, household, member, planner, services, **more):
    return care.record_care_plan(
        actor,
        household,
        member=member,
        planner=planner,
        in_facility=more.pop("in_facility", False),
        limit_units=more.pop("limit_units", 19_705),
        services=services,
        starts_on=more.pop("starts_on", START),
        **more,
    )


def refused_fields(call) -> dict:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.message_dict


def test_the_caseworker_records_a_plan_with_its_services_and_it_is_audited(cast, setting):
    household, member, places, day_care = setting
    services = [
        {"provider": places.care.pk, "service": "訪問介護", "cost": 60_000},
        {"provider": day_care.pk, "service": "通所介護", "cost": 45_000},
    ]
    made = plan(cast.users["cw"], household, member, places.care, services)
    assert made.services == services and made.recorded_by == cast.users["cw"]
    assert AuditEntry.objects.filter(action=Action.CREATE, target_id=str(made.public_id)).exists()


def test_a_member_without_a_care_level_is_refused_on_the_member_field(cast, setting):
    household, member, places, _ = setting
    member.care_level = ""
    member.save()
    services = [{"provider": places.care.pk, "service": "訪問介護", "cost": 60_000}]
    errors = refused_fields(lambda: plan(cast.users["cw"], household, member, places.care, services))
    assert "要介護度" in errors["member"][0]


def test_a_member_of_another_household_is_refused(cast, setting):
    household, _, places, _ = setting
    stranger = head_of(cast.households["mate"])
    stranger.care_level = "care_1"
    stranger.save()
    services = [{"provider": places.care.pk, "service": "訪問介護", "cost": 60_000}]
    assert "member" in refused_fields(lambda: plan(cast.users["cw"], household, stranger, places.care, services))


def test_the_planner_must_be_a_designated_care_institution_of_the_office(cast, setting):
    household, member, places, _ = setting
    services = [{"provider": places.care.pk, "service": "訪問介護", "cost": 60_000}]
    errors = refused_fields(lambda: plan(cast.users["cw"], household, member, places.hospital, services))
    assert errors["planner"] == ["この事務所の指定介護機関を選んでください。"]
    elsewhere = institution(cast.office_b, "1370000009", InstitutionKind.CARE, name="かわせ介護")
    assert "planner" in refused_fields(lambda: plan(cast.users["cw"], household, member, elsewhere, services))
    lapsed = institution(cast.office_a, "1370000003", InstitutionKind.CARE, until=date(2026, 3, 31))
    assert (
        "指定介護機関ではありません"
        in refused_fields(lambda: plan(cast.users["cw"], household, member, lapsed, services))["planner"][0]
    )


def test_each_services_provider_must_be_a_designated_care_institution(cast, setting):
    household, member, places, _ = setting
    services = [
        {"provider": places.care.pk, "service": "訪問介護", "cost": 60_000},
        {"provider": places.pharmacy.pk, "service": "居宅療養管理指導", "cost": 5_000},
    ]
    errors = refused_fields(lambda: plan(cast.users["cw"], household, member, places.care, services))
    assert errors["services"][0].startswith("サービスの2行目")


@pytest.mark.parametrize("cost", [0, -100, 1500.5, "60000", True, None])
def test_a_services_cost_must_be_a_positive_whole_number_of_yen(cast, setting, cost):
    household, member, places, _ = setting
    services = [{"provider": places.care.pk, "service": "訪問介護", "cost": cost}]
    errors = refused_fields(lambda: plan(cast.users["cw"], household, member, places.care, services))
    assert "月の費用" in errors["services"][0]


def test_a_plan_needs_a_service_a_named_service_a_positive_limit_and_an_end_after_its_start(cast, setting):
    household, member, places, _ = setting
    assert "services" in refused_fields(lambda: plan(cast.users["cw"], household, member, places.care, []))
    unnamed = [{"provider": places.care.pk, "service": " ", "cost": 1_000}]
    assert "services" in refused_fields(lambda: plan(cast.users["cw"], household, member, places.care, unnamed))
    good = [{"provider": places.care.pk, "service": "訪問介護", "cost": 1_000}]
    errors = refused_fields(
        lambda: plan(cast.users["cw"], household, member, places.care, good, limit_units=0, ends_on=date(2026, 10, 1))
    )
    assert set(errors) == {"limit_units", "ends_on"}


@pytest.mark.parametrize("who", ["cw_mate", "cw_other", "chief", "clerk"])
def test_only_the_caseworker_and_the_teams_supervisor_record_a_plan(cast, setting, who):
    household, member, places, _ = setting
    services = [{"provider": places.care.pk, "service": "訪問介護", "cost": 60_000}]
    with pytest.raises(PermissionDenied):
        plan(cast.users[who], household, member, places.care, services)
    assert plan(cast.users["sv"], household, member, places.care, services).recorded_by == cast.users["sv"]


def test_a_recorded_plan_cannot_be_changed(cast, setting):
    household, member, places, _ = setting
    made = plan(
        cast.users["cw"],
        household,
        member,
        places.care,
        [{"provider": places.care.pk, "service": "訪問介護", "cost": 1}],
    )
    made.limit_units = 1
    with pytest.raises(InsertOnlyViolation):
        made.save()
    assert CarePlan.objects.get(pk=made.pk).limit_units == 19_705
