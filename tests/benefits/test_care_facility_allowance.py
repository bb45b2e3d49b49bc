"""介護施設入所者基本生活費: a member living in a 介護施設 is counted with the monthly amount the office
recognised (`care_facility_allowance`; the 告示's amount is not in the data, so it is always listed as
unconfirmed) and, like an inpatient, is left out of the 居宅 standard (第1類・第2類・逓減率・冬季加算・
期末一時扶助・加算); the 介護保険料加算 still counts."""

from datetime import date

import pytest

from hogo.benefits.engine import InputError, load_standards

from .helpers import calc, household, member


def lines(result, code):
    return [line for line in result.lines if line.code == code]


def test_a_single_person_in_a_facility_gets_only_the_recognised_amount():
    result = calc(household(members=[member("a", 85, care_facility_allowance=65_430)]))

    assert [(line.member, line.label, line.amount) for line in lines(result, "care_facility_allowance")] == [
        ("a", "介護施設入所者基本生活費", 65_430)
    ]
    assert result.living_base == 0 and result.winter_addition == 0 and result.year_end_allowance == 0
    assert result.additions == [{"code": "care_facility_allowance", "member": "a", "amount": 65_430}]
    assert result.living_total == 65_430
    assert result.benefit_by_assistance["living"] == 65_430


def test_the_amount_is_always_listed_as_unconfirmed_with_the_note_of_the_standards_file():
    result = calc(household(members=[member("a", 85, care_facility_allowance=65_430)]))

    assert [line.verified for line in lines(result, "care_facility_allowance")] == [False]
    assert any(
        item.startswith("介護施設入所者基本生活費: 告示の額はここでは確認できていない") for item in result.unconfirmed
    )
    record = result.as_record()
    assert "care_facility_allowance@2023-10-01" in record["sources"]


def test_in_a_couple_the_one_at_home_is_computed_as_a_household_of_one():
    alone = calc(household(members=[member("a", 76)]))
    couple = calc(
        household(members=[member("a", 76), member("b", 80, relation="spouse", care_facility_allowance=60_000)])
    )

    assert couple.living_base == alone.living_base
    assert couple.living_total == alone.living_total + 60_000


def test_a_member_in_a_facility_has_no_disability_addition_and_no_winter_addition():
    as_of = "2026-12-01"
    result = calc(
        household(
            as_of=as_of,
            region="I",
            members=[
                member("a", 76, as_of=as_of),
                member("b", 80, relation="spouse", as_of=as_of, disability="severe", care_facility_allowance=60_000),
            ],
        )
    )

    assert lines(result, "disability") == []
    assert result.winter_addition == 12_780  # Ⅰ区 1人 (the member at home only)
    assert (
        result.year_end_allowance
        == calc(household(as_of=as_of, region="I", members=[member("a", 76, as_of=as_of)])).year_end_allowance
    )


def test_the_care_premium_of_a_member_in_a_facility_is_still_added():
    result = calc(household(members=[member("a", 85, care_facility_allowance=65_430, care_insurance_premium=3_200)]))

    assert result.living_total == 65_430 + 3_200
    assert [(line.member, line.amount) for line in lines(result, "care_premium")] == [("a", 3_200)]


def test_a_recognised_amount_of_zero_still_takes_the_member_out_of_the_home_standard():
    result = calc(household(members=[member("a", 85, care_facility_allowance=0)]))

    assert result.living_base == 0 and result.living_total == 0


def test_absent_or_null_means_not_in_a_facility():
    absent = calc(household(members=[member("a", 76)]))
    null = calc(household(members=[member("a", 76, care_facility_allowance=None)]))

    assert lines(absent, "care_facility_allowance") == [] and null.living_total == absent.living_total


@pytest.mark.parametrize("bad", [-1, "65430", 65_430.0, True])
def test_the_amount_must_be_whole_yen_and_not_negative(bad):
    with pytest.raises(InputError) as caught:
        calc(household(members=[member("a", 76), member("b", 80, relation="spouse", care_facility_allowance=bad)]))
    assert caught.value.field == "members[1].care_facility_allowance"


def test_a_member_cannot_be_both_in_hospital_and_in_a_facility():
    with pytest.raises(InputError) as caught:
        calc(household(members=[member("a", 80, hospitalised=True, care_facility_allowance=60_000)]))
    assert caught.value.field == "members[0].care_facility_allowance"


def test_the_standards_file_holds_no_amount():
    version = load_standards().in_force("care_facility_allowance", date(2026, 10, 1))

    assert version.values == {} and version.verified is False
    assert version.source["document"] == "生活保護法による保護の基準 別表第1 第2章 3 介護施設入所者基本生活費"
