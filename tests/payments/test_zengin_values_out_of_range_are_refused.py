"""Amounts, account numbers and codes the 全銀 file cannot carry are refused, naming the field; short codes are
zero-padded where the layout allows it."""

from dataclasses import replace

import pytest

from hogo.payments.zengin import ZenginError, build_file

from .zengin_helpers import OFFICE, PAY_ON, records, transfer


def refusal(**changes) -> ZenginError:
    with pytest.raises(ZenginError) as refused:
        build_file(OFFICE, PAY_ON, [transfer(**changes)])
    return refused.value


@pytest.mark.parametrize("amount", [0, -1, 10_000_000_000, 1.5, "1000", True, None])
def test_an_amount_that_is_not_a_whole_yen_from_1_to_9999999999_is_refused(amount):
    error = refusal(amount=amount)
    assert error.field == "振込金額"
    assert error.line == 2


@pytest.mark.parametrize("number", ["123456", "12345678", "12345a7", ""])
def test_an_account_number_that_is_not_seven_digits_is_refused(number):
    assert refusal(account_number=number).field == "口座番号"


def test_a_full_width_account_number_is_read_as_digits():
    data = build_file(OFFICE, PAY_ON, [transfer(account_number="１２３４５６７")])
    assert records(data)[1][43:50] == b"1234567"


@pytest.mark.parametrize(
    ("field", "changes"), [("被仕向銀行番号", {"bank": "5"}), ("被仕向支店番号", {"branch": "12"})]
)
def test_bank_and_branch_codes_must_have_all_their_digits(field, changes):
    assert refusal(**changes).field == field


@pytest.mark.parametrize("kind", ["3", "9", "", "普通"])
def test_an_account_type_other_than_ordinary_current_or_savings_is_refused(kind):
    assert refusal(account_type=kind).field == "預金種目"


def test_a_customer_code_of_more_than_ten_digits_or_not_digits_is_refused():
    assert refusal(customer_code="12345678901").field == "顧客コード1"
    assert refusal(customer_code="A1").field == "顧客コード1"


def test_a_short_customer_code_and_originator_code_are_zero_padded():
    data = records(build_file(replace(OFFICE, code="99"), PAY_ON, [transfer(customer_code="7")]))
    assert data[0][4:14] == b"0000000099"
    assert data[1][91:101] == b"0000000007"


def test_an_originator_account_number_that_is_not_seven_digits_is_refused():
    with pytest.raises(ZenginError) as refused:
        build_file(replace(OFFICE, account_number="12"), PAY_ON, [transfer()])
    assert refused.value.line == 1
    assert refused.value.field == "口座番号（依頼人）"
