"""Small named rules: ages, school stages, rounding. Pure functions."""

from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

AGE_BANDS = (
    (0, 2, "0-2"),
    (3, 5, "3-5"),
    (6, 11, "6-11"),
    (12, 17, "12-17"),
    (18, 19, "18-19"),
    (20, 40, "20-40"),
    (41, 59, "41-59"),
    (60, 64, "60-64"),
    (65, 69, "65-69"),
    (70, 74, "70-74"),
    (75, 200, "75+"),
)
GRADE_GROUP = {"1-1": "1", "1-2": "1", "2-1": "2", "2-2": "2", "3-1": "3", "3-2": "3"}


def legal_age(birth: date, on: date) -> int:
    """Age under 年齢計算ニ関スル法律 and 民法第143条: a year is completed at the end of the day
    before the birthday, so on the birthday's eve the new age already holds."""
    day = on + timedelta(days=1)
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


_BAND_BY_AGE = tuple(next(key for low, high, key in AGE_BANDS if low <= age <= high) for age in range(0, 151))


def age_band(age: int) -> str:
    return _BAND_BY_AGE[age] if age < 151 else "75+"


@lru_cache(maxsize=65536)
def end_of_child_period(birth: date) -> date:
    """児童養育加算・母子加算の「児童」: 「18歳に達する日以後の最初の3月31日」. A person reaches 18 at
    the end of the day before the 18th birthday (年齢計算ニ関スル法律, 民法第143条), so someone born
    on 1 April is a child until the 31 March that same day is (the day they reach 18)."""
    eighteenth = date(birth.year + 18, birth.month, 28 if (birth.month, birth.day) == (2, 29) else birth.day)
    reached = eighteenth - timedelta(days=1)
    year = reached.year if reached <= date(reached.year, 3, 31) else reached.year + 1
    return date(year, 3, 31)


def school_stage(birth: date, on: date) -> str:
    """The school stage by Japanese school year (4月1日 start). 学校教育法第17条: school starts at
    「満6歳に達した日の翌日以後における最初の学年の初め」; a child reaches 6 at the end of the day
    before the 6th birthday (年齢計算ニ関スル法律), so the day after is the birthday itself and a
    child is in a school year exactly when their birthday-counted age on 1 April — their legal age
    on 31 March — has reached the stage's age: born 1 April goes with the earlier year, born 2 April
    with the later one."""
    school_year = on.year if on.month >= 4 else on.year - 1
    age_on_april_first = legal_age(birth, date(school_year, 3, 31))
    if age_on_april_first < 6:
        return "preschool"
    if age_on_april_first < 12:
        return "elementary"
    if age_on_april_first < 15:
        return "junior_high"
    if age_on_april_first < 18:
        return "high_school"
    return "none"


@lru_cache(maxsize=64)
def rate_fraction(text: str) -> tuple[int, int]:
    """A decimal rate written as text ("0.8700") as an exact fraction of integers."""
    sign, digits, exponent = Decimal(text).as_tuple()
    numerator = int("".join(map(str, digits)))
    return (-numerator if sign else numerator), 10**-exponent if exponent < 0 else 1


def class1_scaled(total: int, rate: tuple[int, int]) -> int:
    """第1類の合計×逓減率: drop the part below 1 yen, then round up to 10 yen
    (the rounding rule of the ministry's 算出方法 (令和8年4月); reproduces the 資料4 model households).
    Exact integer arithmetic: no float, no rounding of the product before the rule applies."""
    numerator, denominator = rate
    yen = total * numerator // denominator
    return -(-yen // 10) * 10


def winter_special_scaled(normal: int, factor: tuple[int, int], round_to: int) -> int:
    """冬季加算の特別基準: the normal 冬季加算 × the factor (1.3, 局長通知 第7-2-(1)-オ as a secondary
    source gives it), the part below `round_to` yen (10) rounded up — a rounding not confirmed in the
    通知 (winter_special.json). Exact integer arithmetic."""
    numerator, denominator = factor
    return -(-normal * numerator // (denominator * round_to)) * round_to


def prorate(monthly: int, days: int, days_in_month: int) -> int:
    """日割: monthly × days ÷ days in the month, the part below 1 yen rounded up (integer arithmetic)."""
    return -(-monthly * days // days_in_month)
