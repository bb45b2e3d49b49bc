"""When banks are closed on the office's pay day (a weekend, a national holiday, 12/31 to 1/3), the pay day moves
EARLIER to the previous bank business day, never later: households are not paid after the day they expect."""

from datetime import date

import pytest

from hogo.payments.paydays import pay_date


def test_january_the_first_moves_back_into_december():
    assert pay_date(date(2027, 1, 1), 1) == date(2026, 12, 30)  # 1/1 元日 (Fri), 12/31 bank holiday → Wed 12/30


def test_the_year_end_moves_back_over_a_weekend_too():
    assert pay_date(date(2028, 1, 1), 3) == date(2027, 12, 30)  # 1/3 Mon … 12/31 Fri closed → Thu 12/30
    assert pay_date(date(2029, 1, 15), 1) == date(2028, 12, 29)  # 12/30 and 12/31 2028 are a weekend


def test_a_monday_holiday_moves_back_to_the_friday():
    assert pay_date(date(2027, 1, 20), 11) == date(2027, 1, 8)  # 2027-01-11 成人の日


def test_a_sunday_and_a_saturday_move_back_to_the_friday():
    assert pay_date(date(2026, 2, 1), 1) == date(2026, 1, 30)  # Sun 2/1 → Sat 1/31 → Fri 1/30
    assert pay_date(date(2026, 2, 1), 28) == date(2026, 2, 27)  # Sat 2/28


def test_golden_week_moves_back_to_before_it():
    assert pay_date(date(2026, 5, 1), 6) == date(2026, 5, 1)  # 5/6 振替休日, 5/3–5/5 holidays, 5/2 Sat
    assert pay_date(date(2027, 5, 1), 5) == date(2027, 4, 30)  # 5/3–5/5 (Mon–Wed), 5/1–2 weekend


@pytest.mark.parametrize("day", [date(2026, 12, 2), date(2027, 1, 8), date(2026, 6, 5)])
def test_a_business_day_is_kept(day):
    assert pay_date(day, day.day) == day


def test_any_day_of_the_month_names_the_month():
    assert pay_date(date(2027, 1, 31), 11) == pay_date(date(2027, 1, 1), 11)
