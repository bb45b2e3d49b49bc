"""Each paper inquiry prints as a letter that names its addressee, its 照会番号 (in the header and again
on the reply form), the dates in 和暦, the legal basis by kind and the reply deadline; several letters
print in one PDF, each from a new page."""

from datetime import date

import pytest
from django.utils import timezone

from hogo.common.wareki import wareki
from hogo.inquiries import services
from hogo.inquiries.letters import render_letters
from hogo.inquiries.models import Inquiry, InquiryKind

from ..decisions.notice_helpers import poppler

SENT = date(2026, 11, 2)  # 令和8年11月2日; due two weeks later, 令和8年11月16日
KINDS = {
    InquiryKind.LIFE_INSURANCE: ("架空生命保険株式会社 本社", "生命保険契約の有無等について", "生活保護法第29条第1項"),
    InquiryKind.SALARY: ("株式会社架空製作所", "給与の支払状況について", "生活保護法第29条第1項"),
    InquiryKind.PENSION: ("架空年金事務所", "年金の受給状況について", "生活保護法第29条第1項及び第2項"),
    InquiryKind.SUPPORT: ("架空 一子", "扶養義務の履行について", "生活保護法第4条第2項、第29条第1項及び第77条"),
}


def letter(cast, kind, *, asked="令和8年10月分の状況", institution_name=None, person=None) -> Inquiry:
    household = cast.households["own"]
    return services.ask_by_letter(
        cast.users["cw"],
        household,
        person or services.Person(member=household.members.get(relation="head")),
        kind=kind,
        institution_name=institution_name or KINDS[kind][0],
        institution_address="東京都架空区一丁目2番3号",
        asked=asked,
    )


def sent(cast, *inquiries) -> list[Inquiry]:
    services.mark_letters_sent(cast.users["clerk"], list(inquiries), day=SENT)
    return [Inquiry.objects.select_related("household__office").get(pk=i.pk) for i in inquiries]


def pdf_text(pdf: bytes, tmp_path, name="letters.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    return poppler("pdftotext", path, "-")


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_sent_letter_names_its_addressee_reference_basis_and_dates_in_wareki(cast, tmp_path, kind):
    (inquiry,) = sent(cast, letter(cast, kind))
    text = pdf_text(render_letters([inquiry]), tmp_path).replace("\n", "")
    name, title, basis = KINDS[kind]
    honorific = "様" if kind == InquiryKind.SUPPORT else "御中"
    assert f"{name} {honorific}" in text
    assert "東京都架空区一丁目2番3号" in text
    assert title in text
    assert basis in text
    assert text.count(inquiry.reference) >= 2  # the header and the reply form
    assert "回答書" in text
    assert "令和8年11月2日" in text  # the letter's date: the day it was sent
    assert "令和8年11月16日" in text  # the reply deadline, 14 days later
    assert "昭和25年5月1日" in text  # the head's birth date (tests/factories.py: 1950-05-01)
    assert "山田 太郎" in text and "ヤマダ タロウ" in text
    assert "令和8年10月分の状況" in text
    assert "みなと市福祉事務所長" in text
    assert "2026-" not in text  # no ISO date reaches the letter


def test_the_support_letter_cites_articles_4_and_77_and_asks_without_demanding(cast, tmp_path):
    (inquiry,) = sent(cast, letter(cast, InquiryKind.SUPPORT))
    text = pdf_text(render_letters([inquiry]), tmp_path).replace("\n", "")
    assert "生活保護法第4条第2項" in text and "第77条" in text
    assert "強制するものではありません" in text
    assert "援助が難しい場合も、その旨をご回答いただければ幸いです" in text
    assert "援助は難しい" in text  # the reply form offers the answer "no"


def test_the_letters_of_the_other_kinds_quote_what_article_29_lets_the_office_ask(cast, tmp_path):
    insurer, pension = sent(cast, letter(cast, InquiryKind.LIFE_INSURANCE), letter(cast, InquiryKind.PENSION))
    insurer_text = pdf_text(render_letters([insurer]), tmp_path, "insurer.pdf").replace("\n", "")
    pension_text = pdf_text(render_letters([pension]), tmp_path, "pension.pdf").replace("\n", "")
    assert "雇主その他の関係人に、報告を求めることができる" in insurer_text
    assert "日本年金機構" in pension_text and "資料の提供を求め" in pension_text
    assert "速やかに" in pension_text  # 第29条第2項
    assert "第4条第2項" not in insurer_text + pension_text


def test_an_iso_date_typed_in_the_question_prints_in_wareki(cast, tmp_path):
    (inquiry,) = sent(cast, letter(cast, InquiryKind.SALARY, asked="2026-10-01から2026-10-31までの給与"))
    text = pdf_text(render_letters([inquiry]), tmp_path).replace("\n", "")
    assert "令和8年10月1日から令和8年10月31日までの給与" in text


def test_a_letter_not_yet_sent_is_dated_today_and_gives_two_weeks_from_its_date(cast, tmp_path):
    inquiry = letter(cast, InquiryKind.SALARY)
    text = pdf_text(render_letters([inquiry]), tmp_path).replace("\n", "")
    assert wareki(timezone.localdate()) in text
    assert "この照会の日から2週間以内" in text


def test_several_letters_print_in_one_pdf_each_from_a_new_page(cast, tmp_path):
    inquiries = sent(cast, *(letter(cast, kind) for kind in KINDS))
    pages = pdf_text(render_letters(inquiries), tmp_path).split("\f")
    first_pages = []
    for inquiry in inquiries:
        first_pages.append(next(n for n, page in enumerate(pages) if f"照会番号 {inquiry.reference}" in page))
    assert first_pages == sorted(set(first_pages))  # in the order given, none sharing a page
    for n, inquiry in zip(first_pages, inquiries, strict=True):
        others = [i.reference for i in inquiries if i.pk != inquiry.pk]
        assert not any(reference in pages[n] for reference in others)
