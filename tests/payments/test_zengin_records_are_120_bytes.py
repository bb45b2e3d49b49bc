"""Every record of the 総合振込 file is 120 bytes of JIS X 0201 followed by CRLF, and each field sits at the width
and place the 全銀協 layout gives it (docs/payments/zengin.md)."""

from hogo.payments.zengin import build_file

from .zengin_helpers import OFFICE, PAY_ON, records, transfer

HEADER = [
    ("データ区分", 1),
    ("種別コード", 2),
    ("コード区分", 1),
    ("振込依頼人コード", 10),
    ("振込依頼人名", 40),
    ("振込指定日", 4),
    ("仕向銀行番号", 4),
    ("仕向銀行名", 15),
    ("仕向支店番号", 3),
    ("仕向支店名", 15),
    ("預金種目", 1),
    ("口座番号", 7),
    ("ダミー", 17),
]
DATA = [
    ("データ区分", 1),
    ("被仕向銀行番号", 4),
    ("被仕向銀行名", 15),
    ("被仕向支店番号", 3),
    ("被仕向支店名", 15),
    ("手形交換所番号", 4),
    ("預金種目", 1),
    ("口座番号", 7),
    ("受取人名", 30),
    ("振込金額", 10),
    ("新規コード", 1),
    ("顧客コード1", 10),
    ("顧客コード2", 10),
    ("振込指定区分", 1),
    ("識別表示", 1),
    ("ダミー", 7),
]
TRAILER = [("データ区分", 1), ("合計件数", 6), ("合計金額", 12), ("ダミー", 101)]
END = [("データ区分", 1), ("ダミー", 119)]


def fields(record: bytes, layout) -> dict[str, str]:
    out, at = {}, 0
    for name, width in layout:
        out[name] = record[at : at + width].decode("cp932")
        at += width
    return out


def test_the_field_widths_of_each_record_kind_add_up_to_120():
    for layout in (HEADER, DATA, TRAILER, END):
        assert sum(width for _, width in layout) == 120


def test_every_record_is_120_bytes_and_ends_with_crlf():
    data = build_file(OFFICE, PAY_ON, [transfer(), transfer(name="ｽｽﾞｷ ﾊﾅｺ", amount=1), transfer(amount=9_999_999_999)])
    assert data.count(b"\r\n") == 6
    assert [len(r) for r in records(data)] == [120] * 6
    assert [r[:1] for r in records(data)] == [b"1", b"2", b"2", b"2", b"8", b"9"]


def test_the_header_carries_the_office_and_the_pay_day():
    header = fields(records(build_file(OFFICE, PAY_ON, [transfer()]))[0], HEADER)
    assert header == {
        "データ区分": "1",
        "種別コード": "21",
        "コード区分": "0",
        "振込依頼人コード": "0001234567",
        "振込依頼人名": "ﾐﾅﾄｼﾌｸｼｼﾞﾑｼﾖ".ljust(40),
        "振込指定日": "0105",
        "仕向銀行番号": "0001",
        "仕向銀行名": "ﾐｽﾞﾎ".ljust(15),
        "仕向支店番号": "001",
        "仕向支店名": "ﾄｳｷﾖｳ".ljust(15),
        "預金種目": "1",
        "口座番号": "7654321",
        "ダミー": " " * 17,
    }


def test_a_data_record_carries_the_account_the_name_the_amount_and_the_customer_code():
    data = fields(records(build_file(OFFICE, PAY_ON, [transfer(account_type="4")]))[1], DATA)
    assert data == {
        "データ区分": "2",
        "被仕向銀行番号": "0005",
        "被仕向銀行名": "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ".ljust(15),
        "被仕向支店番号": "123",
        "被仕向支店名": "ﾐﾅﾄ".ljust(15),
        "手形交換所番号": "    ",
        "預金種目": "4",
        "口座番号": "1234567",
        "受取人名": "ﾔﾏﾀﾞ ﾀﾛｳ".ljust(30),
        "振込金額": "0000085000",
        "新規コード": "0",
        "顧客コード1": "0000000042",
        "顧客コード2": "0000000000",
        "振込指定区分": "7",
        "識別表示": " ",
        "ダミー": " " * 7,
    }


def test_the_trailer_and_the_end_record_are_padded_with_spaces():
    data = records(build_file(OFFICE, PAY_ON, [transfer()]))
    assert fields(data[2], TRAILER)["ダミー"] == " " * 101
    assert fields(data[3], END) == {"データ区分": "9", "ダミー": " " * 119}


def test_a_name_filling_its_whole_width_still_makes_120_bytes():
    data = build_file(OFFICE, PAY_ON, [transfer(name="ｶﾞ" * 15, bank_name="ｱ" * 15, branch_name="ｲ" * 15)])
    assert [len(r) for r in records(data)] == [120] * 4
    assert fields(records(data)[1], DATA)["受取人名"] == "ｶﾞ" * 15


def test_the_yen_sign_is_written_as_the_byte_5c():
    data = build_file(OFFICE, PAY_ON, [transfer(name="ｶ)¥ﾔﾏﾀﾞ")])
    assert records(data)[1][50:57] == b"\xb6)\x5c\xd4\xcf\xc0\xde"
