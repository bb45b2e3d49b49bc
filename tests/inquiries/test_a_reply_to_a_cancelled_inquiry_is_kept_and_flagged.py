"""A reply to a cancelled inquiry — from the service's file or on paper — is kept as it came but flagged
(Reply.after_cancel); the inquiry stays cancelled and its balances are not offered to the need test."""

from datetime import timedelta

from hogo.inquiries import services
from hogo.inquiries.models import InquiryStatus

from .reply_helpers import MIZUHO, MUFG, TOKYO_EIGYOBU, ask_and_send, balance, import_file, reply_file, today

AS_OF = today() - timedelta(days=10)


def test_a_filed_reply_to_a_cancelled_inquiry_is_kept_and_flagged(cast):
    cancelled, live = ask_and_send(cast, (MIZUHO, TOKYO_EIGYOBU), (MUFG, ""))
    services.cancel(cast.users["cw"], cancelled, "世帯から通帳の提出があったため")
    data = reply_file(
        cast.office_a,
        balance(cancelled.reference, MIZUHO, TOKYO_EIGYOBU, "2222222", AS_OF, 40_000),
        balance(live.reference, MUFG, "001", "3333333", AS_OF, 7_000, branch_name="本店"),
        created_on=today() - timedelta(days=1),
    )

    result = import_file(cast.users["clerk"], cast.office_a, data)

    assert result.answered == 2
    cancelled.refresh_from_db()
    assert cancelled.status == InquiryStatus.CANCELLED and cancelled.answered_on is None
    [reply] = cancelled.replies.all()
    assert reply.after_cancel and reply.found
    assert [b.amount for b in reply.accounts.get().balances.all()] == [40_000]
    [other] = live.replies.all()
    assert not other.after_cancel
    assert [b["reference"] for b in services.balances_of(cast.households["own"])] == [live.reference]


def test_a_paper_reply_to_a_cancelled_inquiry_is_kept_and_flagged(cast):
    [inquiry] = ask_and_send(cast, (MUFG, ""))
    services.cancel(cast.users["cw"], inquiry, "重複して作成したため")

    reply = services.enter_reply(
        cast.users["cw"], inquiry, answered_on=today(), found=False, amount=None, detail="口座なし"
    )

    inquiry.refresh_from_db()
    assert reply.after_cancel and not reply.found
    assert inquiry.status == InquiryStatus.CANCELLED and inquiry.answered_on is None
