"""Normalising Japanese names for validation and search. Pure functions, no Django import.

Search must not care about 全角/半角 or hiragana/katakana: both the stored key and the
query go through `search_key`.
"""

import re
import unicodedata

import jaconv

_SPACES = re.compile(r"[\s\u3000]+")
# Full-width katakana, the long-vowel mark, the middle dot and single spaces between words.
_KATAKANA_NAME = re.compile(r"^[\u30A1-\u30FA\u30FC\u30FB]+( [\u30A1-\u30FA\u30FC\u30FB]+)*$")


def to_katakana(text: str) -> str:
    """ひらがな / ﾊﾝｶｸ / 全角カタカナ → 全角カタカナ, spaces folded to one half-width space."""
    text = jaconv.h2z(text, kana=True, ascii=False, digit=False)
    text = jaconv.hira2kata(text)
    return _SPACES.sub(" ", text).strip()


def normalize_kana_name(text: str) -> str:
    """A name reading in canonical form, or ValueError naming what is wrong."""
    kana = to_katakana(text)
    if not kana:
        raise ValueError("ふりがなを入力してください。")
    if not _KATAKANA_NAME.match(kana):
        raise ValueError("ふりがなはひらがな又はカタカナで入力してください（漢字・英数字・記号は使えません）。")
    return kana


def normalize_text(text: str) -> str:
    """Kanji names and other text: NFKC (全角英数→半角, 半角カナ→全角) and folded spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def search_key(text: str) -> str:
    """The form both stored names and queries take for matching: NFKC, katakana, no spaces."""
    return _SPACES.sub("", jaconv.hira2kata(unicodedata.normalize("NFKC", text)))
