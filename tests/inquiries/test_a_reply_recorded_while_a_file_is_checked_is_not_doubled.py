"""import_replies checks the file first and saves after; a paper reply recorded by someone else in between
(committed just before the file's inquiries are locked) must be seen: whether an inquiry is already
answered is decided with its row locked, so the file's reply is skipped and the inquiry has one reply."""

from hogo.inquiries.models import Inquiry, InquiryStatus, Reply

from .reply_helpers import MUFG, ask_and_send, import_file, no_account, reply_file, today


def test_a_paper_reply_recorded_just_before_the_lock_makes_the_files_reply_skipped(cast, monkeypatch):
    [inquiry] = ask_and_send(cast, (MUFG, ""))
    data = reply_file(cast.office_a, no_account(inquiry.reference, MUFG))
    lock = Inquiry.objects.select_for_update
    entered = []

    def paper_reply_then_lock(*args, **kwargs):
        # another session's paper reply, committed while this import was checking its file
        if not entered:
            entered.append(
                Reply.objects.create(
                    inquiry=inquiry, answered_on=today(), found=False, detail="口座なし", recorded_by=cast.users["cw"]
                )
            )
            Inquiry.objects.filter(pk=inquiry.pk).update(status=InquiryStatus.NO_RECORD, answered_on=today())
        return lock(*args, **kwargs)

    monkeypatch.setattr(Inquiry.objects, "select_for_update", paper_reply_then_lock)

    result = import_file(cast.users["clerk"], cast.office_a, data)

    assert entered and (result.answered, result.skipped) == (0, 1)
    assert list(Reply.objects.filter(inquiry=inquiry)) == entered
