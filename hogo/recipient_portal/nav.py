"""The recipient pages' menu: each portal app's pages, in the order a recipient looks for them. Labels carry
furigana for the harder words (<ruby>); an entry whose page is not installed is left out."""

from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

ENTRIES = [
    ("my_home", "ホーム"),
    ("my_notifications", "<ruby>通知<rt>つうち</rt></ruby>"),
    ("my_submissions", "<ruby>申告<rt>しんこく</rt></ruby>・<ruby>届出<rt>とどけで</rt></ruby>"),
    ("my_visits", "<ruby>訪問<rt>ほうもん</rt></ruby>の<ruby>予定<rt>よてい</rt></ruby>"),
    ("my_checkins", "<ruby>近況<rt>きんきょう</rt></ruby>の<ruby>報告<rt>ほうこく</rt></ruby>"),
    ("my_notices", "お<ruby>知<rt>し</rt></ruby>らせ・<ruby>証明書<rt>しょうめいしょ</rt></ruby>"),
    ("my_voice", "ご<ruby>意見<rt>いけん</rt></ruby>・<ruby>案内<rt>あんない</rt></ruby>"),
    ("my_settings", "<ruby>設定<rt>せってい</rt></ruby>"),
]


def menu(current_name: str = "") -> list[dict]:
    out = []
    for name, label in ENTRIES:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        out.append({"url": url, "label": mark_safe(label), "current": name == current_name})  # our own constant markup
    return out


def link(name: str, label: str) -> str:
    return format_html('<a href="{}">{}</a>', reverse(name), label)
