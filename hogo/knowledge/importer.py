"""Importing a source into the corpus: e-Gov law XML, or text, Markdown or PDF an office owns.
The whole file is parsed before anything is written; a re-import replaces the source's passages
in one transaction, so a failed import leaves the previous corpus as it was."""

import hashlib
import re
import subprocess
from pathlib import Path

from django.db import transaction

from hogo.common.search_terms import index_terms

from . import egov
from .models import Passage, Source


class ImportRefused(ValueError):
    """The file cannot be imported; the message says why."""


def _code_for(title: str, path: Path) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-") or hashlib.sha1(title.encode()).hexdigest()[:12]


def _text_passages(text: str, title: str) -> list[egov.Passage]:
    """Markdown or plain text: one passage per paragraph, cited by the nearest heading."""
    passages, heading = [], ""
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block:
            continue
        if block.startswith("#"):
            first, _, rest = block.partition("\n")
            heading = first.lstrip("#").strip()
            block = rest.strip()
            if not block:
                continue
        passages.append(
            egov.Passage("", None, heading, f"{title}「{heading}」" if heading else title, block, order=len(passages))
        )
    if not passages:
        raise ImportRefused("本文がありません。")
    return passages


CAPTION_WEIGHT = 3  # an article's caption (見出し) names its subject: its words count three times


def passage_terms(passage) -> str:
    """The words BM25 counts for a passage, repeats kept (term frequency matters)."""
    return " ".join(index_terms(passage.caption) * CAPTION_WEIGHT + index_terms(passage.text))


def read(path: Path, title: str = "") -> tuple[str, str, str, list]:
    """(kind, title, number, passages) of a file, or ImportRefused."""
    if not path.exists():
        raise ImportRefused(f"{path} がありません。")
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".xml":
        try:
            law = egov.parse(data)
        except egov.LawXmlError as exc:
            raise ImportRefused(f"{path.name}: {exc}") from exc
        return "law", law.title, law.number, law.passages
    if suffix == ".pdf":
        result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True)
        text = result.stdout.decode("utf-8", "replace")
        if result.returncode != 0 or not text.strip():
            raise ImportRefused(f"{path.name}: PDFから文字を読み取れません（画像だけのPDFか、壊れています）。")
    elif suffix in (".md", ".txt"):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportRefused(f"{path.name}: UTF-8 の文字として読めません。") from exc
    else:
        raise ImportRefused(f"{path.name}: 取り込めるのは e-Gov の法令XML、Markdown、テキスト、PDF です。")
    name = title or path.stem
    return ("notice" if suffix == ".pdf" else "text"), name, "", _text_passages(text, name)


def import_file(path, *, code: str = "", title: str = "", origin: str = "") -> Source:
    path = Path(path)
    kind, name, number, passages = read(path, title)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    code = code or _code_for(name, path)
    rows = [(p, passage_terms(p)) for p in passages]  # tokenise before the transaction
    with transaction.atomic():
        source, _ = Source.objects.update_or_create(
            code=code,
            defaults={
                "title": name,
                "kind": kind,
                "number": number,
                "origin": origin or str(path.name),
                "sha256": digest,
            },
        )
        Passage.objects.filter(source=source).delete()
        Passage.objects.bulk_create(
            [
                Passage(
                    source=source,
                    order=i,
                    article=p.article,
                    paragraph=p.paragraph,
                    caption=p.caption[:200],
                    citation=p.citation[:200],
                    text=p.text,
                    suppl=p.suppl[:200],
                    deleted=p.deleted,
                    terms=terms,
                )
                for i, (p, terms) in enumerate(rows)
            ],
            batch_size=500,
        )
        source.save()  # a new timestamp: every process rebuilds its search index
    return source


BUNDLED = Path(__file__).with_name("corpus") / "life_protection_act.xml"


def ensure_bundled() -> None:
    """The bundled 生活保護法 is imported the first time the corpus is used."""
    if not Source.objects.filter(code="seikatsu-hogo-ho").exists():
        import_file(
            BUNDLED,
            code="seikatsu-hogo-ho",
            origin="e-Gov法令検索（デジタル庁） https://laws.e-gov.go.jp/law/325AC0000000144",
        )
