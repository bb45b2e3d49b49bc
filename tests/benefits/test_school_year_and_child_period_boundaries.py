"""Births on 1 and 2 April: the school year a child is in (学校教育法第17条) and the end of the
「児童」 period (18歳に達する日以後の最初の3月31日), with ages reached the day before the birthday
(年齢計算ニ関スル法律)."""

from datetime import date

import pytest

from hogo.benefits.engine.rules import end_of_child_period, school_stage


@pytest.mark.parametrize(
    ("birth", "on", "stage"),
    [
        (date(2018, 4, 1), date(2024, 4, 1), "elementary"),  # 6 reached on 31 March 2024: school from April 2024
        (date(2018, 4, 2), date(2024, 4, 1), "preschool"),  # 6 reached on 1 April 2024: school from April 2025
        (date(2018, 4, 2), date(2025, 4, 1), "elementary"),
        (date(2018, 3, 31), date(2024, 4, 1), "elementary"),
        (date(2018, 4, 2), date(2025, 3, 31), "preschool"),
        (date(2012, 4, 1), date(2024, 4, 1), "junior_high"),
        (date(2012, 4, 2), date(2024, 4, 1), "elementary"),
        (date(2009, 4, 1), date(2024, 4, 1), "high_school"),
        (date(2006, 4, 1), date(2024, 4, 1), "none"),
        (date(2006, 4, 2), date(2024, 4, 1), "high_school"),
    ],
)
def test_a_child_born_on_1_april_goes_with_the_earlier_school_year(birth, on, stage):
    assert school_stage(birth, on) == stage


@pytest.mark.parametrize(
    ("birth", "end"),
    [
        (date(2006, 4, 1), date(2024, 3, 31)),  # reaches 18 on 31 March 2024: that very day ends the period
        (date(2006, 4, 2), date(2025, 3, 31)),  # reaches 18 on 1 April 2024
        (date(2006, 3, 31), date(2024, 3, 31)),
        (date(2006, 12, 24), date(2025, 3, 31)),
        (date(2008, 2, 29), date(2026, 3, 31)),
    ],
)
def test_the_child_period_ends_on_the_first_31_march_from_the_day_18_is_reached(birth, end):
    assert end_of_child_period(birth) == end
