"""A result file is read whether its records end with CRLF, with LF only, or follow each other as bare 120-byte
blocks; a trailing end-of-file mark or blank line does not count as a record."""

from hogo.payments.zengin import build_file, read_results

from .zengin_helpers import OFFICE, PAY_ON, records, transfer, with_results

RETURNED = with_results(build_file(OFFICE, PAY_ON, [transfer(), transfer(amount=3)]), ["0", "3"])
EXPECTED = read_results(RETURNED)


def test_crlf_records_are_read():
    assert [(r.line, r.amount, r.result_code) for r in EXPECTED] == [(2, 85_000, "0"), (3, 3, "3")]


def test_lf_only_records_are_read_the_same():
    assert read_results(RETURNED.replace(b"\r\n", b"\n")) == EXPECTED


def test_records_without_separators_are_read_the_same():
    assert read_results(b"".join(records(RETURNED))) == EXPECTED


def test_a_last_record_without_newline_a_blank_line_and_an_eof_mark_are_accepted():
    assert read_results(RETURNED[:-2]) == EXPECTED
    assert read_results(RETURNED + b"\r\n") == EXPECTED
    assert read_results(RETURNED + b"\x1a") == EXPECTED
