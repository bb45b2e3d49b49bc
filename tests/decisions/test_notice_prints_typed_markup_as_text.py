"""Text a person typed reaches the notice as characters, never as ReportLab markup: a reason typed
as `<font size="30" color="red">…</font>` or `<img src=…>` prints as those characters, in every
field of the notice a person types (address, name, reasons, late reason, retroactive reason)."""

import re
from pathlib import Path

from hogo.households.models import Household, Member

from .notice_helpers import approved_start, notice_file, poppler

FONT = '<font size="30" color="red">保護を廃止します</font>'
IMAGE = '<img src="http://x">'
BREAK = "<br/><b>太字</b>&amp;"


def test_markup_in_every_typed_field_prints_as_literal_text_and_the_pdf_has_no_image(cast, applying, tmp_path):
    household, application = applying
    Household.objects.filter(pk=household.pk).update(address=f"みなと市{IMAGE}1番")
    Member.objects.filter(household=household, relation="head").update(name=f"木村{BREAK}")
    *_, decision = approved_start(
        cast,
        applying,
        reasons=f"{FONT}\n{IMAGE}",
        late_reason=f"遅延{FONT}",
        retroactive_reason=f"遡及{IMAGE}",
    )
    path = notice_file(decision, tmp_path)
    text = poppler("pdftotext", path, "-").replace("\n", "")
    for typed in (f"みなと市{IMAGE}1番", f"木村{BREAK} 様", FONT, IMAGE, f"遅延{FONT}", f"遡及{IMAGE}"):
        assert typed in text, typed
    images = poppler("pdfimages", "-list", path).splitlines()[2:]  # after the two header lines
    assert images == []
    assert b"/Subtype /Image" not in Path(path).read_bytes()


def test_every_paragraph_in_the_notice_module_goes_through_the_escaping_helpers():
    source = Path(__file__).parents[2].joinpath("hogo/decisions/notices.py").read_text()
    assert not re.search(r"\bParagraph\(", source)  # paragraphs() and grid() escape; Paragraph() would not
