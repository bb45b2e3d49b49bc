"""Shared PDF typography (ReportLab with the CID font HeiseiMin-W3, so the text extracts as
Japanese with pdftotext) for notices, support plans and conference minutes."""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

FONT = "HeiseiMin-W3"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

BASE = ParagraphStyle("base", fontName=FONT, fontSize=10.5, leading=17, wordWrap="CJK")
TITLE = ParagraphStyle("title", parent=BASE, fontSize=16, leading=24, alignment=1, spaceAfter=6 * mm)
RIGHT = ParagraphStyle("right", parent=BASE, alignment=2)
HEAD = ParagraphStyle("head", parent=BASE, fontSize=11.5, spaceBefore=4 * mm, spaceAfter=1 * mm)
SMALL = ParagraphStyle("small", parent=BASE, fontSize=9.5, leading=15)


def paragraphs(text: str, style=BASE) -> list:
    """Each line of `text` as a paragraph (escaped)."""
    return [Paragraph(escape(line) or "&nbsp;", style) for line in (text or "").splitlines() or [""]]


def grid(rows: list[list], widths: list[float]) -> Table:
    """A ruled table; cells may be strings (escaped, wrapped) or flowables."""
    cells = [[Paragraph(escape(str(c)), SMALL) if isinstance(c, (str, int)) else c for c in row] for row in rows]
    table = Table(cells, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.94, 0.98)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def build(story: list, title: str) -> bytes:
    out = BytesIO()
    SimpleDocTemplate(
        out, pagesize=A4, title=title, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm
    ).build(story)
    return out.getvalue()
