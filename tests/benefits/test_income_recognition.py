"""収入認定: the 基礎控除 table edges, the extension above 231,000円, other deductions."""

import pytest

from hogo.benefits.engine import InputError, parse_household

from .helpers import calc, household, member


def recognised(gross, *, second_earner=False, age=40, relation="head", **income):
    members = [member("a", 40), member("b", age, "child" if relation == "child" else "spouse")]
    incomes = [{"member": "b" if second_earner else "a", "kind": "employment", "gross": gross, **income}]
    if second_earner:
        incomes.append({"member": "a", "kind": "employment", "gross": gross + 100000})
    result = calc(household(members=members, incomes=incomes))
    who = "b" if second_earner else "a"
    return result.income_by_member[who]["employment"]


@pytest.mark.parametrize(
    "gross,deduction",
    [
        (15000, 15000),
        (15199, 15199),
        (15200, 15200),
        (18999, 15200),
        (19000, 15600),
        (230999, 36400),
        (231000, 36800),
        (234999, 36800),
        (235000, 37200),
    ],
)
def test_first_earner_basic_deduction_band_edges(gross, deduction):
    assert recognised(gross) == max(0, gross - deduction)


@pytest.mark.parametrize(
    "gross,deduction",
    [
        (15000, 15000),
        (15001, 15000),
        (42999, 15000),
        (43000, 15300),
        (230999, 30940),
        (231000, 31280),
        (235000, 31620),
    ],
)
def test_other_earner_basic_deduction_band_edges(gross, deduction):
    assert recognised(gross, second_earner=True) == max(0, gross - deduction)


def test_expenses_come_off_before_the_deduction_and_the_table_uses_gross():
    assert recognised(120000, tax=1000, social_insurance=15000, commuting=5000) == 120000 - 21000 - 25600


def test_new_job_and_minor_deductions():
    assert recognised(100000, new_job=True) == 100000 - 23600 - 12900
    assert recognised(100000, second_earner=True, age=18, relation="child") == 100000 - 20060 - 11900


def test_pensions_allowances_support_in_full_and_temporary_income_above_8000():
    members = [member("a", 70)]
    incomes = [
        {"member": "a", "kind": "pension", "gross": 65000},
        {"member": "a", "kind": "support", "gross": 10000},
        {"member": "a", "kind": "temporary", "gross": 12000},
    ]
    result = calc(household(members=members, incomes=incomes))
    assert result.income_by_member["a"] == {"pension": 65000, "support": 10000, "temporary": 4000}
    assert result.recognized_income == 79000


def test_need_and_benefit_by_assistance():
    members = [member("a", 66)]
    result = calc(household(members=members, rent=50000, incomes=[{"member": "a", "kind": "pension", "gross": 80000}]))
    assert result.minimum_cost_of_living == 76880 + 50000
    assert result.need is True
    assert result.benefit_by_assistance["living"] == 0 and result.benefit_by_assistance["housing"] == 46880
    assert result.benefit == 46880
    rich = calc(household(members=members, rent=50000, incomes=[{"member": "a", "kind": "pension", "gross": 200000}]))
    assert rich.need is False and rich.benefit == 0


def test_other_actual_expenses_of_the_work_are_deducted_and_shown_in_the_working():
    result = calc(
        household(
            members=[member("a", 40)],
            incomes=[{"member": "a", "kind": "employment", "gross": 100000, "commuting": 5000, "expenses": 3000}],
        )
    )
    assert result.income_by_member["a"]["employment"] == 100000 - 5000 - 3000 - 23600
    line = next(line for line in result.lines if line.code == "income_employment")
    assert "その他の必要経費 3,000" in line.working


def test_negative_expenses_are_refused_naming_the_field():
    data = household(members=[member("a", 40)], incomes=[{"member": "a", "kind": "employment", "expenses": -1}])
    with pytest.raises(InputError) as refused:
        parse_household(data)
    assert refused.value.field == "incomes[0].expenses"
