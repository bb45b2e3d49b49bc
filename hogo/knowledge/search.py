"""BM25 search over the corpus (bm25s), with Japanese terms from SudachiPy and a domain synonym
dictionary. The index lives in memory per process and is rebuilt when the corpus changes (an
import bumps the sources' timestamps)."""

import json
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.db.models import Count, Max
from django.utils.html import escape

from hogo.common.search_terms import index_terms

from .models import Passage, Source

SYNONYMS_FILE = Path(__file__).with_name("synonyms.json")
MAX_QUERY = 2000
SUPPLEMENTARY_WEIGHT = 0.3  # an article beats its 附則 amendments
DELETED_WEIGHT = 0.05

_lock = threading.Lock()
_index = {"key": None}


class QueryError(ValueError):
    """The query cannot be searched; the message says why."""


@dataclass
class Hit:
    source: str
    law_title: str
    article: str
    paragraph: int | None
    citation: str
    caption: str
    text: str
    score: float
    matched: list

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "law_title": self.law_title,
            "article": self.article,
            "paragraph": self.paragraph,
            "citation": self.citation,
            "caption": self.caption,
            "text": self.text,
            "score": round(self.score, 4),
            "matched": self.matched,
        }


@lru_cache(maxsize=1)
def synonyms() -> dict[str, list[str]]:
    return json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))["synonyms"]


def query_terms(query: str) -> list[str]:
    """The query's words (long units and their parts) plus the law's words for the caseworker's
    words found in it."""
    query = (query or "").strip()
    if not query:
        raise QueryError("質問を入力してください。")
    if len(query) > MAX_QUERY:
        raise QueryError(f"質問が長すぎます（{len(query)}文字）。{MAX_QUERY}文字までにしてください。")
    words = index_terms(query)
    for phrase, expansions in synonyms().items():
        if phrase in query:
            for expansion in expansions:
                words += index_terms(expansion) or [expansion]
    words = list(dict.fromkeys(w for w in words if w))
    if not words:
        raise QueryError("検索できる語がありません（記号や助詞だけの質問は検索できません）。")
    return words


def _corpus_key():
    return tuple(Source.objects.aggregate(n=Count("passages"), t=Max("imported_at")).values())


def _build():
    import bm25s  # noqa: PLC0415 — loads numpy; only when the index is first built

    rows = list(Passage.objects.select_related("source").order_by("source_id", "order"))
    retriever = bm25s.BM25()
    tokens = [(p.terms or "").split() or ["\u0000"] for p in rows]
    if rows:
        retriever.index(tokens, show_progress=False)
    return retriever, rows


def index():
    key = _corpus_key()
    with _lock:
        if _index["key"] != key:
            _index["retriever"], _index["rows"] = _build()
            _index["key"] = key
        return _index["retriever"], _index["rows"]


def search(query: str, limit: int = 5, offices=None) -> list[Hit]:
    """The best passages for a query. `offices`: whose own examples and know-how may be shown
    (laws and notices are for everyone); None shows only the shared sources."""
    words = query_terms(query)
    retriever, rows = index()
    if not rows:
        return []
    vocabulary = retriever.vocab_dict
    known = [w for w in words if w in vocabulary]
    if not known:
        return []
    k = min(len(rows), max(limit * 8, 40))
    results, scores = retriever.retrieve([known], k=k, show_progress=False)
    hits = []
    for position, score in zip(results[0], scores[0], strict=True):
        if score <= 0:
            continue
        p = rows[int(position)]
        if p.source.office_id is not None and p.source.office_id not in (offices or ()):
            continue
        weight = DELETED_WEIGHT if p.deleted else SUPPLEMENTARY_WEIGHT if p.suppl else 1.0
        terms = set((p.terms or "").split())
        hits.append(
            Hit(
                p.source.code,
                p.source.title,
                p.article,
                p.paragraph,
                p.citation,
                p.caption,
                p.text,
                float(score) * weight,
                [w for w in known if w in terms],
            )
        )
    hits.sort(key=lambda h: -h.score)
    return hits[:limit]


def highlight(text: str, words: list[str]) -> str:
    """HTML with the matched words marked (escaped first)."""
    html = escape(text)
    for word in sorted(set(words), key=len, reverse=True):
        if len(word) > 1:
            html = re.sub(re.escape(escape(word)), lambda m: f"<mark>{m.group(0)}</mark>", html)
    return html
