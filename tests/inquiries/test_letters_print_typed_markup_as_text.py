"""Text a person typed reaches the letter as characters, never as ReportLab markup: a name typed with
`<b>` and `&`, an addressee with `<font>`, a question with `<img>` print as typed, on the letter and on
its reply form, and the PDF has no image."""

import re
from pathlib import Path

from hogo.inquiries import services
from hogo.inquiries.letters import render_letters, render_reminder
from hogo.inquiries.models import Inquiry, InquiryKind

from ..decisions.notice_helpers import poppler

NAME = "架空<b>太字</b>&amp;花子"
ADDRESSEE = '<font size="30" color="red">架空商事</font> & 子会社'
ASKED = '<img src="http://x"/>の給与<br/>改行'


def typed_inquiry(cast) -> Inquiry:
    inquiry = services.ask_by_letter(
        cast.users["cw"],
        cast.households["own"],
        services.Person(name=NAME, kana="カクウ ハナコ", address="東京都<i>架空</i>区1番"),
        kind=InquiryKind.SALARY,
        institution_name=ADDRESSEE,
        institution_address="東京都架空区&lt;2番",
        asked=ASKED,
    )
    services.mark_letters_sent(cast.users["clerk"], [inquiry])
    return Inquiry.objects.select_related("household__office").get(pk=inquiry.pk)


def test_markup_typed_in_a_name_addressee_address_and_question_prints_literally(cast, tmp_path):
    inquiry = typed_inquiry(cast)
    path = tmp_path / "letter.pdf"
    path.write_bytes(render_letters([inquiry]))
    text = poppler("pdftotext", path, "-").replace("\n", "")
    assert text.count(f"{NAME}（カクウ ハナコ）") == 2  # in 記 and on the reply form
    for typed in (f"{ADDRESSEE} 御中", "東京都架空区&lt;2番", "東京都<i>架空</i>区1番", ASKED):
        assert typed in text, typed
    assert poppler("pdfimages", "-list", path).splitlines()[2:] == []
    assert b"/Subtype /Image" not in path.read_bytes()


def test_the_reminder_prints_typed_markup_literally_too(cast, tmp_path):
    path = tmp_path / "reminder.pdf"
    path.write_bytes(render_reminder(typed_inquiry(cast)))
    text = poppler("pdftotext", path, "-").replace("\n", "")
    assert f"{NAME}（カクウ ハナコ）" in text and f"{ADDRESSEE} 御中" in text and ASKED in text


def test_every_paragraph_in_the_letters_module_goes_through_the_escaping_helpers():
    source = Path(__file__).parents[2].joinpath("hogo/inquiries/letters.py").read_text()
    assert not re.search(r"\bParagraph\(", source)  # paragraphs() and grid() escape; Paragraph() would not
