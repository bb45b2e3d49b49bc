"""住宅扶助: actual rent up to the limit for the place, grade and household-size band."""

import pytest

from hogo.benefits.engine import InputError

from .helpers import calc, household, member


def housing(rent, size, grade="1-1", prefecture="東京都", municipality="新宿区"):
    members = [member("h", 40)] + [member(f"m{i}", 10, "child") for i in range(size - 1)]
    return calc(
        household(grade=grade, prefecture=prefecture, municipality=municipality, rent=rent, members=members)
    ).housing


@pytest.mark.parametrize(
    "size,limit", [(1, 53700), (2, 64000), (3, 69800), (5, 69800), (6, 75000), (7, 83800), (9, 83800)]
)
def test_tokyo_grade_1_limits_by_household_size_band(size, limit):
    assert housing(100000, size) == limit


def test_rent_below_the_limit_is_paid_in_full():
    assert housing(41000, 1) == 41000


def test_a_designated_city_has_its_own_limit():
    assert housing(100000, 1, grade="1-1", prefecture="神奈川県", municipality="横浜市") == 52000
    assert housing(100000, 1, grade="1-1", prefecture="神奈川県", municipality="鎌倉市") == 41000


def test_prefecture_grade_groups_use_the_grade_area_group():
    assert housing(100000, 1, grade="2-2", prefecture="東京都", municipality="青梅市") == 45000
    assert housing(100000, 1, grade="3-1", prefecture="東京都", municipality="檜原村") == 40900


def test_a_missing_limit_is_an_input_error_not_a_guess():
    with pytest.raises(InputError) as exc:
        housing(50000, 1, grade="1-1", prefecture="青森県", municipality="三戸町")
    assert exc.value.field == "prefecture"
