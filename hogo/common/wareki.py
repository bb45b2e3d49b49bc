"""和暦 (Japanese era) dates for forms. Pure functions, no Django import.

Era start dates are those of the era-name proclamations: 大正 1912-07-30, 昭和 1926-12-25,
平成 1989-01-08 (元号を改める政令 昭和64年政令第1号), 令和 2019-05-01 (平成31年政令第143号).
明治 is counted from 1868-01-25 (明治元年1月1日 in the Gregorian calendar) so that every
date from then on has an era; the first year of an era is written 元年.
"""

import re
from datetime import date

ERAS = (
    ("令和", date(2019, 5, 1)),
    ("平成", date(1989, 1, 8)),
    ("昭和", date(1926, 12, 25)),
    ("大正", date(1912, 7, 30)),
    ("明治", date(1868, 1, 25)),
)


def era_of(day: date) -> tuple[str, int]:
    """The era name and the year within it."""
    for name, start in ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    raise ValueError(f"{day.isoformat()} is before 明治 and has no era year")


def wareki(day: date) -> str:
    """令和8年11月23日 — with 元年 for an era's first year."""
    name, year = era_of(day)
    year_text = "元" if year == 1 else str(year)
    return f"{name}{year_text}年{day.month}月{day.day}日"


def seireki(day: date) -> str:
    """2026年11月23日 — the Western date written the Japanese way, for where the office shows both."""
    return f"{day.year}年{day.month}月{day.day}日"


ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def wareki_text(text: str) -> str:
    """Free text with every ISO date (2026-12-01) written in 和暦 (令和8年12月1日), for documents a
    recipient reads; a string that only looks like a date (2026-13-45) is left as it is."""

    def to_wareki(match: re.Match) -> str:
        try:
            return wareki(date(*map(int, match.groups())))
        except ValueError:
            return match.group(0)

    return ISO_DATE.sub(to_wareki, text or "")


def wareki_month(day: date) -> str:
    """令和8年11月 — the month, for ledgers."""
    name, year = era_of(day)
    return f"{name}{'元' if year == 1 else year}年{day.month}月"


def wareki_year(day: date) -> str:
    """令和8年 — the year of the era the day falls in."""
    name, year = era_of(day)
    return f"{name}{'元' if year == 1 else year}年"


def age_on(birth_date: date, on: date) -> int:
    """Completed years of age on a day (満年齢), counted from the birthday."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years
