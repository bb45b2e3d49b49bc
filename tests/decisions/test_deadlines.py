"""The 14-day (up to 30-day) decision deadline of 生活保護法第24条第5項."""

from datetime import date

import pytest

from hogo.decisions.deadlines import decision_deadline, deemed_rejection_date, urgency


@pytest.mark.parametrize(
    "received,deadline",
    [
        (date(2026, 4, 1), date(2026, 4, 15)),  # the first day is not counted (民法第140条)
        (date(2026, 1, 31), date(2026, 2, 14)),  # across a month end
        (date(2026, 12, 25), date(2027, 1, 8)),  # across a year end
        (date(2028, 2, 15), date(2028, 2, 29)),  # into a leap day
        (date(2027, 2, 15), date(2027, 3, 1)),  # no leap day in 2027
        (date(2026, 5, 2), date(2026, 5, 16)),  # holidays do not move the deadline
    ],
)
def test_fourteen_days_from_the_day_after_receipt(received, deadline):
    assert decision_deadline(received) == deadline


@pytest.mark.parametrize(
    "received,days,deadline",
    [
        (date(2026, 12, 20), 30, date(2027, 1, 19)),
        (date(2028, 2, 1), 30, date(2028, 3, 2)),
        (date(2026, 4, 1), 21, date(2026, 4, 22)),
    ],
)
def test_extension_up_to_thirty_days(received, days, deadline):
    assert decision_deadline(received, days) == deadline


@pytest.mark.parametrize("days", [13, 31, 60])
def test_extension_outside_fourteen_to_thirty_days_is_refused(days):
    with pytest.raises(ValueError):
        decision_deadline(date(2026, 4, 1), days)


def test_deemed_rejection_after_thirty_days():
    assert deemed_rejection_date(date(2026, 1, 31)) == date(2026, 3, 2)


@pytest.mark.parametrize(
    "today,expected",
    [
        (date(2026, 4, 10), "ok"),
        (date(2026, 4, 12), "near"),
        (date(2026, 4, 15), "today"),
        (date(2026, 4, 16), "overdue"),
    ],
)
def test_urgency_colours(today, expected):
    assert urgency(date(2026, 4, 15), today) == expected
