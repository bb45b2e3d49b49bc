from datetime import date

from hogo.benefits.engine import calculate, parse_household

AGE_FOR_BAND = {
    "0-2": 1,
    "3-5": 4,
    "6-11": 8,
    "12-17": 13,
    "18-19": 18,
    "20-40": 35,
    "41-59": 45,
    "60-64": 62,
    "65-69": 66,
    "70-74": 72,
    "75+": 76,
}


def born_aged(age: int, as_of: date, month: int = 6, day: int = 15) -> str:
    """A birth date giving `age` on the first day of as_of's month (birthday mid-June)."""
    first = as_of.replace(day=1)
    year = first.year - age - (1 if (first.month, first.day) < (month, day) else 0)
    return date(year, month, day).isoformat()


# a prefecture in each 冬季加算 region (告示 別表第1 地区の区分), so a test's region and prefecture agree
PREFECTURE_IN_REGION = {"I": "北海道", "II": "新潟県", "III": "長野県", "IV": "石川県", "V": "岐阜県", "VI": "東京都"}


def household(as_of="2026-10-01", grade="1-1", region=None, members=(), **extra):
    """A household in 東京都新宿区 unless told otherwise; with only a prefecture, the engine takes the
    region from it, and with only a region, the prefecture is one in that region."""
    prefecture = extra.pop("prefecture", None)
    if prefecture is None:
        prefecture = PREFECTURE_IN_REGION[region or "VI"]
    data = {
        "as_of": as_of,
        "grade_area": grade,
        "winter_region": region,
        "prefecture": prefecture,
        "municipality": extra.pop("municipality", "新宿区" if prefecture == "東京都" else ""),
        "members": list(members),
    }
    data.update(extra)
    return data


def member(id, age=None, relation="head", as_of="2026-10-01", **extra):
    birth = extra.pop("birth_date", None) or born_aged(age, date.fromisoformat(as_of))
    return {"id": id, "birth_date": birth, "relation": relation, **extra}


def calc(data):
    return calculate(parse_household(data))
