"""Every date on a notice is in 和暦: those the notice prints, and ISO dates typed into a reason or
written into one by the mass recalculation."""

import re

from hogo.common.wareki import wareki_text

from .notice_helpers import approved_start, notice_text

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def test_no_iso_date_anywhere_in_the_notice_text(cast, applying, tmp_path):
    *_, decision = approved_start(
        cast,
        applying,
        reasons="2026-11-29 に申請を受け、2026-12-01 に訪問した。",
        late_reason="2026-12-10 まで資料が届かなかった。",
        retroactive_reason="2026-12-01 にさかのぼる。",
    )
    text = notice_text(decision, tmp_path)
    assert not ISO.search(text), ISO.findall(text)
    assert "令和8年11月29日 に申請を受け、令和8年12月1日 に訪問した。" in text
    assert "令和8年12月10日 まで資料が届かなかった。" in text


def test_iso_dates_in_free_text_become_wareki_and_non_dates_stay():
    assert wareki_text("一斉更正 2019-05-01") == "一斉更正 令和元年5月1日"
    assert wareki_text("番号 2026-13-45") == "番号 2026-13-45"
