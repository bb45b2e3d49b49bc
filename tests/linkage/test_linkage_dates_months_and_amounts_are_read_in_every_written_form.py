"""Cells of another system's CSV, read without a database: dates and months in ISO, 和暦, the
abbreviated and the 7-digit era-code form, full-width digits, amounts in whole yen — and a day that
does not exist, or does not lie in the era it is written in, refused with a sentence a person can act on."""

from datetime import date

import pytest

from hogo.linkage.normalize import cell, decode, parse_date, parse_month, parse_yen


@pytest.mark.parametrize(
    "text",
    [
        "2026-06-01",
        "2026/6/1",
        "20260601",
        "令和8年6月1日",
        "R8.6.1",
        "R8/6/1",
        "5080601",
        "２０２６－０６－０１",
        "令和８年６月１日",
        "Ｒ８．６．１",
        "５０８０６０１",
        "　2026-06-01　",
    ],
)
def test_a_day_is_read_in_each_form_the_other_systems_write(text):
    assert parse_date(text) == date(2026, 6, 1)


def test_the_first_year_of_an_era_may_be_written_as_gannen():
    assert parse_date("令和元年5月1日") == date(2019, 5, 1)
    assert parse_date("平成元年1月8日") == date(1989, 1, 8)
    assert parse_date("S25.5.1") == date(1950, 5, 1)
    assert parse_date("3250501") == date(1950, 5, 1)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-02-30", "存在しない日付です（2026年2月30日）"),
        ("令和8年2月30日", "存在しない日付です（2026年2月30日）"),
        ("R8.2.30", "存在しない日付です"),
        ("5080230", "存在しない日付です"),
        ("平成31年5月1日", "平成にない日付です"),
        ("令和元年4月30日", "令和にない日付です"),
        ("H31.5.1", "平成にない日付です"),
        ("6月1日", "日付は2026-04-01・令和8年4月1日・R8.4.1・5080401 のいずれかの形で"),
        ("", "日付は"),
    ],
)
def test_a_day_that_does_not_exist_or_is_not_in_its_era_is_refused(text, words):
    with pytest.raises(ValueError) as refused:
        parse_date(text)
    assert words in str(refused.value)


def test_the_last_day_of_heisei_and_the_first_of_reiwa_are_each_in_their_own_era():
    assert parse_date("平成31年4月30日") == date(2019, 4, 30)
    assert parse_date("令和元年5月1日") == date(2019, 5, 1)


@pytest.mark.parametrize(
    "text",
    [
        "2026-06",
        "2026/6",
        "202606",
        "令和8年6月",
        "R8.6",
        "50806",
        "２０２６－０６",
        "令和８年６月",
        "2026-06-01",
        "令和8年6月1日",
    ],
)
def test_a_month_is_read_in_each_form_as_its_first_day(text):
    assert parse_month(text) == date(2026, 6, 1)


def test_the_month_in_which_an_era_changed_belongs_to_both_eras():
    assert parse_month("平成31年4月") == date(2019, 4, 1)
    assert parse_month("令和元年5月") == date(2019, 5, 1)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-13", "存在しない日付です"),
        ("平成31年6月", "平成にない年月です"),
        ("令和元年4月", "令和にない年月です"),
        ("2026-06-15", "日付なら1日だけ"),
        ("6月", "年月は2026-04・令和8年4月・R8.4 のいずれかの形で"),
    ],
)
def test_a_month_that_does_not_exist_is_refused(text, words):
    with pytest.raises(ValueError) as refused:
        parse_month(text)
    assert words in str(refused.value)


@pytest.mark.parametrize(
    ("text", "yen"), [("780000", 780_000), ("780,000", 780_000), ("７８０，０００円", 780_000), ("0", 0)]
)
def test_an_amount_is_read_as_whole_yen(text, yen):
    assert parse_yen(text) == yen
    assert isinstance(parse_yen(text), int)


@pytest.mark.parametrize("text", ["780000.5", "-1000", "七十八万", "78万円", "1e5"])
def test_an_amount_that_is_not_a_whole_number_of_yen_is_refused(text):
    with pytest.raises(ValueError) as refused:
        parse_yen(text)
    assert "金額は円単位の整数で書いてください" in str(refused.value)


def test_an_amount_of_a_hundred_million_yen_or_more_is_refused():
    assert parse_yen("99999999") == 99_999_999
    with pytest.raises(ValueError, match="大きすぎます"):
        parse_yen("100000000")


def test_a_file_is_read_as_utf8_with_or_without_bom_else_as_cp932():
    text = "氏名カナ,髙橋①\n"
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8")
    assert decode(text.encode("cp932")) == (text, "cp932")


def test_a_cell_is_compared_in_half_width_digits_and_full_width_kana():
    assert cell("　ﾔﾏﾀﾞ ﾀﾛｳ　") == "ヤマダ タロウ"
    assert cell("１２３") == "123"
    assert cell(None) == ""
