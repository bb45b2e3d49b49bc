"""The office's guides are written in a small plain-text markup, rendered the same way in the core's preview
and on the portal (pure Python: both zones import it). Everything typed is escaped first; then
- a blank line separates paragraphs; a line "## 見出し" is a heading; lines "- …" are a list;
- furigana: 漢字《かんじ》 (the run of kanji before 《) or ｜基準《きじゅん》 (from ｜) gives <ruby>."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

RUBY = re.compile(r"(?:｜([^｜《》\n]{1,20})|([\u4e00-\u9fff々〆ヶ]{1,20}))《([^《》\n]{1,40})》")


def ruby(text: str) -> SafeString:
    """Escaped text with 漢字《かんじ》 as <ruby>."""
    marked = RUBY.sub(lambda m: f"<ruby>{m.group(1) or m.group(2)}<rt>{m.group(3)}</rt></ruby>", str(escape(text)))
    return mark_safe(marked)  # the text was escaped first; only our own tags are added


def plain(text: str) -> str:
    """The text without the furigana marks (for titles in lists and notifications)."""
    return RUBY.sub(lambda m: m.group(1) or m.group(2), text)


def render(body: str) -> SafeString:
    out = []
    for block in re.split(r"\n\s*\n", (body or "").replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines and lines[0].startswith("## "):
            out.append(f"<h2>{ruby(lines[0][3:].strip())}</h2>")
            lines = lines[1:]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            out.append("<ul>" + "".join(f"<li>{ruby(line[2:].strip())}</li>" for line in lines) + "</ul>")
        else:
            out.append("<p>" + "<br>".join(ruby(line) for line in lines) + "</p>")
    return mark_safe("\n".join(out))  # every piece of text was escaped above
