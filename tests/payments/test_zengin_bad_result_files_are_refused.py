"""A result file that is not a well-formed 総合振込 file is refused, naming the record (line) and the field: a wrong
record length, an unknown データ区分, a non-digit amount, a trailer that does not match, records out of order, a
missing header, trailer or end record."""

import pytest

from hogo.payments.zengin import ZenginError, build_file, read_results

from .zengin_helpers import OFFICE, PAY_ON, records, transfer, with_results

GOOD = records(with_results(build_file(OFFICE, PAY_ON, [transfer(), transfer(amount=3)]), ["0", "0"]))


def refusal(lines: list[bytes]) -> ZenginError:
    with pytest.raises(ZenginError) as refused:
        read_results(b"".join(line + b"\r\n" for line in lines))
    return refused.value


def changed(line: int, at: int, new: bytes) -> list[bytes]:
    """GOOD with the bytes at 1-based position `at` of 1-based record `line` replaced by `new`."""
    lines = list(GOOD)
    record = lines[line - 1]
    lines[line - 1] = record[: at - 1] + new + record[at - 1 + len(new) :]
    return lines


def test_the_good_file_is_read():
    assert len(read_results(b"".join(line + b"\r\n" for line in GOOD))) == 2


def test_a_record_of_the_wrong_length_is_refused_with_its_line():
    lines = list(GOOD)
    lines[2] = lines[2][:119]
    error = refusal(lines)
    assert (error.line, error.field) == (3, "レコード長")
    assert str(error) == "3行目：レコードが119バイトです（120バイトのはずです）。"


def test_bare_blocks_that_do_not_divide_into_120_bytes_are_refused():
    with pytest.raises(ZenginError) as refused:
        read_results(b"".join(GOOD)[:-1])
    assert (refused.value.line, refused.value.field) == (5, "レコード長")


def test_an_unknown_data_kind_is_refused():
    error = refusal(changed(3, 1, b"3"))
    assert (error.line, error.field) == (3, "データ区分")


def test_a_non_digit_amount_is_refused():
    error = refusal(changed(2, 81, b"00000A5000"))
    assert (error.line, error.field) == (2, "振込金額")
    assert "「00000A5000」" in str(error)


def test_an_unknown_result_code_is_refused():
    error = refusal(changed(3, 114, b"5"))
    assert (error.line, error.field) == (3, "振込結果コード")


def test_a_trailer_count_that_does_not_match_is_refused():
    error = refusal(changed(4, 2, b"000003"))
    assert (error.line, error.field) == (4, "合計件数")
    assert str(error) == "4行目：データレコードは2件ですが、トレーラの合計件数は3件です。"


def test_a_trailer_total_that_does_not_match_is_refused():
    error = refusal(changed(4, 8, b"000000085004"))
    assert (error.line, error.field) == (4, "合計金額")
    assert str(error) == "4行目：振込金額の合計は85,003円ですが、トレーラの合計金額は85,004円です。"


def test_a_file_that_does_not_start_with_a_header_is_refused():
    error = refusal(GOOD[1:])
    assert (error.line, error.field) == (1, "データ区分")


def test_a_header_of_another_kind_of_transfer_is_refused():
    error = refusal(changed(1, 2, b"11"))
    assert (error.line, error.field) == (1, "種別コード")


def test_a_file_without_trailer_or_end_record_is_refused():
    assert "エンドレコードがありません" in str(refusal(GOOD[:-1]))
    assert "トレーラレコードがありません" in str(refusal(GOOD[:3]))
    error = refusal(GOOD[:3] + GOOD[4:])
    assert (error.line, error.field) == (4, "データ区分")


def test_a_record_after_the_end_record_is_refused():
    error = refusal(GOOD + [GOOD[1]])
    assert (error.line, error.field) == (6, "データ区分")


def test_an_empty_file_is_refused():
    with pytest.raises(ZenginError):
        read_results(b"")


def test_bytes_that_are_not_cp932_are_refused_with_the_field():
    error = refusal(changed(2, 51, b"\x81\x20"))
    assert (error.line, error.field) == (2, "受取人名")
