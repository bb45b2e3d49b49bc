"""令和8年4月 standards version: 障害者加算 (each 令和3年 amount × 1.024 rounded up to 10 yen), from a
secondary transcription (unverified); the earlier version still holds until 31 March 2026. (未成年者控除
11,900円 of the same list is the amount already in force, so no new version of it.)"""

from datetime import date

import pytest

from hogo.benefits.engine import load_standards

from .helpers import calc, household, member


def disability(as_of, level, grade="1-1"):
    result = calc(household(as_of=as_of, grade=grade, members=[member("p", 50, as_of=as_of, disability=level)]))
    return [a["amount"] for a in result.additions if a["code"] == "disability"], result


@pytest.mark.parametrize(
    ("level", "grade", "before", "after"),
    [
        ("severe", "1-1", 26_810, 27_460),
        ("severe", "2-2", 24_940, 25_540),
        ("severe", "3-1", 23_060, 23_620),
        ("moderate", "1-2", 17_870, 18_300),
        ("moderate", "2-1", 16_620, 17_020),
        ("moderate", "3-2", 15_380, 15_750),
    ],
)
def test_the_disability_addition_changes_on_1_april_2026(level, grade, before, after):
    assert disability("2026-03-01", level, grade)[0] == [before]
    assert disability("2026-04-01", level, grade)[0] == [after]


def test_each_new_amount_is_the_previous_one_times_1_024_rounded_up_to_10_yen():
    standards = load_standards()
    old = standards.in_force("disability_addition", date(2026, 3, 31)).values
    new = standards.in_force("disability_addition", date(2026, 4, 1)).values

    for level in ("severe", "moderate"):
        for group in ("1", "2", "3"):
            assert new[level][group] == -(-old[level][group] * 1024 // 10_000) * 10


def test_the_new_disability_amounts_are_unconfirmed_and_say_so():
    amounts, result = disability("2026-04-01", "severe")

    assert amounts == [27_460]
    assert any(item.startswith("障害者加算: 二次資料の転記による額") for item in result.unconfirmed)
    assert result.standards["disability_addition"] == "2026-04-01"
