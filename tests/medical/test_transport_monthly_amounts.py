"""What is paid for 移送費 in a month without re-deciding: approved routine transports covering the month
(the latest of a member's routine transports to an institution supersedes the earlier from its start),
and approved occasional claims of that month only. Drafts and returned ones are never paid."""

from datetime import date

import pytest

from hogo.approvals import services as approvals
from hogo.medical import transport

from ..decisions.change_helpers import head_of
from .medical_helpers import institutions

OCTOBER, NOVEMBER, DECEMBER = date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)


@pytest.fixture
def places(cast):
    return institutions(cast.office_a)


@pytest.fixture
def draft(cast, places):
    household = cast.households["own"]

    def make(*, routine=True, starts_on=NOVEMBER, fare=230, trips=4, approve=True, **more):
        made = transport.request_transport(
            cast.users["cw"],
            household,
            member=head_of(household),
            institution=more.pop("institution", places.hospital),
            route="自宅〜中央病院",
            means="公共交通機関",
            fare=fare,
            trips=trips,
            doctor_reason="",
            routine=routine,
            starts_on=starts_on,
            **more,
        )
        if approve:
            approvals.approve(cast.users["sv"], made)
            approvals.approve(cast.users["chief"], made)
        return made

    return make


def test_an_approved_routine_transport_is_paid_every_month_it_covers(cast, draft):
    made = draft(ends_on=DECEMBER)
    household = cast.households["own"]
    assert transport.monthly_transport(household, OCTOBER) == []
    assert transport.monthly_transport(household, NOVEMBER) == [(made, 1_840)]
    assert transport.monthly_total(household, date(2026, 12, 15)) == 1_840
    assert transport.monthly_total(household, date(2027, 1, 1)) == 0


def test_a_draft_or_a_returned_transport_is_not_paid(cast, draft):
    draft(approve=False)
    returned = draft(approve=False, fare=500)
    approvals.return_for_redrafting(cast.users["sv"], returned, "経路の確認")
    half = draft(approve=False, fare=900)
    approvals.approve(cast.users["sv"], half)
    assert transport.monthly_total(cast.households["own"], NOVEMBER) == 0


def test_an_occasional_claim_is_paid_in_its_month_only(cast, draft):
    claim = draft(routine=False, receipts_total=3_460)
    household = cast.households["own"]
    assert transport.monthly_transport(household, NOVEMBER) == [(claim, 3_460)]
    assert transport.monthly_total(household, DECEMBER) == 0
    assert transport.monthly_total(household, OCTOBER) == 0


def test_routine_and_occasional_amounts_add_up(cast, draft, places):
    draft()
    draft(institution=places.clinic, fare=180, trips=2)
    draft(routine=False, receipts_total=3_460, starts_on=DECEMBER)
    assert transport.monthly_total(cast.households["own"], NOVEMBER) == 1_840 + 720
    assert transport.monthly_total(cast.households["own"], DECEMBER) == 1_840 + 720 + 3_460


def test_a_later_routine_transport_to_the_same_institution_supersedes_the_earlier(cast, draft):
    old = draft(starts_on=OCTOBER)
    new = draft(starts_on=DECEMBER, fare=250)
    household = cast.households["own"]
    assert transport.monthly_transport(household, NOVEMBER) == [(old, 1_840)]
    assert transport.monthly_transport(household, DECEMBER) == [(new, 2_000)]


def test_nothing_is_paid_once_the_household_is_no_longer_assisted(cast, draft):
    draft()
    household = cast.households["own"]
    household.status = "suspended"
    household.save()
    assert transport.monthly_total(household, NOVEMBER) == 0
