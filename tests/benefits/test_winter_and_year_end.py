"""冬季加算, 期末一時扶助 and the 告示's tables for six people and more, worked by hand.

Expected amounts: 生活保護法による保護の基準（昭和38年厚生省告示第158号）別表第1 第1章 as amended by
令和8年厚生労働省告示第245号 (MHLW 法令等データベース dataId=82051000; see the data files' sources).
"""

import pytest

from .helpers import calc, household, member


def winter_line(result):
    return next((x for x in result.lines if x.code == "winter"), None)


def test_region_one_pays_the_three_person_amount_in_january():
    as_of = "2027-01-01"
    members = [
        member("h", 35, as_of=as_of),
        member("s", 33, "spouse", as_of=as_of),
        member("c", 4, "child", as_of=as_of),
    ]
    result = calc(household(as_of=as_of, region="I", members=members))
    assert result.winter_addition == 20620
    line = winter_line(result)
    assert line.verified and "Ⅰ区（10月から4月まで）・3人" in line.working


@pytest.mark.parametrize(
    "region,as_of,expected",
    [
        ("I", "2026-10-01", 12780),  # Ⅰ・Ⅱ区: October to April
        ("II", "2027-04-01", 9030),
        ("III", "2026-10-01", 0),  # Ⅲ・Ⅳ区: November to April
        ("III", "2027-04-01", 7460),
        ("IV", "2026-11-01", 6790),
        ("V", "2027-04-01", 0),  # Ⅴ・Ⅵ区: November to March
        ("V", "2027-03-01", 4630),
        ("VI", "2026-12-01", 2630),
        ("VI", "2027-05-01", 0),
    ],
)
def test_single_person_winter_addition_by_region_and_month(region, as_of, expected):
    result = calc(household(as_of=as_of, region=region, members=[member("p", 70, as_of=as_of)]))
    assert result.winter_addition == expected
    assert (winter_line(result) is None) == (expected == 0)


def test_the_winter_addition_is_the_same_in_every_grade_area():
    amounts = {
        grade: calc(
            household(as_of="2026-12-01", grade=grade, region="I", members=[member("p", 45, as_of="2026-12-01")])
        ).winter_addition
        for grade in ("1-1", "2-1", "3-2")
    }
    assert set(amounts.values()) == {12780}


def test_ten_people_and_more_add_the_per_person_amount_to_the_nine_person_amount():
    as_of = "2026-12-01"
    members = [member("h", 45, as_of=as_of)] + [member(f"c{i}", 10, "child", as_of=as_of) for i in range(11)]
    result = calc(household(as_of=as_of, region="VI", members=members))
    assert result.winter_addition == 5560 + 3 * 180


def test_before_2026_10_the_winter_addition_is_computed_and_marked_unconfirmed():
    result = calc(household(as_of="2025-12-01", region="I", members=[member("p", 70, as_of="2025-12-01")]))
    assert result.winter_addition == 12780
    assert not winter_line(result).verified
    assert any(item.startswith("冬季加算") for item in result.unconfirmed)


def test_the_region_is_taken_from_the_prefecture_when_not_given():
    data = household(as_of="2027-02-01", region="I", members=[member("p", 70, as_of="2027-02-01")])
    data["winter_region"] = None
    assert calc(data).winter_addition == 12780  # 北海道 is Ⅰ区


def test_a_region_that_contradicts_the_prefecture_is_refused():
    from hogo.benefits.engine import InputError

    data = household(
        as_of="2027-02-01", region="VI", prefecture="北海道", members=[member("p", 70, as_of="2027-02-01")]
    )
    with pytest.raises(InputError) as refused:
        calc(data)
    assert refused.value.field == "winter_region" and "北海道はⅠ区" in refused.value.problem


@pytest.mark.parametrize(
    "grade,size,expected",
    [
        ("1-1", 1, 14500),
        ("3-2", 1, 11240),
        ("3-2", 4, 21230),
        ("2-1", 9, 34820),
        ("1-1", 11, 38270 + 2 * 1750),
    ],
)
def test_year_end_allowance_in_december_by_grade_area_and_size(grade, size, expected):
    as_of = "2026-12-01"
    members = [member("h", 45, as_of=as_of)] + [member(f"c{i}", 10, "child", as_of=as_of) for i in range(size - 1)]
    result = calc(household(as_of=as_of, grade=grade, members=members))
    assert result.year_end_allowance == expected
    assert next(x for x in result.lines if x.code == "year_end").verified


def test_no_year_end_allowance_outside_december():
    assert calc(household(as_of="2026-11-01", members=[member("p", 70, as_of="2026-11-01")])).year_end_allowance == 0


def test_six_adults_from_2026_10_use_the_verified_six_person_tables():
    # 第1類 6 × 46,930 = 281,580; × 0.58 = 163,316.4 → 163,316 → 163,320; 第2類 55,650; 特例加算 6 × 2,500;
    # 経過的加算 (6人, 20〜40歳, 1級地-1) 6 × 1,680 = 10,080 → 163,320 + 55,650 + 15,000 + 10,080
    members = [member("h", 35)] + [member(f"o{i}", 30, "other") for i in range(5)]
    result = calc(household(members=members))
    assert result.living_base == 244050
    assert all(x.verified for x in result.lines if x.code in ("class1_scaled", "class2", "transitional"))


def test_eleven_adults_use_the_ten_and_more_columns():
    # 第1類 11 × 46,930 = 516,230; × 0.50 = 258,115 → 258,120; 第2類 64,670 + 2 × 2,760 = 70,190;
    # 特例加算 11 × 2,500 = 27,500; 経過的加算 (10人以上, 20〜40歳, 1級地-1) 11 × 4,790 = 52,690
    members = [member("h", 35)] + [member(f"o{i}", 30, "other") for i in range(10)]
    result = calc(household(members=members))
    assert result.living_base == 258120 + 70190 + 27500 + 52690
