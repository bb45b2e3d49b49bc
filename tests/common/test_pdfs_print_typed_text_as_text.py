"""Every PDF prints what a person typed as the characters typed: no module builds a ReportLab
Paragraph itself; only hogo/common/pdf.py does, and its helpers (line, paragraphs, grid) escape."""

import re
from pathlib import Path

HOGO = Path(__file__).parents[2] / "hogo"


def test_only_the_shared_pdf_module_builds_paragraphs():
    builders = [
        str(path.relative_to(HOGO))
        for path in HOGO.rglob("*.py")
        if path != HOGO / "common" / "pdf.py" and re.search(r"\bParagraph\(", path.read_text(encoding="utf-8"))
    ]
    assert builders == []
