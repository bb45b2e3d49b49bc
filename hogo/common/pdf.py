"""Shared PDF typography for notices, support plans and conference minutes.

The Japanese fonts are IPAex Mincho (body) and IPAex Gothic (headings), TrueType files from the
Debian packages fonts-ipaexfont-mincho / fonts-ipaexfont-gothic (.ci/run installs them), embedded as
subsets so a notice renders the same in every viewer and extracts as Japanese with pdftotext.
ReportLab cannot embed CFF/OTF fonts such as Noto Sans CJK. When a file is missing the CID fonts
HeiseiMin-W3 / HeiseiKakuGo-W5 are used instead (not embedded: the viewer substitutes a font).

User-typed text reaches a Paragraph only through `paragraphs` or `grid`, which escape it: a reason
typed as `<font size="30">…</font>` prints as those characters."""

from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

MINCHO_FILE = Path("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf")
GOTHIC_FILE = Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")


def _register(name: str, file: Path, fallback: str) -> str:
    """The embedded TrueType font when its file is there, else the CID fallback (not embedded)."""
    if file.is_file():
        pdfmetrics.registerFont(TTFont(name, str(file)))
        return name
    pdfmetrics.registerFont(UnicodeCIDFont(fallback))
    return fallback


FONT = _register("IPAexMincho", MINCHO_FILE, "HeiseiMin-W3")
HEAD_FONT = _register("IPAexGothic", GOTHIC_FILE, "HeiseiKakuGo-W5")

BASE = ParagraphStyle("base", fontName=FONT, fontSize=10.5, leading=17, wordWrap="CJK")
TITLE = ParagraphStyle(
    "title", parent=BASE, fontName=HEAD_FONT, fontSize=16, leading=24, alignment=1, spaceAfter=6 * mm
)
RIGHT = ParagraphStyle("right", parent=BASE, alignment=2)
HEAD = ParagraphStyle(
    "head", parent=BASE, fontName=HEAD_FONT, fontSize=11.5, spaceBefore=4 * mm, spaceAfter=1 * mm, keepWithNext=1
)
SMALL = ParagraphStyle("small", parent=BASE, fontSize=9.5, leading=15)
NUMBER = ParagraphStyle("number", parent=SMALL, alignment=2)


def line(text: str, style=BASE) -> Paragraph:
    """One paragraph of plain text: anything a person typed prints as the characters they typed
    (ReportLab would otherwise read tags such as <font> or <img> in it)."""
    return Paragraph(escape(text) or "&nbsp;", style)


def paragraphs(text: str, style=BASE) -> list:
    """Each line of `text` as a paragraph (escaped)."""
    return [Paragraph(escape(line) or "&nbsp;", style) for line in (text or "").splitlines() or [""]]


def grid(rows: list[list], widths: list[float], numeric: tuple[int, ...] = (), style: tuple = ()) -> Table:
    """A ruled table; cells may be strings (escaped, wrapped) or flowables. Columns listed in
    `numeric` are right-aligned; `style` adds TableStyle commands (e.g. a shaded total row)."""
    cells = [
        [
            Paragraph(escape(str(c)), NUMBER if j in numeric else SMALL) if isinstance(c, (str, int)) else c
            for j, c in enumerate(row)
        ]
        for row in rows
    ]
    table = Table(cells, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.94, 0.98)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *style,
            ]
        )
    )
    return table


def build(story: list, title: str) -> bytes:
    out = BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        title=title,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        initialFontName=FONT,  # the canvas starts in the embedded font, not Helvetica
    ).build(story)
    return out.getvalue()


def fitting(text: str, font: str, size: float, width: float) -> int:
    """How many leading characters of `text` fit in `width` (points) on the canvas: for cutting a long
    name on a form drawn directly, where no flowable wraps it."""
    used = 0.0
    for i, ch in enumerate(text):
        used += pdfmetrics.stringWidth(ch, font, size)
        if used > width:
            return max(i, 1)
    return len(text)
