"""A file checked against its source's layout, without a database: every row parsed, or the whole file
refused with each bad row (its line in the file, the header being line 1) and column named."""

from datetime import date

import pytest

from hogo.linkage import layouts
from hogo.linkage.layouts import FileRefused, read_file

HEADER = "宛名番号,氏名,氏名カナ,生年月日,年金の種類,年額,1回の支給額,改定年月,支払者"
GOOD = "100000000001,山田 太郎,ヤマダ タロウ,1950-05-01,老齢基礎年金,780000,130000,2026-06,"


def file_of(*lines, header=HEADER, encoding="utf-8") -> bytes:
    return "\n".join([header, *lines]).encode(encoding)


def refusal_of(data: bytes, source=layouts.PENSION) -> list[str]:
    with pytest.raises(FileRefused) as refused:
        read_file(source, data)
    return refused.value.refusal.messages


def test_a_good_pension_file_is_read_with_each_value_parsed():
    parsed = read_file(layouts.PENSION, file_of(GOOD))

    assert parsed.encoding == "utf-8"
    [row] = parsed.rows
    assert row.line == 2
    assert row.values == {
        "resident_number": "100000000001",
        "name": "山田 太郎",
        "kana": "ヤマダ タロウ",
        "birth_date": date(1950, 5, 1),
        "pension_kind": "老齢基礎年金",
        "annual_amount": 780_000,
        "payment_amount": 130_000,
        "revision_month": date(2026, 6, 1),
    }


def test_a_column_the_layout_does_not_have_refuses_the_file_naming_it():
    messages = refusal_of(file_of(GOOD + ",x", header=HEADER + ",備考"))

    assert messages == ["1行目・備考: 年金（情報連携）の様式にない列です。"]


def test_a_missing_required_column_refuses_the_file_naming_it():
    header = HEADER.replace(",1回の支給額", "")
    line = GOOD.replace(",130000", "")

    assert refusal_of(file_of(line, header=header)) == ["1行目・1回の支給額: 必須の列がありません。"]


def test_a_missing_optional_column_is_accepted():
    header = HEADER.replace("宛名番号,", "")
    parsed = read_file(layouts.PENSION, file_of(GOOD.removeprefix("100000000001,"), header=header))

    assert "resident_number" not in parsed.rows[0].values


def test_an_amount_that_is_not_an_integer_refuses_the_file_naming_the_row_and_column():
    bad = GOOD.replace("780000,130000", "780000.5,130000")

    messages = refusal_of(file_of(GOOD.replace("100000000001", "100000000002"), bad))

    assert messages == ["3行目・年額: 金額は円単位の整数で書いてください（「780000.5」）。"]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2026-02-30", "存在しない日付です（2026年2月30日）。"),
        ("令和8年2月30日", "存在しない日付です（2026年2月30日）。"),
        ("平成31年5月1日", "平成にない日付です（「平成31年5月1日」）。"),
    ],
)
def test_a_date_that_does_not_exist_refuses_the_file_naming_the_row_and_column(written, message):
    bad = GOOD.replace("1950-05-01", written)

    assert refusal_of(file_of(bad)) == [f"2行目・生年月日: {message}"]


def test_every_bad_row_and_column_is_named_not_only_the_first():
    bad_amount = GOOD.replace("100000000001", "100000000002").replace("130000,", "13万,")
    bad_both = GOOD.replace("100000000001", "100000000003").replace("1950-05-01", "2026-02-30").replace("2026-06", "x")

    messages = refusal_of(file_of(GOOD, bad_amount, bad_both))

    assert [m.split(":")[0] for m in messages] == ["3行目・1回の支給額", "4行目・生年月日", "4行目・改定年月"]


def test_the_same_person_twice_with_different_amounts_refuses_the_file():
    other = GOOD.replace("780000,130000", "786000,131000")

    assert refusal_of(file_of(GOOD, other)) == ["3行目: 2行目と同じ人の同じ項目で、値が違います。"]


def test_the_same_person_twice_without_a_number_is_recognised_by_kana_and_birth_date():
    first = GOOD.removeprefix("100000000001")
    other = first.replace("ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ").replace("780000,130000", "786000,131000")

    assert refusal_of(file_of(first, other)) == ["3行目: 2行目と同じ人の同じ項目で、値が違います。"]


def test_the_same_row_twice_is_read_once_and_two_pension_kinds_of_one_person_are_both_read():
    other_kind = GOOD.replace("老齢基礎年金", "老齢厚生年金").replace("780000,130000", "600000,100000")

    parsed = read_file(layouts.PENSION, file_of(GOOD, GOOD, other_kind))

    assert [row.line for row in parsed.rows] == [2, 4]


def test_a_payment_that_is_not_a_sixth_of_the_annual_amount_is_refused():
    bad = GOOD.replace("780000,130000", "780000,65000")

    assert refusal_of(file_of(bad)) == [
        "2行目・1回の支給額: 年額 780,000円の6分の1（1円未満切り捨て）になっていません。"
    ]


def test_a_required_cell_left_empty_is_refused():
    bad = GOOD.replace("ヤマダ タロウ", "")

    assert refusal_of(file_of(bad)) == ["2行目・氏名カナ: 必須です。"]


def test_a_cp932_file_with_full_width_digits_and_wareki_dates_is_read():
    line = "１０００００００００01,髙橋 一郎,ﾀｶﾊｼ ｲﾁﾛｳ,昭和25年5月1日,老齢基礎年金,７８０，０００,130000,令和8年6月,"

    parsed = read_file(layouts.PENSION, file_of(line, encoding="cp932"))

    assert parsed.encoding == "cp932"
    values = parsed.rows[0].values
    assert values["resident_number"] == "100000000001"
    assert values["name"] == "髙橋 一郎"
    assert values["kana"] == "タカハシ イチロウ"
    assert values["birth_date"] == date(1950, 5, 1)
    assert values["annual_amount"] == 780_000
    assert values["revision_month"] == date(2026, 6, 1)


@pytest.mark.parametrize("month", ["令和8年6月", "R8.6", "2026-06", "202606", "50806"])
def test_each_written_form_of_the_revision_month_is_read(month):
    parsed = read_file(layouts.PENSION, b"\xef\xbb\xbf" + file_of(GOOD.replace("2026-06", month)))

    assert parsed.rows[0].values["revision_month"] == date(2026, 6, 1)


@pytest.mark.parametrize("birth", ["昭和25年5月1日", "S25.5.1", "3250501", "1950/5/1", "19500501"])
def test_each_written_form_of_the_birth_date_is_read(birth):
    parsed = read_file(layouts.PENSION, file_of(GOOD.replace("1950-05-01", birth)))

    assert parsed.rows[0].values["birth_date"] == date(1950, 5, 1)


def test_a_file_in_neither_utf8_nor_cp932_is_refused():
    assert refusal_of(HEADER.encode("utf-8") + b"\n\x81\x7f\xff") == [
        "ファイル: 文字コードが UTF-8 でも Shift_JIS（CP932）でもありません。"
    ]


def test_a_file_with_a_header_and_no_rows_is_refused():
    assert refusal_of(file_of("", "")) == ["ファイル: データの行がありません。"]


def test_a_premium_file_refuses_an_unknown_collection_and_a_monthly_amount_above_the_annual():
    header = "宛名番号,氏名,氏名カナ,生年月日,被保険者番号,保険料段階,年額,月額,徴収方法,適用年月"
    person = "100000000001,山田 太郎,ヤマダ タロウ,1950-05-01,1234567890,3"
    other = "100000000002,山田 花子,ヤマダ ハナコ,1952-05-01,1234567891,3"

    messages = refusal_of(
        file_of(f"{person},36000,3000,口座振替,2026-06", f"{other},3000,36000,普通徴収,2026-06", header=header),
        layouts.CARE_PREMIUM,
    )

    assert messages == [
        "2行目・徴収方法: 徴収方法は普通徴収・特別徴収のいずれかです（「口座振替」）。",
        "3行目・月額: 月額が年額より大きくなっています。",
    ]


def test_a_file_with_windows_line_ends_and_a_quoted_cell_is_read():
    quoted = GOOD.replace(",老齢基礎年金,", ',"老齢基礎年金, 加給",')

    parsed = read_file(layouts.PENSION, "\r\n".join([HEADER, quoted, ""]).encode("utf-8-sig"))

    [row] = parsed.rows
    assert row.values["pension_kind"] == "老齢基礎年金, 加給" and row.values["kana"] == "ヤマダ タロウ"


def test_a_row_with_fewer_cells_than_the_header_is_refused():
    assert refusal_of(file_of(GOOD.rsplit(",", 1)[0])) == ["2行目: 列の数が見出しと違います（見出し9列、この行8列）。"]
