"""The monthly run issues, for the office and month, one 医療券 per member, institution and month in a
period, a 調剤券 when the period has a pharmacy, and one 介護券 per provider of a member's care plan (its
services summed); households no longer under assistance and members who left get none."""

from datetime import date

from hogo.households.models import Member
from hogo.medical import services
from hogo.medical.models import CarePlan, InstitutionKind, Ticket, TicketKind, TicketRun

from ..decisions.change_helpers import head_of
from .medical_helpers import NOVEMBER, advisor, assisted, decided_period, institution, institutions


def care_plan(cast, household, planner, services_):
    return CarePlan.objects.create(
        household=household,
        member=head_of(household),
        planner=planner,
        limit_units=16_765,
        services=services_,
        starts_on=date(2026, 10, 1),
        recorded_by=cast.users["cw"],
    )


def test_the_run_issues_medical_dispensing_and_care_tickets_once_each(cast):
    places, doctor = institutions(cast.office_a), advisor(cast)
    day_care = institution(cast.office_a, "1370000002", InstitutionKind.CARE, name="なごみデイサービス")
    own, mate = assisted(cast), assisted(cast, "mate", cw="cw_mate")
    decided_period(cast.users["cw"], doctor, own, places.hospital, pharmacy=places.pharmacy)
    decided_period(cast.users["cw_mate"], doctor, mate, places.clinic)
    care_plan(
        cast,
        own,
        places.care,
        [
            {"provider": places.care.pk, "service": "訪問介護（身体）", "cost": 30_000},
            {"provider": places.care.pk, "service": "訪問介護（生活）", "cost": 12_345},
            {"provider": day_care.pk, "service": "通所介護", "cost": 50_000},
        ],
    )

    run = services.issue_month(cast.users["clerk"], cast.office_a, date(2026, 11, 17))

    issued = {(t.kind, t.household_id, t.institution_id): t for t in Ticket.objects.all()}
    assert set(issued) == {
        (TicketKind.MEDICAL, own.pk, places.hospital.pk),
        (TicketKind.DISPENSING, own.pk, places.pharmacy.pk),
        (TicketKind.CARE, own.pk, places.care.pk),
        (TicketKind.CARE, own.pk, day_care.pk),
        (TicketKind.MEDICAL, mate.pk, places.clinic.pk),
    }
    assert (run.month, run.count) == (NOVEMBER, 5)
    assert all(t.month == NOVEMBER and t.run == run and not t.void for t in issued.values())
    assert issued[(TicketKind.CARE, own.pk, places.care.pk)].cost == 42_345 - 42_345 * 9 // 10  # 4,235円
    assert issued[(TicketKind.CARE, own.pk, day_care.pk)].cost == 5_000
    code = cast.office_a.municipality_code
    assert sorted(t.number for t in issued.values() if t.kind == TicketKind.MEDICAL) == [
        f"{code}2611M00001",
        f"{code}2611M00002",
    ]


def test_a_month_outside_the_period_gets_no_ticket(cast):
    places = institutions(cast.office_a)
    decided_period(cast.users["cw"], advisor(cast), assisted(cast), places.hospital, months=1)  # October only
    run = services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER)
    assert run.count == 0
    assert not Ticket.objects.exists()


def test_a_terminated_household_and_a_member_who_left_get_no_ticket(cast):
    places, doctor = institutions(cast.office_a), advisor(cast)
    own, mate = assisted(cast), assisted(cast, "mate", cw="cw_mate")
    decided_period(cast.users["cw"], doctor, own, places.hospital)
    decided_period(cast.users["cw_mate"], doctor, mate, places.clinic)
    own.__class__.objects.filter(pk=own.pk).update(status="terminated")
    Member.objects.filter(household=mate).update(left_on=date(2026, 10, 20))

    run = services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER)

    assert run.count == 0
    assert not Ticket.objects.exists()
    assert TicketRun.objects.count() == 1
