"""One 医療券 outside the monthly run (issue_ticket) is refused, with a message on the field, for a month
outside the medical or the assistance period, for a member who has left the household, at an institution
no longer designated, and when the month's live ticket exists; otherwise it is issued with the 本人支払額
not already carried by the month's other tickets."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from hogo.households.models import Household, Member, StatusChange
from hogo.medical import services
from hogo.medical.models import Institution, Ticket

from .medical_helpers import NOVEMBER, advisor, assisted, decided_period, institutions


@pytest.fixture
def period(cast):
    return decided_period(cast.users["cw"], advisor(cast), assisted(cast), institutions(cast.office_a).hospital)


def refused_field(cast, period, month):
    with pytest.raises(ValidationError) as refused:
        services.issue_ticket(cast.users["cw"], period, month)
    assert not Ticket.objects.exists()
    return refused.value.message_dict


def test_a_month_outside_the_medical_period_is_refused(cast, period):
    assert refused_field(cast, period, date(2027, 4, 1)) == {"month": ["対象月が医療扶助の期間の外です。"]}


def test_a_month_after_assistance_ended_is_refused(cast, period):
    Household.objects.filter(pk=period.household_id).update(status="terminated")
    StatusChange.objects.create(
        household=period.household, from_status="active", to_status="terminated", effective_date=date(2026, 10, 31)
    )
    period.household.refresh_from_db()
    assert "保護の期間ではありません" in refused_field(cast, period, NOVEMBER)["month"][0]


def test_a_member_who_left_the_household_is_refused(cast, period):
    Member.objects.filter(pk=period.member_id).update(left_on=date(2026, 10, 15))
    period.member.refresh_from_db()
    assert "この世帯の世帯員ではありません" in refused_field(cast, period, NOVEMBER)["member"][0]


def test_an_institution_whose_designation_ended_is_refused(cast, period):
    Institution.objects.filter(pk=period.institution_id).update(designated_until=date(2026, 10, 31))
    period.institution.refresh_from_db()
    assert "指定医療機関ではありません" in refused_field(cast, period, NOVEMBER)["institution"][0]


def test_a_second_live_ticket_for_the_month_is_refused(cast, period):
    first = services.issue_ticket(cast.users["cw"], period, NOVEMBER)
    with pytest.raises(ValidationError) as refused:
        services.issue_ticket(cast.users["cw"], period, NOVEMBER)
    assert "発行済み" in refused.value.message_dict["month"][0]
    assert list(Ticket.objects.all()) == [first]
