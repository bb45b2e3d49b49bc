"""The reply file of the deposit-inquiry service (docs/inquiries/deposit_reply.md), read and checked
whole. Pure: no Django import. Records (CSV, UTF-8 or CP932):

    1,<office municipality code>,<date created>                                   header, once, first
    2,<reference>,<bank>,<branch>,<branch name>,<type>,<account no.>,<as of>,<balance>   a balance
    3,<reference>,<account no.>,<date>,<amount, − for a withdrawal>,<description>    a transaction
    4,<reference>,<bank>                                                          no account
    8,<count of records 2–4>,<sum of the balances of records 2>                   trailer, once
    9                                                                             end, once, last
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from hogo.linkage.layouts import FileRefused, Refusal
from hogo.linkage.normalize import cell, decode, parse_date

_SIGNED = re.compile(r"^-?\d+$")
WIDTHS = {"1": 3, "2": 9, "3": 6, "4": 3, "8": 3, "9": 1}
ACCOUNT_TYPES = ("普通", "当座", "貯蓄", "定期", "通知", "積立", "その他")


@dataclass
class AccountRow:
    line: int
    bank_code: str
    branch_code: str
    branch_name: str
    account_type: str
    account_number: str
    balances: dict[date, int] = field(default_factory=dict)
    transactions: list[tuple[date, int, str]] = field(default_factory=list)


@dataclass
class ReplyRows:
    """What the file says about one reference."""

    reference: str
    line: int
    bank_code: str
    accounts: dict[tuple[str, str, str], AccountRow] = field(default_factory=dict)  # by (branch, type, number)
    none: bool = False


@dataclass
class ReplyFile:
    office_code: str
    created_on: date
    encoding: str
    by_reference: dict[str, ReplyRows]


class _Bad(ValueError):
    """A value that cannot be read, with the field the refusal names."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field_name = field_name


def _amount(text: str, signed: bool, name: str) -> int:
    value = cell(text).replace(",", "")
    if not (_SIGNED.match(value) if signed else value.isdigit()):
        raise _Bad(name, "金額は円単位の整数で書いてください" + ("（出金は -）" if signed else "") + "。")
    return int(value)


def _date(text: str, name: str) -> date:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise _Bad(name, str(exc)) from None


def _digits(text: str, length: int, name: str) -> str:
    value = cell(text)
    if not (value.isdigit() and value.isascii() and len(value) == length):
        raise _Bad(name, f"{name}は{length}桁の数字です。")
    return value


def read(data: bytes) -> ReplyFile:
    """The file's replies by reference, or FileRefused naming each bad record and field."""
    refusal = Refusal()
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        refusal.add(None, None, str(exc))
        raise FileRefused(refusal) from None
    records = [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text, newline="")), 1) if any(map(cell, row))]
    kinds = [cell(row[0]) for _, row in records]
    if not records or kinds[0] != "1":
        refusal.add(1, "レコード種別", "1行目は見出しレコード（1）です。")
    if kinds.count("1") > 1:
        refusal.add(None, "レコード種別", "見出しレコード（1）は1つだけです。")
    if kinds.count("8") != 1 or kinds.count("9") != 1 or (kinds and kinds[-1] != "9"):
        refusal.add(None, "レコード種別", "トレーラ（8）と終わり（9）がそれぞれ1つ、最後に必要です。")
    if refusal:
        raise FileRefused(refusal)
    office_code, created_on, replies, count, total, trailer = "", date.min, {}, 0, 0, None
    for line, row in records:
        kind = cell(row[0])
        if kind not in WIDTHS:
            refusal.add(line, "レコード種別", f"1・2・3・4・8・9のいずれかです（「{kind[:10]}」）。")
            continue
        if len(row) != WIDTHS[kind]:
            refusal.add(line, None, f"レコード種別{kind}の項目数は{WIDTHS[kind]}です（この行は{len(row)}）。")
            continue
        try:
            if kind == "1":
                office_code, created_on = _digits(row[1], 6, "事務所の市区町村コード"), _date(row[2], "作成日")
            elif kind == "2":
                reply = _reply(replies, row, line)
                branch, number = _digits(row[3], 3, "店舗コード"), _digits(row[6], 7, "口座番号")
                kind_of = _type(row[5])
                # a number is unique only within a branch and type (総合口座: 普通 and 定期 share one)
                account = reply.accounts.setdefault(
                    (branch, kind_of, number),
                    AccountRow(line, reply.bank_code, branch, cell(row[4])[:60], kind_of, number),
                )
                balance, as_of = _amount(row[8], signed=True, name="残高"), _date(row[7], "基準日")
                if as_of in account.balances:
                    raise _Bad("基準日", "同じ口座の同じ基準日の残高が2つあります。")
                account.balances[as_of] = balance
                count, total = count + 1, total + balance
            elif kind == "3":
                reply = replies.get(cell(row[1]))
                found = [a for a in reply.accounts.values() if a.account_number == cell(row[2])] if reply else []
                if not found:
                    raise _Bad("口座番号", "この照会番号・口座番号の残高レコード（2）が先にありません。")
                if len(found) > 1:
                    raise _Bad("口座番号", "この口座番号の口座が店舗・種目違いで複数あり、取引の口座が決まりません。")
                account = found[0]
                on, amount = _date(row[3], "取引日"), _amount(row[4], signed=True, name="金額")
                account.transactions.append((on, amount, cell(row[5])[:60]))
                count += 1
            elif kind == "4":
                reply = _reply(replies, row, line)
                reply.none = True
                count += 1
            elif kind == "8":
                trailer = (line, _amount(row[1], False, "件数"), _amount(row[2], True, "残高の合計"))
        except ValueError as exc:
            refusal.add(line, getattr(exc, "field_name", None), str(exc))
    for reply in replies.values():
        if reply.none and reply.accounts:
            refusal.add(reply.line, "照会番号", "口座なし（4）と口座（2）が同じ照会番号にあります。")
    if trailer and not refusal:
        line, said_count, said_total = trailer
        if said_count != count:
            refusal.add(line, "件数", f"データレコードは{count}件ですが、トレーラは{said_count}件です。")
        if said_total != total:
            refusal.add(line, "残高の合計", f"残高の合計は{total:,}円ですが、トレーラは{said_total:,}円です。")
    if refusal:
        raise FileRefused(refusal)
    return ReplyFile(office_code, created_on, encoding, replies)


def _reply(replies: dict, row: list[str], line: int) -> ReplyRows:
    reference = cell(row[1])
    if not reference:
        raise _Bad("照会番号", "照会番号がありません。")
    bank = _digits(row[2], 4, "金融機関コード")
    reply = replies.setdefault(reference, ReplyRows(reference, line, bank))
    if reply.bank_code != bank:
        raise _Bad("金融機関コード", "同じ照会番号で金融機関コードが違います。")
    return reply


def _type(text: str) -> str:
    value = cell(text)
    if value not in ACCOUNT_TYPES:
        raise _Bad("種目", f"種目は{'・'.join(ACCOUNT_TYPES)}のいずれかです。")
    return value
