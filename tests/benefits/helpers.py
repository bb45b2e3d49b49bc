from datetime import date

from hogo.benefits.engine import calculate, parse_household

AGE_FOR_BAND = {"0-2": 1, "3-5": 4, "6-11": 8, "12-17": 13, "18-19": 18, "20-40": 35, "41-59": 45, "60-64": 62,
                "65-69": 66, "70-74": 72, "75+": 76}


def born_aged(age: int, as_of: date, month: int = 6, day: int = 15) -> str:
    """A birth date giving `age` on the first day of as_of's month (birthday mid-June)."""
    first = as_of.replace(day=1)
    year = first.year - age - (1 if (first.month, first.day) < (month, day) else 0)
    return date(year, month, day).isoformat()


def household(as_of="2026-10-01", grade="1-1", region="VI", members=(), **extra):
    data = {"as_of": as_of, "grade_area": grade, "winter_region": region, "prefecture": extra.pop("prefecture", "東京都"),
            "municipality": extra.pop("municipality", "新宿区"), "members": list(members)}
    data.update(extra)
    return data


def member(id, age=None, relation="head", as_of="2026-10-01", **extra):
    birth = extra.pop("birth_date", None) or born_aged(age, date.fromisoformat(as_of))
    return {"id": id, "birth_date": birth, "relation": relation, **extra}


def calc(data):
    return calculate(parse_household(data))
