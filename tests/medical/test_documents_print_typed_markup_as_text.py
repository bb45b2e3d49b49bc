"""Text a person typed reaches the 意見書 and the tickets as characters, never as ReportLab markup: a name
typed with `<b>` and `&`, an institution with `<font>`, a complaint with `<img>` print as typed, and
the PDFs have no image. The 意見書 builds no Paragraph of its own (the escaping helpers do)."""

import re
from pathlib import Path

from hogo.households.models import Member
from hogo.medical.documents import render_opinion, render_tickets
from hogo.medical.models import MedicalRequest, Opinion

from ..decisions.notice_helpers import poppler
from .test_documents_tickets_show_number_month_institution_recipient_and_self_pay import (
    institution,
    squeezed,
    ticket,
)

NAME = "架空<b>太字</b>&amp;花子"
KANA = "カクウ&ハナコ<i>"
PLACE = '<font size="30" color="red">架空病院</font> & 分院'
COMPLAINT = '<img src="http://x"/>の痛み<br/>改行'


def typed(cast):
    member = cast.households["own"].members.get()
    Member.objects.filter(pk=member.pk).update(name=NAME, name_kana=KANA)
    place = institution(cast.office_a, name=PLACE)
    place.address = "東京都架空区&lt;2番"
    place.save()
    return member, place


def test_markup_in_the_patient_institution_and_complaint_prints_literally_on_the_opinion(cast, tmp_path):
    member, place = typed(cast)
    request = MedicalRequest.objects.create(
        household=cast.households["own"],
        member=member,
        received_on=place.designated_from,
        complaint=COMPLAINT,
        institution=place,
        recorded_by=cast.users["cw"],
    )
    opinion = Opinion.objects.create(reference="R<b>1", request=request, issued_on=place.designated_from)
    path = tmp_path / "opinion.pdf"
    path.write_bytes(render_opinion(opinion))
    text = squeezed(poppler("pdftotext", path, "-"))
    assert text.count(squeezed(f"{NAME}（{KANA}）")) == 2  # on the letter and on the doctor's page
    for expected in (f"{PLACE} 御中", "東京都架空区&lt;2番", COMPLAINT, "意見書番号R<b>1"):
        assert squeezed(expected) in text, expected
    assert b"/Subtype /Image" not in path.read_bytes()


def test_markup_in_the_recipient_and_institution_prints_literally_on_a_ticket(cast, tmp_path):
    member, place = typed(cast)
    path = tmp_path / "tickets.pdf"
    path.write_bytes(render_tickets([ticket(cast, place, "M<&>1")]))
    text = squeezed(poppler("pdftotext", "-raw", path, "-"))
    for expected in (f"{NAME}（{KANA}）", PLACE, "東京都架空区&lt;2番", "M<&>1"):
        assert squeezed(expected) in text, expected
    assert b"/Subtype /Image" not in path.read_bytes()


def test_the_documents_module_builds_no_paragraph_of_its_own():
    source = Path(__file__).parents[2].joinpath("hogo/medical/documents.py").read_text()
    assert not re.search(r"\bParagraph\(", source)  # paragraphs() and grid() escape; Paragraph() would not
