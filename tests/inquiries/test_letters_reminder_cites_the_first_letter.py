"""The reminder (再照会) of a letter sent and not answered cites the first letter's date and 照会番号,
gives two weeks from its own date and carries the same reply form; it is refused for an inquiry that is
not waiting for its reply."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from hogo.inquiries import services
from hogo.inquiries.letters import render_reminder
from hogo.inquiries.models import Inquiry, InquiryKind

from ..decisions.notice_helpers import poppler

SENT = date(2026, 11, 2)
REMINDED = date(2026, 11, 20)  # 令和8年11月20日; the new deadline two weeks later is 令和8年12月4日


def letter(cast, kind=InquiryKind.PENSION) -> Inquiry:
    household = cast.households["own"]
    return services.ask_by_letter(
        cast.users["cw"],
        household,
        services.Person(member=household.members.get(relation="head")),
        kind=kind,
        institution_name="架空年金事務所" if kind == InquiryKind.PENSION else "架空 一子",
        institution_address="東京都架空区一丁目2番3号",
        asked="老齢基礎年金の受給状況",
    )


def sent(cast, inquiry) -> Inquiry:
    services.mark_letters_sent(cast.users["clerk"], [inquiry], day=SENT)
    return Inquiry.objects.select_related("household__office").get(pk=inquiry.pk)


def text_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "reminder.pdf"
    path.write_bytes(pdf)
    return poppler("pdftotext", path, "-").replace("\n", "")


def test_the_reminder_names_the_first_letters_date_and_reference_and_a_new_deadline(cast, tmp_path):
    inquiry = sent(cast, letter(cast))
    text = text_of(render_reminder(inquiry, on=REMINDED), tmp_path)
    assert "年金の受給状況について（再照会）" in text
    assert f"令和8年11月2日付け（照会番号 {inquiry.reference}）" in text
    assert "令和8年11月20日" in text  # the reminder's own date
    assert "令和8年12月4日" in text  # two weeks from it
    assert "架空年金事務所 御中" in text
    assert "生活保護法第29条第1項及び第2項" in text
    assert "回答書" in text and text.count(inquiry.reference) >= 3  # header, body, reply form


def test_the_reminder_to_a_relative_asks_again_without_demanding(cast, tmp_path):
    inquiry = sent(cast, letter(cast, InquiryKind.SUPPORT))
    text = text_of(render_reminder(inquiry, on=REMINDED), tmp_path)
    assert "扶養義務の履行について（再度のお願い）" in text
    assert "架空 一子 様" in text
    assert "強制するものではありません" in text


@pytest.mark.parametrize("state", ["draft", "answered", "cancelled"])
def test_no_reminder_for_an_inquiry_not_waiting_for_its_reply(cast, state):
    inquiry = letter(cast)
    if state != "draft":
        inquiry = sent(cast, inquiry)
    if state == "answered":
        services.enter_reply(cast.users["cw"], inquiry, answered_on=SENT, found=False, amount=None, detail="")
    if state == "cancelled":
        services.cancel(cast.users["cw"], inquiry, "対象者が転出したため")
    with pytest.raises(ValidationError) as refused:
        render_reminder(Inquiry.objects.get(pk=inquiry.pk))
    assert "status" in refused.value.message_dict
