"""The trailer of the 総合振込 file counts the transfers and sums their amounts; a file with no transfer is not
written at all."""

import pytest

from hogo.payments.zengin import ZenginError, build_file

from .zengin_helpers import OFFICE, PAY_ON, records, transfer


def test_the_trailer_counts_the_transfers_and_sums_the_amounts():
    amounts = [85_000, 1, 123_456, 9_999_999_999]
    trailer = records(build_file(OFFICE, PAY_ON, [transfer(amount=a) for a in amounts]))[-2]
    assert trailer[:1] == b"8"
    assert trailer[1:7] == b"000004"
    assert trailer[7:19] == b"010000208456"
    assert int(trailer[7:19]) == sum(amounts)


def test_one_transfer_is_counted_once():
    trailer = records(build_file(OFFICE, PAY_ON, [transfer(amount=52_310)]))[-2]
    assert trailer[1:19] == b"000001000000052310"


def test_a_file_with_no_transfer_is_refused():
    with pytest.raises(ZenginError) as refused:
        build_file(OFFICE, PAY_ON, [])
    assert str(refused.value) == "振込データが1件もありません。"
