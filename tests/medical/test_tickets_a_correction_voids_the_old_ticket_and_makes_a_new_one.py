"""A ticket is never changed: a correction is a new ticket that replaces the old one, which becomes void with
the reason. The database allows one live ticket per kind, member, institution and month. A 本人支払額
larger than the cost, a negative one, a correction of a void ticket or one without a reason is refused."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hogo.medical import services
from hogo.medical.models import Ticket

from .medical_helpers import NOVEMBER, advisor, assisted, decided_period, institutions


@pytest.fixture
def ticket(cast):
    period = decided_period(cast.users["cw"], advisor(cast), assisted(cast), institutions(cast.office_a).hospital)
    return services.issue_ticket(cast.users["cw"], period, NOVEMBER)


def test_a_correction_makes_a_new_ticket_and_voids_the_old(cast, ticket):
    new = services.correct_ticket(cast.users["cw"], ticket, self_pay=3_000, cost=None, reason="収入認定の誤り")

    ticket.refresh_from_db()
    assert (ticket.void, ticket.void_reason) == (True, "訂正: 収入認定の誤り")
    assert (new.void, new.replaces, new.self_pay) == (False, ticket, 3_000)
    assert new.number != ticket.number
    assert (new.kind, new.member, new.institution, new.month) == (
        ticket.kind,
        ticket.member,
        ticket.institution,
        ticket.month,
    )
    assert Ticket.objects.filter(void=False).get() == new


def test_the_database_refuses_a_second_live_ticket_for_the_same_member_institution_and_month(cast, ticket):
    with pytest.raises(IntegrityError), transaction.atomic():
        Ticket.objects.create(
            number="X1",
            kind=ticket.kind,
            household=ticket.household,
            member=ticket.member,
            institution=ticket.institution,
            month=ticket.month,
            issued_by=cast.users["cw"],
        )


def test_a_void_ticket_cannot_be_corrected_again(cast, ticket):
    services.correct_ticket(cast.users["cw"], ticket, self_pay=0, cost=None, reason="訂正")
    ticket.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.correct_ticket(cast.users["cw"], ticket, self_pay=0, cost=None, reason="再訂正")
    assert "既に無効" in refused.value.message_dict["reason"][0]
    assert Ticket.objects.count() == 2


@pytest.mark.parametrize(
    "self_pay, cost, reason, field",
    [(5_001, 5_000, "介護扶助額の訂正", "self_pay"), (-1, None, "訂正", "self_pay"), (0, None, "  ", "reason")],
)
def test_a_bad_correction_is_refused_and_leaves_the_ticket_live(cast, ticket, self_pay, cost, reason, field):
    with pytest.raises(ValidationError) as refused:
        services.correct_ticket(cast.users["cw"], ticket, self_pay=self_pay, cost=cost, reason=reason)
    assert field in refused.value.message_dict
    ticket.refresh_from_db()
    assert not ticket.void
    assert Ticket.objects.count() == 1
