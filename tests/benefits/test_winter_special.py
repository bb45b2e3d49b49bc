"""冬季加算の特別基準 (`winter_special`): in a month that pays 冬季加算, the amount is the normal one × 1.3
with the part below 10 yen rounded up; both the factor and the rounding are unconfirmed (a secondary
source only), so using it lists them. Outside the winter months nothing changes."""

import pytest

from hogo.benefits.engine import InputError

from .helpers import calc, household, member


def winter(as_of, region, n, special):
    members = [member(f"m{i}", 40, relation="head" if i == 0 else "other", as_of=as_of) for i in range(n)]
    return calc(household(as_of=as_of, region=region, members=members, winter_special=special))


@pytest.mark.parametrize(
    ("region", "n", "normal", "special"),
    [
        ("I", 1, 12_780, 16_620),  # 16,614 → 16,620
        ("I", 3, 20_620, 26_810),  # 26,806 → 26,810
        ("VI", 1, 2_630, 3_420),  # 3,419 → 3,420
        ("VI", 3, 4_240, 5_520),  # 5,512 → 5,520
        ("II", 2, 12_820, 16_670),  # 16,666 → 16,670
        ("I", 11, 27_010 + 2 * 830, 37_280),  # 28,670 × 1.3 = 37,271 → 37,280
    ],
)
def test_the_special_standard_is_the_normal_amount_times_1_3_rounded_up_to_10_yen(region, n, normal, special):
    assert winter("2026-12-01", region, n, False).winter_addition == normal
    assert winter("2026-12-01", region, n, True).winter_addition == special


def test_a_product_already_in_tens_of_yen_is_not_rounded_further():
    # Ⅲ区 4人 13,000 × 1.3 = 16,900 exactly; Ⅴ区 4人 8,070 × 1.3 = 10,491 → 10,500
    assert winter("2026-12-01", "III", 4, True).winter_addition == 16_900
    assert winter("2026-12-01", "V", 4, True).winter_addition == 10_500


def test_the_line_says_special_standard_and_the_rule_is_listed_as_unconfirmed():
    result = winter("2026-12-01", "I", 1, True)

    [line] = [line for line in result.lines if line.code == "winter"]
    assert line.amount == 16_620 and not line.verified
    assert "特別基準 ×1.3" in line.working and "12,780 × 1.3" in line.working
    assert any(item.startswith("冬季加算 特別基準（×1.3）:") for item in result.unconfirmed)
    assert "winter_special@2023-10-01" in result.as_record()["sources"]


def test_the_living_total_carries_the_special_amount():
    normal, special = winter("2026-12-01", "VI", 1, False), winter("2026-12-01", "VI", 1, True)

    assert special.living_total - normal.living_total == 3_420 - 2_630


def test_without_the_flag_the_rule_is_not_listed():
    result = winter("2026-12-01", "I", 1, False)

    assert not any("特別基準" in item for item in result.unconfirmed)
    assert [line.verified for line in result.lines if line.code == "winter"] == [True]


def test_outside_the_winter_months_the_flag_changes_nothing():
    normal, special = winter("2026-06-01", "I", 1, False), winter("2026-06-01", "I", 1, True)

    assert special.winter_addition == 0 and special.living_total == normal.living_total
    assert not any("特別基準" in item for item in special.unconfirmed)


def test_in_region_vi_october_is_not_a_winter_month_even_with_the_flag():
    assert winter("2026-10-01", "VI", 1, True).winter_addition == 0
    assert winter("2026-10-01", "I", 1, True).winter_addition == 16_620


def test_winter_special_must_be_true_or_false():
    with pytest.raises(InputError) as caught:
        calc(household(members=[member("a", 40)], winter_special="yes"))
    assert caught.value.field == "winter_special"
