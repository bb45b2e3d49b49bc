"""The run, like a single ticket, issues nothing for a month outside the household's assistance period: a
household whose assistance began after the month (its medical period reaching back to the 傷病届) gets no
ticket for that month, and gets one for the months it is under assistance."""

from datetime import date

from hogo.households.models import StatusChange
from hogo.medical import services
from hogo.medical.models import Ticket

from .medical_helpers import NOVEMBER, advisor, assisted, decided_period, institutions


def test_a_household_under_assistance_only_from_december_gets_no_november_ticket(cast):
    own = assisted(cast)
    StatusChange.objects.filter(household=own).update(effective_date=date(2026, 12, 1))
    decided_period(cast.users["cw"], advisor(cast), own, institutions(cast.office_a).hospital)

    assert services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER).count == 0
    assert services.issue_month(cast.users["clerk"], cast.office_a, date(2026, 12, 1)).count == 1
    assert list(Ticket.objects.values_list("month", flat=True)) == [date(2026, 12, 1)]
