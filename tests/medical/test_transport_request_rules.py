"""Drafting a 通院移送費: the checks that name their field — the doctor's reason for a taxi or the like,
the receipts of an occasional claim and its one month — and who may draft."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.approvals.models import Status
from hogo.medical import transport
from hogo.medical.models import InstitutionKind

from ..decisions.change_helpers import head_of
from .medical_helpers import institution, institutions

NOVEMBER = date(2026, 11, 1)


@pytest.fixture
def places(cast):
    return institutions(cast.office_a)


def draft(cast, places, actor="cw", **more):
    household = cast.households["own"]
    values = {
        "member": head_of(household),
        "institution": places.hospital,
        "route": "自宅〜みなと駅〜中央病院前",
        "means": "公共交通機関",
        "fare": 230,
        "trips": 4,
        "doctor_reason": "",
        "routine": True,
        "starts_on": NOVEMBER,
        **more,
    }
    return transport.request_transport(cast.users[actor], household, **values)


def refused(call) -> dict:
    with pytest.raises(ValidationError) as problem:
        call()
    return problem.value.message_dict


def test_a_routine_transport_by_public_transport_is_drafted_for_approval(cast, places):
    made = draft(cast, places, starts_on=date(2026, 11, 17))
    assert made.status == Status.DRAFT and made.drafted_by == cast.users["cw"]
    assert made.starts_on == NOVEMBER and made.monthly_amount == 230 * 2 * 4


@pytest.mark.parametrize("means", ["タクシー", "自家用車", "福祉車両（介護タクシー等）"])
def test_a_taxi_or_the_like_needs_the_doctors_reason(cast, places, means):
    errors = refused(lambda: draft(cast, places, means=means, fare=1_800))
    assert list(errors) == ["doctor_reason"] and "主治医の意見" in errors["doctor_reason"][0]
    made = draft(cast, places, means=means, fare=1_800, doctor_reason="歩行困難のため公共交通機関の利用が困難")
    assert made.doctor_reason.startswith("歩行困難")


def test_public_transport_needs_no_doctors_reason(cast, places):
    assert draft(cast, places, means="公共交通機関").doctor_reason == ""


def test_an_unknown_means_is_refused(cast, places):
    assert "means" in refused(lambda: draft(cast, places, means="ヘリコプター"))


def test_an_occasional_claim_needs_the_receipts_total(cast, places):
    errors = refused(lambda: draft(cast, places, routine=False))
    assert "領収書の合計" in errors["receipts_total"][0]
    made = draft(cast, places, routine=False, receipts_total=3_460)
    assert made.monthly_amount == 3_460


def test_an_occasional_claim_is_for_one_month(cast, places):
    errors = refused(lambda: draft(cast, places, routine=False, receipts_total=3_460, ends_on=date(2026, 12, 1)))
    assert list(errors) == ["ends_on"]
    assert draft(cast, places, routine=False, receipts_total=3_460).ends_on == NOVEMBER


def test_a_routine_transport_takes_no_receipts_and_ends_after_it_starts(cast, places):
    errors = refused(lambda: draft(cast, places, receipts_total=1_000, ends_on=date(2026, 10, 1)))
    assert set(errors) == {"receipts_total", "ends_on"}


def test_the_fare_the_trips_and_the_route_are_checked(cast, places):
    errors = refused(lambda: draft(cast, places, fare=0, trips=0, route=" "))
    assert set(errors) == {"fare", "trips", "route"}
    assert "trips" in refused(lambda: draft(cast, places, trips=transport.MAX_TRIPS + 1))


def test_the_institution_is_a_designated_hospital_or_clinic_of_the_office(cast, places):
    assert "institution" in refused(lambda: draft(cast, places, institution=places.care))
    elsewhere = institution(cast.office_b, "1319999999", InstitutionKind.MEDICAL)
    assert "institution" in refused(lambda: draft(cast, places, institution=elsewhere))


def test_the_member_is_of_the_household(cast, places):
    assert "member" in refused(lambda: draft(cast, places, member=head_of(cast.households["mate"])))


@pytest.mark.parametrize("who", ["cw_mate", "cw_other", "chief", "clerk", "b_cw"])
def test_only_the_caseworker_and_the_teams_supervisor_draft(cast, places, who):
    with pytest.raises(PermissionDenied):
        draft(cast, places, actor=who)
    assert draft(cast, places, actor="sv").drafted_by == cast.users["sv"]
