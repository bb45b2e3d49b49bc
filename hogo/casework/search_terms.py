"""Japanese terms for full-text search of case records: SudachiPy (mode C, core dictionary)
splits the text and each content word is indexed by its normalised form, so 「通院した」 and
「通院している」 both index 通院 and する, and a query is matched the same way. Particles,
auxiliary verbs and symbols are dropped."""
from functools import lru_cache

import jaconv

CONTENT = {"名詞", "動詞", "形容詞", "形状詞", "副詞", "代名詞", "接頭辞", "連体詞", "感動詞"}
LIGHT_VERBS = {"為る", "居る", "成る", "有る", "出来る"}  # する, いる … say little alone


@lru_cache(maxsize=1)
def _tokenizer():
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="core").tokenizer(mode=SplitMode.C, fields={"pos", "normalized_form"})


def terms(text: str) -> list[str]:
    text = jaconv.normalize(text or "", "NFKC")
    found = []
    for start in range(0, len(text), 4000):  # Sudachi refuses very long inputs
        for m in _tokenizer().tokenize(text[start:start + 4000]):
            if m.part_of_speech()[0] not in CONTENT:
                continue
            term = m.normalized_form()
            if term in LIGHT_VERBS or not term.strip():
                continue
            found.append(term.lower())
    return found


def index_text(text: str) -> str:
    """The terms of a text, each once, space separated and padded with a space at both ends (so a
    term is matched whole with `LIKE '% term %'`)."""
    return " " + " ".join(dict.fromkeys(terms(text))) + " "
