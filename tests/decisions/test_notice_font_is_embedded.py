"""The notice embeds its Japanese font (IPAex, TrueType from Debian), so it renders the same in
every viewer."""

from hogo.common import pdf

from .notice_helpers import approved_start, notice_file, poppler


def test_the_notice_embeds_the_ipaex_fonts_it_uses(cast, applying, tmp_path):
    assert pdf.FONT == "IPAexMincho", "fonts-ipaexfont-mincho is needed (.ci/run installs it)"
    *_, decision = approved_start(cast, applying)
    rows = poppler("pdffonts", notice_file(decision, tmp_path)).splitlines()[2:]
    fonts = {row.split()[0].split("+")[-1]: row.split() for row in rows}
    assert {"IPAexMincho", "IPAexGothic"} <= fonts.keys()
    for name in ("IPAexMincho", "IPAexGothic"):
        kind, emb = fonts[name][1], fonts[name][-5]  # name type encoding emb sub uni object ID
        assert kind == "TrueType" and emb == "yes", fonts[name]
    # ReportLab lists Helvetica in every document's font resources; no text is set in it
    assert set(fonts) - {"IPAexMincho", "IPAexGothic"} <= {"Helvetica"}
