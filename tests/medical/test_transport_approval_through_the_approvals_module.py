"""A 移送費 is decided through the approvals module along the office's route: the supervisor, then the chief.
The drafter never approves their own draft; it waits in the 決裁待ち of whoever's step it is and comes
back to the drafter's 差戻し when returned."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from hogo.approvals import services as approvals
from hogo.approvals.inbox import waiting_sources
from hogo.approvals.models import Status
from hogo.medical import transport

from ..decisions.change_helpers import head_of
from .medical_helpers import institutions


def draft(cast, actor="cw"):
    household = cast.households["own"]
    return transport.request_transport(
        cast.users[actor],
        household,
        member=head_of(household),
        institution=institutions(cast.office_a).hospital,
        route="自宅〜中央病院",
        means="タクシー",
        fare=1_500,
        trips=2,
        doctor_reason="下肢の障害で歩行が困難",
        routine=True,
        starts_on=date(2026, 11, 1),
    )


def test_the_supervisor_then_the_chief_approve_it(cast):
    made = draft(cast)
    approvals.approve(cast.users["sv"], made)
    made.refresh_from_db()
    assert made.status == Status.DRAFT
    approvals.approve(cast.users["chief"], made)
    made.refresh_from_db()
    assert made.status == Status.APPROVED and made.approved_at is not None


def test_the_chief_cannot_take_the_supervisors_step(cast):
    made = draft(cast)
    with pytest.raises(PermissionDenied):
        approvals.approve(cast.users["chief"], made)
    assert not made.actions.exists()


def test_the_drafter_cannot_approve_their_own_draft(cast):
    made = draft(cast, actor="sv")
    with pytest.raises(PermissionDenied, match="起案者は自分の起案を承認できません"):
        approvals.approve(cast.users["sv"], made)


def test_it_waits_in_the_inbox_of_whoever_takes_the_step(cast):
    made = draft(cast)
    waiting = transport.waiting_transports
    assert list(waiting(cast.users["sv"]).queryset) == [made]
    assert list(waiting(cast.users["chief"]).queryset) == []
    approvals.approve(cast.users["sv"], made)
    assert list(waiting(cast.users["sv"]).queryset) == []
    rows = waiting(cast.users["chief"])
    assert rows.count() == 1 and rows[0].title == "移送費の決定（定例） 6,000円"


def test_a_returned_draft_comes_back_to_its_drafter(cast):
    made = draft(cast)
    approvals.return_for_redrafting(cast.users["sv"], made, "運賃の根拠を添付してください")
    rows = transport.returned_transports(cast.users["cw"])
    assert rows.count() == 1 and rows[0].reason == "運賃の根拠を添付してください"
    assert transport.returned_transports(cast.users["cw_mate"]).count() == 0


def test_the_inbox_source_is_registered_under_transports():
    assert "transports" in {source.key for source in waiting_sources()}
