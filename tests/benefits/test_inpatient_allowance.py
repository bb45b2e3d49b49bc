"""入院患者日用品費: a member marked hospitalised lives on 入院患者日用品費 (23,110円, unconfirmed); the
居宅 standard (第1類・第2類・逓減率・加算) is computed for the members at home only; the rent still counts."""

import pytest

from hogo.benefits.engine import InputError

from .helpers import calc, household, member


def lines(result, code):
    return [line for line in result.lines if line.code == code]


def test_a_single_person_in_hospital_gets_only_the_inpatient_allowance_and_the_housing():
    result = calc(household(members=[member("a", 76, hospitalised=True)], rent=40_000))

    assert [line.amount for line in lines(result, "inpatient_allowance")] == [23_110]
    assert result.living_base == 0 and result.winter_addition == 0
    assert result.living_total == 23_110
    assert result.housing == 40_000
    assert any("入院患者日用品費" in item for item in result.unconfirmed)


def test_in_a_couple_the_one_at_home_is_computed_as_a_household_of_one():
    alone = calc(household(members=[member("a", 76)]))
    couple = calc(household(members=[member("a", 76), member("b", 74, relation="spouse", hospitalised=True)]))

    assert couple.living_base == alone.living_base
    assert couple.living_total == alone.living_total + 23_110
    assert [line.member for line in lines(couple, "inpatient_allowance")] == ["b"]


def test_the_care_premium_of_a_member_in_hospital_is_still_added():
    result = calc(household(members=[member("a", 76, hospitalised=True, care_insurance_premium=2_500)]))

    assert result.living_total == 23_110 + 2_500


def test_hospitalised_must_be_true_or_false():
    with pytest.raises(InputError) as caught:
        calc(household(members=[member("a", 76, hospitalised="yes")]))
    assert caught.value.field == "members[0].hospitalised"
