"""A pay day past the end of a short month is the month's last day (then moved earlier if banks are closed)."""

from datetime import date

import pytest

from hogo.payments.paydays import pay_date


def test_day_31_in_a_leap_february_is_the_29th():
    assert pay_date(date(2028, 2, 1), 31) == date(2028, 2, 29)  # Tue


def test_day_31_in_february_that_ends_on_a_sunday_is_the_friday_before():
    assert pay_date(date(2027, 2, 1), 31) == date(2027, 2, 26)  # 2/28 Sun


def test_day_31_in_a_thirty_day_month_is_the_30th():
    assert pay_date(date(2026, 4, 1), 31) == date(2026, 4, 30)  # Thu


@pytest.mark.parametrize("day", [0, 32, -1, "25", None])
def test_a_day_outside_1_to_31_is_refused(day):
    with pytest.raises(ValueError):
        pay_date(date(2026, 4, 1), day)
