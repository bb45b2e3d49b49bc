"""A reply to a cancelled inquiry is kept and flagged (docs/inquiries/README.md), but only the first: the
inquiry stays cancelled, so its status cannot say it was answered, and a second reply — from another reply
file or on paper — is skipped (a file) or refused naming the field (on paper), as for an answered inquiry."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from hogo.inquiries import services
from hogo.inquiries.models import InquiryStatus, Reply

from .reply_helpers import MUFG, ask_and_send, balance, import_file, no_account, reply_file, today

AS_OF = today() - timedelta(days=5)


def cancelled_inquiry(cast):
    [inquiry] = ask_and_send(cast, (MUFG, ""))
    return services.cancel(cast.users["cw"], inquiry, "世帯から通帳の提出があったため")


def paper_reply(actor, inquiry, detail="口座なし"):
    return services.enter_reply(actor, inquiry, answered_on=today(), found=False, amount=None, detail=detail)


def test_a_second_reply_file_to_a_cancelled_inquiry_is_skipped(cast):
    inquiry = cancelled_inquiry(cast)
    import_file(cast.users["clerk"], cast.office_a, reply_file(cast.office_a, no_account(inquiry.reference, MUFG)))
    other = reply_file(
        cast.office_a,
        balance(inquiry.reference, MUFG, "001", "3333333", AS_OF, 9_000, branch_name="本店"),
        created_on=today() - timedelta(days=1),
    )

    result = import_file(cast.users["clerk"], cast.office_a, other, name="second.csv")

    assert (result.answered, result.skipped) == (0, 1)
    [reply] = inquiry.replies.all()
    assert reply.after_cancel and not reply.found
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.CANCELLED


def test_a_second_paper_reply_to_a_cancelled_inquiry_is_refused_naming_the_reply_date(cast):
    inquiry = cancelled_inquiry(cast)
    paper_reply(cast.users["cw"], inquiry)

    with pytest.raises(ValidationError) as caught:
        paper_reply(cast.users["clerk"], inquiry, detail="口座なし（再送）")

    assert "answered_on" in caught.value.message_dict
    assert Reply.objects.filter(inquiry=inquiry).count() == 1


def test_a_reply_file_after_a_paper_reply_to_a_cancelled_inquiry_is_skipped(cast):
    inquiry = cancelled_inquiry(cast)
    paper_reply(cast.users["cw"], inquiry)

    result = import_file(
        cast.users["clerk"], cast.office_a, reply_file(cast.office_a, no_account(inquiry.reference, MUFG))
    )

    assert (result.answered, result.skipped) == (0, 1)
    [reply] = inquiry.replies.all()
    assert reply.source is None and reply.after_cancel


def test_a_paper_reply_after_a_filed_reply_to_a_cancelled_inquiry_is_refused(cast):
    inquiry = cancelled_inquiry(cast)
    import_file(cast.users["clerk"], cast.office_a, reply_file(cast.office_a, no_account(inquiry.reference, MUFG)))

    with pytest.raises(ValidationError) as caught:
        paper_reply(cast.users["cw"], inquiry)

    assert "answered_on" in caught.value.message_dict
    [reply] = inquiry.replies.all()
    assert reply.source is not None
