"""What the recipient pays and what 介護扶助 pays (issue 20, decision 0031).

- 本人支払額 (医療券): when the household's recognised income exceeds its minimum cost of living without
  medical care, the excess is paid by the household towards the medical cost (the 本人支払額 of 医療扶助 in the
  実施要領's 医療扶助 chapter — the text itself not confirmed here, decision 0031; the excess is 収入充当額 −
  最低生活費, both as the engine computes them for the month).
- 介護扶助 of a service: the 1割 the care insurance does not pay — the insurer pays 9割 of the cost
  (介護保険法第41条第4項等), rounded down to the yen; 介護扶助 pays the rest (生活保護法第15条の2).
"""

from datetime import date

from hogo.benefits.engine import InputError, calculate, load_standards, parse_household
from hogo.decisions.facts import engine_input_from, load_rows

INSURED_SHARE = (9, 10)
SELF_PAY_RULE = "本人支払額 = 収入充当額が最低生活費を超える額（実施要領 医療扶助の本人支払額、原文未確認）"


def care_share(cost: int) -> int:
    """介護扶助's part of a month's cost of a provider's services: the cost less the insurer's 9割 (floor)."""
    insured = cost * INSURED_SHARE[0] // INSURED_SHARE[1]
    return cost - insured


def excess_of(minimum_cost_of_living: int, recognized_income: int) -> int:
    return max(0, recognized_income - minimum_cost_of_living)


def self_pays(households: dict, month: date) -> dict[int, tuple[int, str]]:
    """Per household id: (本人支払額, its basis in words) for the month, from the engine (three queries)."""
    ids = list(households)
    rows, members, incomes = load_rows(ids)
    standards = load_standards()
    out = {}
    for household_id in ids:
        facts = engine_input_from(rows[household_id], members.get(household_id, []), incomes, month)
        try:
            calc = calculate(parse_household(facts), standards)
        except (InputError, ValueError) as exc:
            out[household_id] = (0, f"計算できないため0円（{str(exc)[:100]}）")
            continue
        excess = excess_of(calc.minimum_cost_of_living, calc.recognized_income)
        basis = (
            f"{SELF_PAY_RULE}: 収入充当額 {calc.recognized_income:,}円 − 最低生活費 {calc.minimum_cost_of_living:,}円"
            if excess
            else "収入充当額が最低生活費以下のため0円"
        )
        out[household_id] = (excess, basis)
    return out
