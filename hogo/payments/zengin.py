"""The 全銀協 総合振込 file (種別コード 21): the fixed-length file the office hands to its bank to pay households,
and the bank's 振込結果 file in the same layout. Pure Python, no Django; the layout is in docs/payments/zengin.md.

Every record is exactly 120 bytes of JIS X 0201 (ASCII + half-width katakana, written with cp932, where each of
these characters is one byte). `build_file` ends every record with CRLF; `read_results` also accepts LF only
and a file of bare 120-byte blocks with no separators.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import jaconv

RECORD_LENGTH = 120
NEWLINE = b"\r\n"

MAX_AMOUNT = 9_999_999_999  # 振込金額 N(10)
MAX_COUNT = 999_999  # 合計件数 N(6)
MAX_TOTAL = 999_999_999_999  # 合計金額 N(12)

ORIGINATOR_ACCOUNT_TYPES = {"1", "2", "9"}  # 普通・当座・その他
TRANSFER_ACCOUNT_TYPES = {"1", "2", "4"}  # 普通・当座・貯蓄

RESULT_CODES = {
    "0": "振込済",
    "1": "取引なし（口座なし）",
    "2": "預金種目相違",
    "3": "口座番号相違",
    "4": "受取人名相違",
    "8": "委託者都合",
    "9": "その他",
}

# The characters a 全銀 C field may carry: digits, upper-case letters, half-width katakana ｦ and ｱ-ﾝ, ﾞ ﾟ,
# space and ( ) - . / \ , ｢ ｣.  "\" is the byte 0x5C, which JIS X 0201 shows as ¥ (cp932 decodes it as "\").
KATAKANA = "".join(chr(c) for c in range(0xFF71, 0xFF9E))  # ｱ-ﾝ
ALLOWED = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ()-./\\,｢｣ｦﾞﾟ" + KATAKANA)
UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # ASCII only: not ß → SS

# Applied after hiragana → katakana and full-width → half-width.
REPLACE = {
    # small kana are not in the set: the bank writes them large
    "ｧ": "ｱ",
    "ｨ": "ｲ",
    "ｩ": "ｳ",
    "ｪ": "ｴ",
    "ｫ": "ｵ",
    "ｬ": "ﾔ",
    "ｭ": "ﾕ",
    "ｮ": "ﾖ",
    "ｯ": "ﾂ",
    # full-width katakana that have no half-width form
    "ヵ": "ｶ",
    "ヶ": "ｹ",
    "ヮ": "ﾜ",
    "ヰ": "ｲ",
    "ヱ": "ｴ",
    "ヴ": "ｳﾞ",
    # long-vowel marks and dashes
    "ｰ": "-",
    "ー": "-",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    # punctuation
    "･": ".",
    "・": ".",
    "｡": ".",
    "､": ",",
    "¥": "\\",
    "￥": "\\",
}

SPACES = re.compile(r" {2,}")
DIGITS = re.compile(r"[0-9]+")


class ZenginError(ValueError):
    """A value the 全銀 file cannot carry, or a bad record in a file read.

    `line` is the 1-based record number in the file (for `build_file`, the record the transfer would have been:
    the header is 1, the first transfer 2); `field` the Japanese field name; `index` the 0-based position in the
    `transfers` list given to `build_file`, or None."""

    def __init__(self, message: str, *, line: int | None = None, field: str | None = None, index: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.field = field
        self.index = index

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Originator:
    """The office paying (振込依頼人) and its account at the paying bank (仕向銀行)."""

    code: str  # 振込依頼人コード: the 委託者コード the bank gave the office, up to 10 digits
    name: str
    pay_bank: str
    pay_bank_name: str
    pay_branch: str
    pay_branch_name: str
    account_type: str
    account_number: str


@dataclass(frozen=True)
class Transfer:
    """One payment to one account (被仕向銀行)."""

    bank: str
    bank_name: str
    branch: str
    branch_name: str
    account_type: str
    account_number: str
    name: str
    amount: int
    customer_code: str  # up to 10 digits; written right-aligned zero-padded into 顧客コード1


@dataclass(frozen=True)
class Result:
    """A data record of the bank's 振込結果 file. `customer_code` is the 10-digit 顧客コード1 as written."""

    line: int
    bank: str
    branch: str
    account_type: str
    account_number: str
    name: str
    amount: int
    customer_code: str
    result_code: str


# --- characters -------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)  # names repeat their characters: a run converts each one once
def _convert_char(char: str) -> str:
    if char.isspace():
        return " "
    converted = jaconv.z2h(jaconv.hira2kata(char), kana=True, ascii=True, digit=True).translate(UPPER)
    return "".join(REPLACE.get(c, c) for c in converted)


def to_zengin_kana(text: str, field: str, width: int) -> str:
    """`text` in the 全銀 character set, not padded: full-width → half-width, hiragana → katakana, lower → upper
    case, small kana → large, ー → "-", ・ → ".", runs of spaces folded and the ends stripped. Raises ZenginError
    naming the first character that cannot be carried (a kanji, an emoji, another symbol), or when the result is
    longer than `width` (each character is one byte; ｶﾞ is two)."""
    out = []
    for char in unicodedata.normalize("NFC", text or ""):
        converted = _convert_char(char)
        if not converted or any(c not in ALLOWED for c in converted):
            shown = char if char.isprintable() else repr(char)
            raise ZenginError(
                f"{field}の「{shown}」は全銀の文字にできません（半角カナ・英大文字・数字で入力してください）。",
                field=field,
            )
        out.append(converted)
    result = SPACES.sub(" ", "".join(out)).strip()
    if len(result) > width:
        raise ZenginError(
            f"{field}は全銀の文字にすると{len(result)}文字（濁点・半濁点も1文字）で、{width}文字までです。",
            field=field,
        )
    return result


def _encode(text: str) -> bytes:
    # Every character in ALLOWED is one cp932 byte; "\" is 0x5C, the JIS X 0201 ¥.
    return text.encode("cp932")


# --- building ---------------------------------------------------------------------------------------------------


def _digits(value: str, field: str, width: int, *, exact: bool) -> str:
    text = jaconv.z2h(str(value or ""), kana=False, ascii=False, digit=True).strip()
    if exact:
        if not (DIGITS.fullmatch(text) and len(text) == width):
            raise ZenginError(f"{field}は{width}桁の数字で入力してください（「{text}」）。", field=field)
        return text
    if text and not (DIGITS.fullmatch(text) and len(text) <= width):
        raise ZenginError(f"{field}は{width}桁までの数字で入力してください（「{text}」）。", field=field)
    return text.zfill(width)


def _kana(value: str, field: str, width: int, *, required: bool) -> str:
    text = to_zengin_kana(value, field, width)
    if required and not text:
        raise ZenginError(f"{field}を入力してください。", field=field)
    return text.ljust(width)


def _account_type(value: str, field: str, allowed: set[str]) -> str:
    text = str(value or "").strip()
    if text not in allowed:
        choices = "・".join(sorted(allowed))
        raise ZenginError(f"{field}は{choices}のどれかです（「{text}」）。", field=field)
    return text


def _amount(value: int) -> str:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ZenginError("振込金額は円単位の整数です。", field="振込金額")
    if not 1 <= value <= MAX_AMOUNT:
        raise ZenginError(f"振込金額は1円から{MAX_AMOUNT:,}円までです（{value:,}円）。", field="振込金額")
    return f"{value:010d}"


def _record(parts: list[str]) -> bytes:
    record = _encode("".join(parts))
    if len(record) != RECORD_LENGTH:  # a bug in this module, never the user's data
        raise RuntimeError(f"全銀のレコードが{len(record)}バイトになりました（120バイトのはずです）。")
    return record


def _header(originator: Originator, pay_on: date) -> bytes:
    return _record(
        [
            "1",  # データ区分
            "21",  # 種別コード: 総合振込
            "0",  # コード区分: JIS
            _digits(originator.code, "振込依頼人コード", 10, exact=False),
            _kana(originator.name, "振込依頼人名", 40, required=True),
            pay_on.strftime("%m%d"),  # 振込指定日
            _digits(originator.pay_bank, "仕向銀行番号", 4, exact=True),
            _kana(originator.pay_bank_name, "仕向銀行名", 15, required=False),
            _digits(originator.pay_branch, "仕向支店番号", 3, exact=True),
            _kana(originator.pay_branch_name, "仕向支店名", 15, required=False),
            _account_type(originator.account_type, "預金種目（依頼人）", ORIGINATOR_ACCOUNT_TYPES),
            _digits(originator.account_number, "口座番号（依頼人）", 7, exact=True),
            " " * 17,  # ダミー
        ]
    )


def _data(transfer: Transfer) -> bytes:
    return _record(
        [
            "2",  # データ区分
            _digits(transfer.bank, "被仕向銀行番号", 4, exact=True),
            _kana(transfer.bank_name, "被仕向銀行名", 15, required=False),
            _digits(transfer.branch, "被仕向支店番号", 3, exact=True),
            _kana(transfer.branch_name, "被仕向支店名", 15, required=False),
            " " * 4,  # 手形交換所番号: unused
            _account_type(transfer.account_type, "預金種目", TRANSFER_ACCOUNT_TYPES),
            _digits(transfer.account_number, "口座番号", 7, exact=True),
            _kana(transfer.name, "受取人名", 30, required=True),
            _amount(transfer.amount),
            "0",  # 新規コード
            _digits(transfer.customer_code, "顧客コード1", 10, exact=False),
            "0" * 10,  # 顧客コード2
            "7",  # 振込指定区分: 電信
            " ",  # 識別表示: the 顧客コード are codes, not EDI text
            " " * 7,  # ダミー (the bank's result puts 振込結果コード in its first byte)
        ]
    )


def _trailer(count: int, total: int) -> bytes:
    return _record(["8", f"{count:06d}", f"{total:012d}", " " * 101])


def _end() -> bytes:
    return _record(["9", " " * 119])


def build_file(originator: Originator, pay_on: date, transfers: list[Transfer]) -> bytes:
    """The 総合振込 file: a header, one data record per transfer, a trailer with the count and the total, and an
    end record, each 120 bytes followed by CRLF. Raises ZenginError for the first value that cannot be written."""
    if not transfers:
        raise ZenginError("振込データが1件もありません。")
    if len(transfers) > MAX_COUNT:
        raise ZenginError(f"振込データは1ファイル{MAX_COUNT:,}件までです。", field="合計件数")
    try:
        records = [_header(originator, pay_on)]
    except ZenginError as error:
        raise ZenginError(f"振込依頼人：{error.message}", line=1, field=error.field) from error
    for index, transfer in enumerate(transfers):
        try:
            records.append(_data(transfer))
        except ZenginError as error:
            raise ZenginError(
                f"{index + 1}件目の振込：{error.message}", line=index + 2, field=error.field, index=index
            ) from error
    total = sum(transfer.amount for transfer in transfers)
    if total > MAX_TOTAL:
        raise ZenginError(f"合計金額は{MAX_TOTAL:,}円までです（{total:,}円）。", field="合計金額")
    records.append(_trailer(len(transfers), total))
    records.append(_end())
    return b"".join(record + NEWLINE for record in records)


# --- reading the bank's result ----------------------------------------------------------------------------------


def _split(data: bytes) -> list[bytes]:
    data = data.rstrip(b"\x1a")  # a DOS end-of-file mark
    if b"\n" in data or b"\r" in data:
        lines = data.replace(b"\r\n", b"\n").split(b"\n")
        while lines and not lines[-1].strip():
            lines.pop()
        return lines
    return [data[i : i + RECORD_LENGTH] for i in range(0, len(data), RECORD_LENGTH)]


class _Record:
    def __init__(self, raw: bytes, line: int):
        self.raw = raw
        self.line = line

    def text(self, start: int, width: int, field: str) -> str:
        """The field at 1-based byte `start`."""
        chunk = self.raw[start - 1 : start - 1 + width]
        try:
            return chunk.decode("cp932")
        except UnicodeDecodeError as error:
            raise ZenginError(
                f"{self.line}行目：{field}に全銀の文字でないバイトがあります。", line=self.line, field=field
            ) from error

    def number(self, start: int, width: int, field: str) -> str:
        value = self.text(start, width, field)
        if not DIGITS.fullmatch(value):
            raise ZenginError(
                f"{self.line}行目：{field}が{width}桁の数字ではありません（「{value}」）。", line=self.line, field=field
            )
        return value


def _result(record: _Record) -> Result:
    code = record.text(114, 1, "振込結果コード")
    if code not in RESULT_CODES:
        raise ZenginError(
            f"{record.line}行目：振込結果コード「{code}」は知らないコードです"
            f"（{'・'.join(f'{k} {v}' for k, v in RESULT_CODES.items())}）。",
            line=record.line,
            field="振込結果コード",
        )
    return Result(
        line=record.line,
        bank=record.number(2, 4, "被仕向銀行番号"),
        branch=record.number(21, 3, "被仕向支店番号"),
        account_type=record.number(43, 1, "預金種目"),
        account_number=record.number(44, 7, "口座番号"),
        name=record.text(51, 30, "受取人名").rstrip(" "),
        amount=int(record.number(81, 10, "振込金額")),
        customer_code=record.text(92, 10, "顧客コード1"),
        result_code=code,
    )


def read_results(data: bytes) -> list[Result]:
    """The data records of the bank's 振込結果 file (the 総合振込 layout with 振込結果コード at byte 114).

    The whole file is checked: a header first, data records, a trailer whose 合計件数 and 合計金額 match them
    (several header…trailer groups may follow one another), and an end record last. The first problem raises
    ZenginError with the record's line number and the field."""
    results: list[Result] = []
    group: list[Result] | None = None  # the data records since the last header, None outside a group
    ended = False
    for line, raw in enumerate(_split(data), start=1):
        if len(raw) != RECORD_LENGTH:
            raise ZenginError(
                f"{line}行目：レコードが{len(raw)}バイトです（120バイトのはずです）。", line=line, field="レコード長"
            )
        record = _Record(raw, line)
        kind = record.text(1, 1, "データ区分")
        if ended:
            raise ZenginError(f"{line}行目：エンドレコードの後にレコードがあります。", line=line, field="データ区分")
        if kind == "1":
            if group is not None:
                raise ZenginError(
                    f"{line}行目：トレーラレコードの前に次のヘッダーレコードがあります。", line=line, field="データ区分"
                )
            kind_code = record.text(2, 2, "種別コード")
            if kind_code != "21":
                raise ZenginError(
                    f"{line}行目：種別コードが「{kind_code}」です（総合振込は21）。", line=line, field="種別コード"
                )
            group = []
        elif kind == "2":
            if group is None:
                raise ZenginError(
                    f"{line}行目：ヘッダーレコードの前にデータレコードがあります。", line=line, field="データ区分"
                )
            group.append(_result(record))
        elif kind == "8":
            if group is None:
                raise ZenginError(
                    f"{line}行目：ヘッダーレコードの前にトレーラレコードがあります。", line=line, field="データ区分"
                )
            count = int(record.number(2, 6, "合計件数"))
            total = int(record.number(8, 12, "合計金額"))
            if count != len(group):
                raise ZenginError(
                    f"{line}行目：データレコードは{len(group):,}件ですが、トレーラの合計件数は{count:,}件です。",
                    line=line,
                    field="合計件数",
                )
            amounts = sum(result.amount for result in group)
            if total != amounts:
                raise ZenginError(
                    f"{line}行目：振込金額の合計は{amounts:,}円ですが、トレーラの合計金額は{total:,}円です。",
                    line=line,
                    field="合計金額",
                )
            results.extend(group)
            group = None
        elif kind == "9":
            if group is not None:
                raise ZenginError(
                    f"{line}行目：トレーラレコードの前にエンドレコードがあります。", line=line, field="データ区分"
                )
            if line == 1:
                raise ZenginError("1行目：ヘッダーレコードがありません。", line=1, field="データ区分")
            ended = True
        else:
            raise ZenginError(
                f"{line}行目：データ区分「{kind}」は1・2・8・9のどれでもありません。", line=line, field="データ区分"
            )
    if not ended:
        if group is not None:
            raise ZenginError("トレーラレコードがありません。", field="データ区分")
        if not results:
            raise ZenginError("ヘッダーレコードがありません。", field="データ区分")
        raise ZenginError("エンドレコードがありません。", field="データ区分")
    return results
