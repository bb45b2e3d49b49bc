"""Japanese terms for full-text search of case records: SudachiPy (core dictionary) splits the
text and each content word is indexed by its normalised form, so 「通院した」 and 「通院している」
both index 通院, and a query is matched the same way. Particles, auxiliary verbs, symbols and light
verbs are dropped. A record is indexed with the long units of mode C *and* their short parts
(mode A), so a query for 督促 finds 督促状 and 通帳 finds 預金通帳; a query uses mode C, and every
one of its words must match."""

from functools import lru_cache

import jaconv
from sudachipy import Dictionary, SplitMode

CONTENT = {"名詞", "動詞", "形容詞", "形状詞", "副詞", "代名詞", "接頭辞", "連体詞", "感動詞"}
LIGHT_VERBS = {"為る", "居る", "成る", "有る", "出来る"}  # する, いる … say little alone


@lru_cache(maxsize=1)
def _tokenizer():
    return Dictionary(dict="core").tokenizer(mode=SplitMode.C)


def _content(morpheme) -> str:
    if morpheme.part_of_speech()[0] not in CONTENT:
        return ""
    term = morpheme.normalized_form()
    return "" if term in LIGHT_VERBS or not term.strip() else term.lower()


def _morphemes(text: str):
    text = jaconv.normalize(text or "", "NFKC")
    for start in range(0, len(text), 4000):  # Sudachi refuses very long inputs
        yield from _tokenizer().tokenize(text[start : start + 4000])


def terms(text: str) -> list[str]:
    """A query's words (mode C)."""
    return [term for term in map(_content, _morphemes(text)) if term]


def index_terms(text: str) -> list[str]:
    """A record's words: mode C units and their mode A parts."""
    found = []
    for morpheme in _morphemes(text):
        term = _content(morpheme)
        if not term:
            continue
        found.append(term)
        parts = morpheme.split(SplitMode.A)
        if len(parts) > 1:
            found.extend(t for t in map(_content, parts) if t)
    return found


def index_text(text: str) -> str:
    """The terms of a text, each once, space separated and padded with a space at both ends."""
    return " " + " ".join(dict.fromkeys(index_terms(text))) + " "
