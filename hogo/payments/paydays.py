"""Pay days: the office pays on a fixed day of the month, moved earlier when the banks are closed that day.
Pure Python, no Django."""

import calendar
from datetime import date, timedelta

import jpholiday

# 銀行法施行令第5条: besides Sundays and national holidays, banks close on Saturdays and 12/31 to 1/3.
YEAR_END_HOLIDAYS = {(12, 31), (1, 1), (1, 2), (1, 3)}


def is_bank_business_day(day: date) -> bool:
    """Whether banks are open on `day`: not a Saturday or Sunday, not a national holiday (振替休日 and 国民の休日
    included), not 12/31, 1/1, 1/2 or 1/3."""
    if day.weekday() >= 5:
        return False
    if (day.month, day.day) in YEAR_END_HOLIDAYS:
        return False
    return not jpholiday.is_holiday(day)


def pay_date(month: date, day_of_month: int) -> date:
    """The pay day in the month of `month` (any day of it): `day_of_month` (1-31), or the month's last day when the
    month is shorter, moved EARLIER to the nearest bank business day when banks are closed that day. So January's
    day 1 becomes the last business day of December (12/30, or earlier when that is a weekend)."""
    if isinstance(day_of_month, bool) or not isinstance(day_of_month, int) or not 1 <= day_of_month <= 31:
        raise ValueError(f"支給日は1日から31日までです（{day_of_month!r}）。")
    last = calendar.monthrange(month.year, month.month)[1]
    day = date(month.year, month.month, min(day_of_month, last))
    while not is_bank_business_day(day):
        day -= timedelta(days=1)
    return day
