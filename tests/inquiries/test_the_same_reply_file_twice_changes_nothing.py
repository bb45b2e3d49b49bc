"""Idempotent import: the same reply file again (under any name, by anyone who may import) is known by its
SHA-256 and changes nothing — no second ReplyImport, Reply, Account or Balance, no status change. A refused
file is not remembered: once what was wrong is put right, the same bytes import."""

from datetime import timedelta

import pytest

from hogo.inquiries import services
from hogo.inquiries.models import Account, Balance, Inquiry, InquiryStatus, Reply, ReplyImport, Transaction
from hogo.linkage.layouts import FileRefused

from .reply_helpers import (
    MIZUHO,
    MUFG,
    TOKYO_EIGYOBU,
    ask,
    ask_and_send,
    balance,
    import_file,
    no_account,
    reply_file,
    today,
    transaction,
)

AS_OF = today() - timedelta(days=3)


def counts():
    return [m.objects.count() for m in (ReplyImport, Reply, Account, Balance, Transaction)]


def test_the_same_file_again_is_recognised_and_changes_nothing(cast):
    mizuho, mufg = ask_and_send(cast, (MIZUHO, TOKYO_EIGYOBU), (MUFG, ""), with_transactions=True)
    data = reply_file(
        cast.office_a,
        balance(mizuho.reference, MIZUHO, TOKYO_EIGYOBU, "0000001", AS_OF, 50_000),
        transaction(mizuho.reference, "0000001", AS_OF, 2_000, "給与"),
        no_account(mufg.reference, MUFG),
    )
    first = import_file(cast.users["clerk"], cast.office_a, data)
    before = counts()
    assert before == [1, 2, 1, 1, 1]
    states = list(Inquiry.objects.order_by("pk").values_list("status", "answered_on"))

    again = import_file(cast.users["sv"], cast.office_a, data, name="kaito-copy.csv")

    assert again.already and again.source == first.source and again.answered == first.answered == 2
    assert counts() == before
    assert list(Inquiry.objects.order_by("pk").values_list("status", "answered_on")) == states


def test_the_same_file_after_its_inquiry_was_cancelled_still_changes_nothing(cast):
    [inquiry] = ask_and_send(cast, (MUFG, ""))
    data = reply_file(cast.office_a, no_account(inquiry.reference, MUFG))
    import_file(cast.users["clerk"], cast.office_a, data)

    import_file(cast.users["clerk"], cast.office_a, data)

    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.NO_RECORD and inquiry.replies.count() == 1


def test_a_file_differing_only_by_a_blank_line_is_another_file_but_answers_nothing_twice(cast):
    [inquiry] = ask_and_send(cast, (MUFG, ""))
    data = reply_file(cast.office_a, no_account(inquiry.reference, MUFG))
    import_file(cast.users["clerk"], cast.office_a, data)

    other = import_file(cast.users["clerk"], cast.office_a, data + b"\r\n")

    assert not other.already and (other.answered, other.skipped) == (0, 1)
    assert inquiry.replies.count() == 1 and ReplyImport.objects.count() == 2


def test_a_refused_file_is_not_remembered_and_imports_once_its_inquiry_is_sent(cast):
    [inquiry] = ask(cast.users["cw"], cast.households["own"], (MUFG, ""))
    data = reply_file(cast.office_a, no_account(inquiry.reference, MUFG))
    with pytest.raises(FileRefused):
        import_file(cast.users["clerk"], cast.office_a, data)
    services.export_batch(cast.users["clerk"], cast.office_a)

    result = import_file(cast.users["clerk"], cast.office_a, data)

    assert not result.already and result.answered == 1
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.NO_RECORD
