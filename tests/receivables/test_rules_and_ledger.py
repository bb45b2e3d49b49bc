"""法第63条 / 第78条 determinations (date split, deductions, surcharge cap), the ledger's balance
invariant (property-based), instalment plans and 法第78条の2 offsetting limits. Pure functions."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hogo.receivables import rules
from hogo.receivables.rules import Deduction, Entry, Overpayment, RuleError

PENSION_BACK_PAY = [Overpayment(date(2026, m, 1), "living", 35_000) for m in (4, 5, 6)]


def test_a_missed_pension_back_payment_is_all_article_63():
    result = rules.determine(PENSION_BACK_PAY, dishonest_from=None)
    assert (result.principal63, result.principal78, result.surcharge78, result.total) == (105_000, 0, 0, 105_000)


def test_mixed_cases_split_by_the_month_in_which_dishonesty_began():
    result = rules.determine(PENSION_BACK_PAY, dishonest_from=date(2026, 5, 20), surcharge_percent=40)
    assert [x.month.month for x in result.lines63] == [4] and [x.month.month for x in result.lines78] == [5, 6]
    assert (result.principal63, result.principal78, result.surcharge78) == (35_000, 70_000, 28_000)


def test_the_surcharge_rounds_down_to_the_yen():
    result = rules.determine(
        [Overpayment(date(2026, 4, 1), "living", 12_345)], dishonest_from=date(2026, 4, 1), surcharge_percent=40
    )
    assert result.surcharge78 == 4_938  # 4,938.0 exactly; 12,345 × 0.33 would be 4,073.85 → 4,073
    assert (
        rules.determine(
            [Overpayment(date(2026, 4, 1), "living", 12_345)], dishonest_from=date(2026, 4, 1), surcharge_percent=33
        ).surcharge78
        == 4_073
    )


@pytest.mark.parametrize("percent", [-1, 41, 100])
def test_the_surcharge_is_capped_at_forty_percent(percent):
    with pytest.raises(RuleError) as refused:
        rules.determine(PENSION_BACK_PAY, dishonest_from=date(2026, 4, 1), surcharge_percent=percent)
    assert refused.value.field == "surcharge_percent"


def test_no_surcharge_on_article_63():
    with pytest.raises(RuleError, match="法第78条の徴収金にだけ"):
        rules.determine(PENSION_BACK_PAY, dishonest_from=None, surcharge_percent=10)


def test_deductions_apply_to_article_63_only_and_need_a_reason():
    result = rules.determine(
        PENSION_BACK_PAY, dishonest_from=None, deductions=[Deduction(20_000, "就職のための被服費（自立更生）")]
    )
    assert result.principal63 == 85_000
    with pytest.raises(RuleError, match="法第78条の徴収金からは控除できません"):
        rules.determine(PENSION_BACK_PAY, dishonest_from=date(2026, 4, 1), deductions=[Deduction(1, "x")])
    with pytest.raises(RuleError):
        rules.determine(PENSION_BACK_PAY, dishonest_from=None, deductions=[Deduction(1_000, " ")])


credits = st.lists(st.tuples(st.sampled_from([rules.PAYMENT, rules.OFFSET]), st.integers(1, 50_000)), max_size=30)


@given(
    principal=st.integers(1, 2_000_000), surcharge=st.integers(0, 800_000), attempts=credits, write_off=st.booleans()
)
def test_the_balance_is_always_principal_plus_surcharge_minus_payments_and_write_offs(
    principal, surcharge, attempts, write_off
):
    entries = [Entry(rules.PRINCIPAL, principal, date(2026, 4, 1))]
    if surcharge:
        entries.append(Entry(rules.SURCHARGE, surcharge, date(2026, 4, 1)))
    for kind, amount in attempts:
        try:
            rules.check_credit(entries, kind, amount)
        except RuleError:
            continue
        entries.append(Entry(kind, amount, date(2026, 5, 1)))
    if write_off and rules.balance(entries) > 0:
        entries.append(Entry(rules.WRITE_OFF, rules.balance(entries), date(2026, 6, 1)))
    paid = sum(e.amount for e in entries if e.kind in (rules.PAYMENT, rules.OFFSET))
    written = sum(e.amount for e in entries if e.kind == rules.WRITE_OFF)
    assert rules.balance(entries) == principal + surcharge - paid - written
    assert rules.balance(entries) >= 0


def test_a_payment_larger_than_the_balance_is_refused():
    with pytest.raises(RuleError, match="残高（10,000円）を超えています"):
        rules.check_credit([Entry(rules.PRINCIPAL, 10_000, date(2026, 4, 1))], rules.PAYMENT, 10_001)


def test_a_payment_to_a_written_off_receivable_is_refused():
    entries = [Entry(rules.PRINCIPAL, 10_000, date(2026, 4, 1)), Entry(rules.WRITE_OFF, 4_000, date(2026, 5, 1))]
    with pytest.raises(RuleError, match="不納欠損"):
        rules.check_credit(entries, rules.PAYMENT, 1_000)


def test_an_instalment_plan_must_add_up_to_the_balance():
    rules.check_plan([(date(2026, 5, 31), 50_000), (date(2026, 6, 30), 55_000)], 105_000)
    with pytest.raises(RuleError, match="一致しません"):
        rules.check_plan([(date(2026, 5, 31), 50_000), (date(2026, 6, 30), 50_000)], 105_000)
    with pytest.raises(RuleError, match="早い順"):
        rules.check_plan([(date(2026, 6, 30), 50_000), (date(2026, 5, 31), 55_000)], 105_000)


def test_article_78_2_offsetting_needs_a_written_application_and_stays_within_the_monthly_limit():
    rules.check_offset(rules.ART78, 5_000, applied_in_writing=True, monthly_limit=10_000, already_this_month=5_000)
    with pytest.raises(RuleError, match="書面による申出"):
        rules.check_offset(rules.ART78, 5_000, applied_in_writing=False, monthly_limit=10_000, already_this_month=0)
    with pytest.raises(RuleError, match="上限（10,000円）を超えます"):
        rules.check_offset(rules.ART78, 5_001, applied_in_writing=True, monthly_limit=10_000, already_this_month=5_000)
    with pytest.raises(RuleError, match="法第78条の徴収金"):
        rules.check_offset(rules.ART63, 1_000, applied_in_writing=True, monthly_limit=10_000, already_this_month=0)
