from datetime import date

import pytest

from hogo.common.wareki import age_on, wareki


@pytest.mark.parametrize(
    "day,text",
    [
        (date(2026, 11, 23), "令和8年11月23日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1912, 7, 29), "明治45年7月29日"),
    ],
)
def test_dates_are_written_in_the_era_of_the_day(day, text):
    assert wareki(day) == text


def test_a_date_before_meiji_has_no_era():
    with pytest.raises(ValueError):
        wareki(date(1850, 1, 1))


@pytest.mark.parametrize(
    "birth,on,age",
    [
        (date(1950, 5, 1), date(2026, 4, 30), 75),
        (date(1950, 5, 1), date(2026, 5, 1), 76),
        (date(2000, 2, 29), date(2026, 2, 28), 25),
        (date(2000, 2, 29), date(2026, 3, 1), 26),
    ],
)
def test_age_counts_completed_years(birth, on, age):
    assert age_on(birth, on) == age
