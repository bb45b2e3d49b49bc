"""Parse e-Gov law XML (法令標準XMLスキーマ, bare or inside an API v1/v2 envelope) into passages:
one per paragraph of each article (items folded into their paragraph's text), with the citation
text (生活保護法第24条第5項), the article number in Arabic numerals with its branch ("27の2"), and
supplementary provisions (附則) kept apart. Pure Python, no Django import."""

import xml.etree.ElementTree as ET
from dataclasses import dataclass


class LawXmlError(ValueError):
    """The file is not e-Gov law XML this parser understands."""


@dataclass(frozen=True)
class Passage:
    article: str  # "24", "27の2", "67" (merged articles are split: "67:68" gives 67 and 68)
    paragraph: int | None
    caption: str
    citation: str
    text: str
    suppl: str = ""  # the amending law of a 附則 block, "原始附則" for the original; empty for the main text
    deleted: bool = False
    order: int = 0


@dataclass(frozen=True)
class Law:
    title: str
    number: str  # 法令番号
    passages: list


def _text(element) -> str:
    """The element's text; where it holds sentences, only their text (not the XML's indentation)."""
    if element is None:
        return ""
    sentences = list(element.iter("Sentence"))
    if sentences:
        return "".join("".join(s.itertext()).strip() for s in sentences)
    return "".join(element.itertext()).strip()


def article_citation(num: str) -> str:
    """e-Gov's Num "27_2" → 第27条の2."""
    base, *branches = num.split("_")
    return f"第{base}条" + "".join(f"の{b}" for b in branches)


def article_label(num: str) -> str:
    """e-Gov's Num "27_2" → "27の2"; "15_2_3" → "15の2の3"."""
    return "の".join(num.split("_"))


def _paragraph_text(paragraph) -> str:
    sentences = _text(paragraph.find("ParagraphSentence"))
    items = []
    for item in paragraph.iter("Item"):
        items.append(f"{_text(item.find('ItemTitle'))} {_text(item.find('ItemSentence'))}".strip())
    return "\n".join([sentences, *items]).strip()


def _article_passages(article, title: str, suppl: str, start: int) -> list[Passage]:
    caption = _text(article.find("ArticleCaption")).strip("（）()")
    paragraphs = article.findall("Paragraph")
    found = []
    for number in (article.get("Num") or "").split(":"):
        label = article_label(number)
        prefix = f"{title}附則" if suppl else title
        for index, paragraph in enumerate(paragraphs, start=1):
            text = _paragraph_text(paragraph)
            para = int(paragraph.get("Num") or index)
            cited = f"{prefix}{article_citation(number)}" + (f"第{para}項" if len(paragraphs) > 1 else "")
            found.append(
                Passage(
                    label,
                    para if len(paragraphs) > 1 else None,
                    caption,
                    cited,
                    text,
                    suppl,
                    deleted=text == "削除",
                    order=start + len(found),
                )
            )
    return found


def parse(data: bytes) -> Law:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise LawXmlError(f"XMLとして読めません（{exc}）") from exc
    law = root if root.tag == "Law" else root.find(".//Law")
    if law is None:
        raise LawXmlError("e-Gov の法令XML（Law 要素）ではありません。")
    title = _text(law.find("LawBody/LawTitle"))
    if not title:
        raise LawXmlError("法令名（LawTitle）がありません。")
    passages: list[Passage] = []
    for article in law.findall("LawBody/MainProvision//Article"):
        passages += _article_passages(article, title, "", len(passages))
    for block in law.findall("LawBody/SupplProvision"):
        amend = block.get("AmendLawNum") or "原始附則"
        articles = block.findall(".//Article")
        if articles:
            for article in articles:
                passages += _article_passages(article, title, amend, len(passages))
        else:  # a 附則 of bare paragraphs
            for index, paragraph in enumerate(block.findall("Paragraph"), start=1):
                text = _paragraph_text(paragraph)
                passages.append(
                    Passage("附則", index, "", f"{title}附則（{amend}）第{index}項", text, amend, order=len(passages))
                )
    if not passages:
        raise LawXmlError("条文（Article）が見つかりません。")
    return Law(title, _text(law.find("LawNum")), passages)
