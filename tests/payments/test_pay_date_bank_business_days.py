"""Banks are open on weekdays except national holidays (振替休日 included) and 12/31 to 1/3 (銀行法施行令第5条)."""

from datetime import date

import pytest

from hogo.payments.paydays import is_bank_business_day


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 12, 30),  # Wed
        date(2027, 1, 4),  # Mon, the first business day of 2027
        date(2027, 1, 8),  # Fri
        date(2026, 5, 1),  # Fri in Golden Week
    ],
)
def test_weekdays_that_are_no_holiday_are_business_days(day):
    assert is_bank_business_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 12, 31),  # Thu, bank holiday
        date(2027, 1, 1),  # 元日
        date(2028, 1, 3),  # Mon, bank holiday
        date(2027, 1, 2),  # Sat
        date(2027, 1, 11),  # 成人の日
        date(2026, 5, 6),  # 振替休日
        date(2026, 2, 1),  # Sun
        date(2026, 2, 28),  # Sat
    ],
)
def test_weekends_holidays_and_the_year_end_are_not(day):
    assert not is_bank_business_day(day)
