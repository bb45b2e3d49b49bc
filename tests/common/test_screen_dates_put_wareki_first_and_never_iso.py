"""On screens a date is 和暦; where the Western date is shown too it follows in brackets, written
年月日 like the 和暦 — never 2026-11-23 (issue 17 item 2, decision 0025)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from hogo.common.templatetags.hogo import seireki, seireki_wareki, wareki_dt, wareki_text


def test_both_calendars_put_wareki_first_and_the_western_date_in_japanese_form():
    assert seireki_wareki(date(2026, 11, 23)) == "令和8年11月23日（2026年11月23日）"
    assert seireki(date(1964, 9, 1)) == "1964年9月1日"


def test_a_moment_is_its_wareki_day_and_the_time_in_tokyo():
    assert wareki_dt(datetime(2026, 12, 2, 0, 42, tzinfo=ZoneInfo("UTC"))) == "令和8年12月2日 09:42"


def test_stored_text_with_an_iso_date_is_shown_in_wareki():
    assert wareki_text("2026-12-03 決裁の返還金・徴収金の決定") == "令和8年12月3日 決裁の返還金・徴収金の決定"
    assert wareki_text("2026-10-01") == "令和8年10月1日"
    assert wareki_text(None) == ""
