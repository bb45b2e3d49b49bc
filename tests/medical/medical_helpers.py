"""Shared steps for the medical-assistance tests: an office's designated institutions, its 嘱託医, a
household under an approved start decision, and a request carried through 意見書 → reply → 嘱託医 → decided
period the way the caseworker and the 嘱託医 do it through the services."""

from dataclasses import dataclass
from datetime import date

from hogo.common.kana import search_key
from hogo.households.models import Member
from hogo.medical import services
from hogo.medical.models import Institution, InstitutionKind, Ticket, Verdict
from hogo.offices.models import Role

from ..decisions.change_helpers import STARTED, enter_income, head_of, under_start_decision
from ..factories import make_staff

RECEIVED = date(2026, 10, 1)
REPLIED = date(2026, 10, 10)
NOVEMBER = date(2026, 11, 1)


@dataclass
class Institutions:
    hospital: Institution
    clinic: Institution
    pharmacy: Institution
    care: Institution


def institution(office, code: str, kind=InstitutionKind.MEDICAL, *, name=None, since=date(2010, 4, 1), until=None):
    return Institution.objects.create(
        office=office,
        code=code,
        name=name or f"みなと{code}医院",
        address="東京都みなと市二丁目2番2号",
        kind=kind,
        designated_from=since,
        designated_until=until,
    )


def institutions(office) -> Institutions:
    return Institutions(
        hospital=institution(office, "1310000001", name="みなと中央病院"),
        clinic=institution(office, "1310000002", name="はまべ内科クリニック"),
        pharmacy=institution(office, "1340000001", InstitutionKind.PHARMACY, name="さくら薬局"),
        care=institution(office, "1370000001", InstitutionKind.CARE, name="ひだまり訪問介護"),
    )


def advisor(cast, office=None, username="advisor"):
    """The office's 嘱託医 (office A by default)."""
    return make_staff(office or cast.office_a, Role.MEDICAL_ADVISOR, username=username, name="嘱託医 森").user


def assisted(cast, key="own", *, pension: int | None = None, cw="cw"):
    """A cast household (of the caseworker `cw`) under an approved start decision (from 令和8年4月), with a
    pension of its head first when given."""
    household = cast.households[key]
    if pension is not None:
        enter_income(cast.users[cw], household, kind="pension", amount=pension, since=STARTED, detail="老齢厚生年金")
    under_start_decision(household, cast.users[cw])
    return household


def replied_opinion(cw, household, hospital, *, member=None, care="outpatient", months=6, received_on=RECEIVED):
    """A 傷病届 and its 意見書 with the doctor's reply entered (not yet reviewed)."""
    request = services.record_request(
        cw,
        household,
        member=member or head_of(household),
        received_on=received_on,
        complaint="腰痛で通院したい",
        institution=hospital,
    )
    opinion = services.issue_opinion(cw, request, issued_on=received_on)
    return services.enter_reply(
        cw,
        opinion,
        replied_on=max(REPLIED, received_on),
        diagnosis="腰部脊柱管狭窄症",
        care=care,
        expected_months=months,
        doctor_name="青木 医師",
    )


def decided_period(cw, doctor, household, hospital, *, pharmacy=None, starts_on=RECEIVED, **reply):
    """A request carried through to a decided medical period: reply agreed by the 嘱託医, then decided."""
    opinion = replied_opinion(cw, household, hospital, **reply)
    services.review(doctor, opinion, verdict=Verdict.AGREE)
    return services.decide_period(cw, opinion, starts_on=starts_on, pharmacy=pharmacy)


def bulk_tickets(cast, month, *, count: int, members: int, places: int, place_of) -> list:
    """`count` 医療券 of `month` for `members` synthetic members of the household "own" (ticket n is member
    n % members's) at `places` synthetic clinics (ticket n at `place_of(n)`), inserted in bulk."""
    household = cast.households["own"]
    people = Member.objects.bulk_create(
        Member(
            household=household,
            name=f"架空 {i}郎",
            name_kana=f"カクウ {i}ロウ",
            search_name=search_key(f"架空 {i}郎"),
            search_kana=search_key(f"カクウ {i}ロウ"),
            birth_date=date(1940 + i % 60, 1 + i % 12, 1 + i % 28),
            sex="female" if i % 2 else "male",
            relation="child",
        )
        for i in range(members)
    )
    clinics = Institution.objects.bulk_create(
        Institution(
            office=cast.office_a,
            code=f"13{i:05d}",
            name=f"架空第{i}診療所",
            address=f"東京都みなと市{i}丁目1番1号",
            kind=InstitutionKind.MEDICAL,
            designated_from=date(2000, 4, 1),
        )
        for i in range(places)
    )
    prefix = f"{cast.office_a.municipality_code}2611M"
    Ticket.objects.bulk_create(
        Ticket(
            number=f"{prefix}{n + 1:05d}",
            kind="medical",
            household=household,
            member=people[n % members],
            institution=clinics[place_of(n)],
            month=month,
            self_pay=(n % 7) * 1000,
            issued_by=cast.users["clerk"],
        )
        for n in range(count)
    )
    return Ticket.objects.filter(household=household, month=month).order_by("number")
