"""The monthly run is once a month per office: a second run for the same month is refused with a message
and issues nothing more (the run is idempotent); another month, or another office, runs on its own; only
clerks and supervisors run it."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.medical import services
from hogo.medical.models import Ticket, TicketRun

from .medical_helpers import NOVEMBER, advisor, assisted, decided_period, institutions


@pytest.fixture
def period(cast):
    return decided_period(cast.users["cw"], advisor(cast), assisted(cast), institutions(cast.office_a).hospital)


def test_a_second_run_for_the_same_month_is_refused_and_issues_nothing(cast, period):
    services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER)
    before = list(Ticket.objects.values_list("number", "void"))

    with pytest.raises(ValidationError) as refused:
        services.issue_month(cast.users["sv"], cast.office_a, date(2026, 11, 30))

    assert refused.value.message_dict == {
        "month": ["令和8年11月分の一括発行は済んでいます（訂正は券ごとに行います）。"]
    }
    assert list(Ticket.objects.values_list("number", "void")) == before
    assert TicketRun.objects.count() == 1


def test_the_next_month_runs_on_its_own(cast, period):
    services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER)
    december = services.issue_month(cast.users["clerk"], cast.office_a, date(2026, 12, 1))
    assert december.count == 1
    assert sorted(Ticket.objects.values_list("month", flat=True)) == [NOVEMBER, date(2026, 12, 1)]


def test_another_offices_run_for_the_month_does_not_block_this_one(cast, period):
    services.issue_month(cast.users["b_clerk"], cast.office_b, NOVEMBER)
    assert services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER).count == 1


@pytest.mark.parametrize("who", ["cw", "chief", "b_clerk"])
def test_staff_who_do_not_run_tickets_are_refused(cast, period, who):
    with pytest.raises(PermissionDenied):
        services.issue_month(cast.users[who], cast.office_a, NOVEMBER)
    assert not TicketRun.objects.exists()
