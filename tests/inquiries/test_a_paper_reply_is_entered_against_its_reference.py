"""A paper reply (a letter's answer, or a bank's on paper) is entered against its inquiry: only once it was
sent, only once, dated neither in the future nor before it was sent; a reply that found something says
what (or how much). The inquiry is answered, or no_record when nothing was found."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.inquiries import services
from hogo.inquiries.models import InquiryStatus, Reply

from .reply_helpers import MUFG, ask, ask_and_send, head_of, today


@pytest.fixture
def letter(cast):
    """A life-insurance inquiry about the head of `own`, sent by letter today."""
    household = cast.households["own"]
    inquiry = services.ask_by_letter(
        cast.users["cw"],
        household,
        head_of(household),
        kind="life_insurance",
        institution_name="あおぞら生命保険株式会社",
        institution_address="東京都千代田区一丁目2番3号",
        asked="保険契約の有無、解約返戻金の額",
    )
    assert services.mark_letters_sent(cast.users["clerk"], [inquiry]) == 1
    inquiry.refresh_from_db()
    return inquiry


def enter(actor, inquiry, *, answered_on=None, found=True, amount=None, detail="終身保険 1件"):
    return services.enter_reply(
        actor, inquiry, answered_on=answered_on or today(), found=found, amount=amount, detail=detail
    )


def refused_on(actor, inquiry, **kw) -> dict:
    before = (inquiry.status, inquiry.answered_on, Reply.objects.count())
    with pytest.raises(ValidationError) as caught:
        enter(actor, inquiry, **kw)
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.answered_on, Reply.objects.count()) == before
    return caught.value.message_dict


def test_a_reply_that_found_a_contract_answers_the_inquiry(cast, letter):
    reply = enter(cast.users["cw"], letter, amount=312_000, detail="終身保険 解約返戻金")

    letter.refresh_from_db()
    assert letter.status == InquiryStatus.ANSWERED and letter.answered_on == today()
    assert (reply.found, reply.amount, reply.detail, reply.source) == (True, 312_000, "終身保険 解約返戻金", None)
    assert reply.recorded_by == cast.users["cw"] and not reply.after_cancel


def test_a_reply_that_found_nothing_leaves_no_record(cast, letter):
    enter(cast.users["clerk"], letter, found=False, detail="", answered_on=today())

    letter.refresh_from_db()
    assert letter.status == InquiryStatus.NO_RECORD


def test_a_bank_reply_on_paper_is_entered_like_a_letter(cast):
    [deposit] = ask_and_send(cast, (MUFG, ""))

    enter(cast.users["sv"], deposit, found=True, amount=4_500, detail="普通預金 1口座")

    deposit.refresh_from_db()
    assert deposit.status == InquiryStatus.ANSWERED


def test_an_inquiry_not_yet_sent_takes_no_reply(cast):
    [draft] = ask(cast.users["cw"], cast.households["own"], (MUFG, ""))

    assert "answered_on" in refused_on(cast.users["cw"], draft)


def test_an_answered_inquiry_takes_no_second_reply(cast, letter):
    enter(cast.users["cw"], letter)
    letter.refresh_from_db()

    assert "answered_on" in refused_on(cast.users["cw"], letter, detail="もう一度")
    assert letter.replies.count() == 1


def test_a_reply_dated_in_the_future_is_refused(cast, letter):
    errors = refused_on(cast.users["cw"], letter, answered_on=today() + timedelta(days=1))

    assert list(errors) == ["answered_on"]


def test_a_reply_dated_before_the_inquiry_was_sent_is_refused(cast, letter):
    errors = refused_on(cast.users["cw"], letter, answered_on=letter.sent_on - timedelta(days=1))

    assert list(errors) == ["answered_on"]


def test_a_reply_that_found_something_must_say_what(cast, letter):
    errors = refused_on(cast.users["cw"], letter, found=True, amount=None, detail="  ")

    assert list(errors) == ["detail"]


def test_an_amount_alone_says_enough(cast, letter):
    reply = enter(cast.users["cw"], letter, found=True, amount=0, detail="")

    assert reply.amount == 0


@pytest.mark.parametrize("who", ["cw_mate", "cw_other", "chief", "b_clerk", "b_cw"])
def test_nobody_else_enters_a_reply(cast, letter, who):
    with pytest.raises(PermissionDenied):
        enter(cast.users[who], letter)

    letter.refresh_from_db()
    assert letter.status == InquiryStatus.SENT and not Reply.objects.exists()


def test_a_negative_amount_is_refused_on_its_field(cast, letter):
    errors = refused_on(cast.users["cw"], letter, found=True, amount=-1, detail="解約返戻金")

    assert list(errors) == ["amount"]
