"""The bank's 振込結果 file (the 総合振込 layout with 振込結果コード in byte 114) is read back into one Result per
data record, with its line number, its account, name, amount, customer code and result code."""

import pytest

from hogo.payments.zengin import RESULT_CODES, Result, ZenginError, build_file, read_results

from .zengin_helpers import OFFICE, PAY_ON, transfer, with_results

SENT = build_file(
    OFFICE,
    PAY_ON,
    [
        transfer(),
        transfer(
            bank="0009",
            branch="456",
            account_type="2",
            account_number="0001234",
            name="ｽｽﾞｷ ﾊﾅｺ",
            amount=1,
            customer_code="1234567890",
        ),
        transfer(account_type="4", name="ｶ)ﾐﾅﾄ", amount=9_999_999_999, customer_code=""),
    ],
)


def test_each_data_record_becomes_a_result_with_its_line_number():
    assert read_results(with_results(SENT, ["0", "1", "4"])) == [
        Result(
            line=2,
            bank="0005",
            branch="123",
            account_type="1",
            account_number="1234567",
            name="ﾔﾏﾀﾞ ﾀﾛｳ",
            amount=85_000,
            customer_code="0000000042",
            result_code="0",
        ),
        Result(
            line=3,
            bank="0009",
            branch="456",
            account_type="2",
            account_number="0001234",
            name="ｽｽﾞｷ ﾊﾅｺ",
            amount=1,
            customer_code="1234567890",
            result_code="1",
        ),
        Result(
            line=4,
            bank="0005",
            branch="123",
            account_type="4",
            account_number="1234567",
            name="ｶ)ﾐﾅﾄ",
            amount=9_999_999_999,
            customer_code="0000000000",
            result_code="4",
        ),
    ]


def test_every_result_code_has_a_japanese_label():
    assert RESULT_CODES == {
        "0": "振込済",
        "1": "取引なし（口座なし）",
        "2": "預金種目相違",
        "3": "口座番号相違",
        "4": "受取人名相違",
        "8": "委託者都合",
        "9": "その他",
    }
    for code in RESULT_CODES:
        assert read_results(with_results(SENT, [code] * 3))[0].result_code == code


def test_the_file_as_sent_has_no_result_code_and_is_refused():
    with pytest.raises(ZenginError) as refused:
        read_results(SENT)
    assert (refused.value.line, refused.value.field) == (2, "振込結果コード")


def test_a_yen_sign_in_a_name_reads_back_as_the_byte_5c():
    data = build_file(OFFICE, PAY_ON, [transfer(name="ｶ)¥ﾔﾏﾀﾞ")])
    assert read_results(with_results(data, ["0"]))[0].name == "ｶ)\\ﾔﾏﾀﾞ"
