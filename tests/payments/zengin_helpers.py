"""A small 総合振込 file for the 全銀 tests, and the bank's result made from it."""

from datetime import date

from hogo.payments.zengin import Originator, Transfer

PAY_ON = date(2027, 1, 5)

OFFICE = Originator(
    code="1234567",
    name="ミナトシフクシジムショ",
    pay_bank="0001",
    pay_bank_name="ミズホ",
    pay_branch="001",
    pay_branch_name="トウキヨウ",
    account_type="1",
    account_number="7654321",
)


def transfer(**changes) -> Transfer:
    values = {
        "bank": "0005",
        "bank_name": "ミツビシユーエフジエイ",
        "branch": "123",
        "branch_name": "ミナト",
        "account_type": "1",
        "account_number": "1234567",
        "name": "ﾔﾏﾀﾞ ﾀﾛｳ",
        "amount": 85_000,
        "customer_code": "42",
    }
    values.update(changes)
    return Transfer(**values)


def records(data: bytes) -> list[bytes]:
    """The records of a file written with CRLF after each record."""
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def with_results(data: bytes, codes: list[str]) -> bytes:
    """The bank's answer to `data`: the same records, each data record's byte 114 set to the next code."""
    codes = list(codes)
    out = []
    for record in records(data):
        if record[:1] == b"2":
            record = record[:113] + codes.pop(0).encode() + record[114:]
        out.append(record)
    assert not codes
    return b"".join(r + b"\r\n" for r in out)
