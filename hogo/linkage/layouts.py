"""The CSV layouts of the sources (docs/linkage/) and the check of a whole file against one. Pure: no
Django import. A file is all or nothing: `read_file` returns every row parsed, or the errors of every
row and column (the first `MAX_ERRORS`, the rest counted), and then nothing may be applied.

Each row names a person by 宛名番号 (when the other system has it) and always by 氏名カナ and
生年月日, so a person without a number can still be matched — never guessed (matching.py).
"""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from hogo.common.kana import normalize_kana_name, search_key
from hogo.households.circumstance_rules import GRADES

from .normalize import cell, decode, parse_date, parse_digits, parse_month, parse_yen

MAX_ERRORS = 100
MAX_ROWS = 200_000  # a premium file of a large city; anything longer is not one office's extract

PENSION = "pension"
CARE_PREMIUM = "care_premium"
CARE_CERTIFICATION = "care_certification"
DISABILITY_CERTIFICATE = "disability_certificate"
RESIDENT_CHANGE = "resident_change"

# 普通徴収: the recipient pays the premium, so 介護保険料加算 pays it; 特別徴収: the insurer takes it
# from the pension before it is paid (告示 別表第1 第2章 10; 局長通知 第7).
ORDINARY, DEDUCTED = "ordinary", "deducted"
COLLECTION = {"普通徴収": ORDINARY, "特別徴収": DEDUCTED}
CARE_LEVELS = {
    "非該当": "",
    "要支援1": "support_1",
    "要支援2": "support_2",
    "要介護1": "care_1",
    "要介護2": "care_2",
    "要介護3": "care_3",
    "要介護4": "care_4",
    "要介護5": "care_5",
}
CERTIFICATES = {"身体障害者手帳": "physical", "療育手帳": "intellectual", "精神障害者保健福祉手帳": "mental"}
BIRTH, DEATH, MOVE_IN, MOVE_OUT, MOVE = "birth", "death", "move_in", "move_out", "move"
RESIDENT_EVENTS = {"出生": BIRTH, "死亡": DEATH, "転入": MOVE_IN, "転出": MOVE_OUT, "転居": MOVE}
SEXES = {"男": "male", "女": "female", "1": "male", "2": "female"}


def _resident_number(text: str) -> str:
    value = parse_digits(text, name="宛名番号")
    if len(value) > 15:
        raise ValueError("宛名番号は15桁までです。")
    return value


def _kana(text: str) -> str:
    return normalize_kana_name(cell(text))


def _text(limit: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = " ".join(cell(text).split())
        if len(value) > limit:
            raise ValueError(f"{limit}文字までです。")
        return value

    return parse


def _choice(choices: dict, what: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = cell(text)
        if value not in choices:
            names = "・".join(k for k in choices if not k.isdigit())
            raise ValueError(f"{what}は{names}のいずれかです（「{value[:20]}」）。")
        return choices[value]

    return parse


def _stage(text: str) -> int:
    value = parse_digits(text, name="保険料段階")
    if not 1 <= int(value) <= 30:
        raise ValueError("保険料段階は1〜30の段階です。")
    return int(value)


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    parse: Callable[[str], object]
    required: bool = True


PERSON = (
    Column("宛名番号", "resident_number", _resident_number, required=False),
    Column("氏名", "name", _text(100), required=False),
    Column("氏名カナ", "kana", _kana),
    Column("生年月日", "birth_date", parse_date),
)


@dataclass(frozen=True)
class Layout:
    source: str
    label: str
    columns: tuple[Column, ...]
    # the columns that say which fact a row is about (with the person); the same fact twice in a file
    # with other values is refused
    fact_keys: tuple[str, ...] = ()
    check: Callable[[dict], dict[str, str]] = lambda values: {}

    def header_of(self, key: str) -> str:
        return next(c.header for c in self.columns if c.key == key)


def _check_pension(v: dict) -> dict[str, str]:
    # 国民年金法第18条の2・厚生年金保険法第36条の2: the payment is the annual amount ÷ 6, the yen
    # fraction dropped (and paid in February), so a row whose figures disagree has its columns mixed up
    if v["annual_amount"] // 6 != v["payment_amount"]:
        return {"payment_amount": f"年額 {v['annual_amount']:,}円の6分の1（1円未満切り捨て）になっていません。"}
    return {}


def _check_premium(v: dict) -> dict[str, str]:
    if v["monthly_amount"] > v["annual_amount"]:
        return {"monthly_amount": "月額が年額より大きくなっています。"}
    return {}


def _check_certification(v: dict) -> dict[str, str]:
    if v["valid_until"] < v["valid_from"]:
        return {"valid_until": "有効期間の終了日が開始日より前です。"}
    return {}


def _check_certificate(v: dict) -> dict[str, str]:
    if v["grade"] not in GRADES[v["certificate"]]:
        kinds = {code: name for name, code in CERTIFICATES.items()}
        return {"grade": f"{kinds[v['certificate']]}の等級は{'・'.join(GRADES[v['certificate']])}です。"}
    if v.get("valid_until") and v["valid_until"] < v["issued_on"]:
        return {"valid_until": "有効期限が交付日より前です。"}
    return {}


RESIDENT_NEEDS = {
    BIRTH: ("name", "sex", "head_number"),
    MOVE_IN: ("name", "sex", "head_number"),
    MOVE: ("new_address",),
    DEATH: (),
    MOVE_OUT: (),
}


def _check_resident(v: dict) -> dict[str, str]:
    missing = {key: "この異動では必須です。" for key in RESIDENT_NEEDS[v["event"]] if not v.get(key)}
    if v["event"] == BIRTH and v["birth_date"] != v["moved_on"]:
        missing["moved_on"] = "出生の異動日は生年月日と同じ日です。"
    return missing


LAYOUTS = {
    PENSION: Layout(
        PENSION,
        "年金（情報連携）",
        (
            *PERSON,
            Column("年金の種類", "pension_kind", _text(40)),
            Column("年額", "annual_amount", parse_yen),
            Column("1回の支給額", "payment_amount", parse_yen),
            Column("改定年月", "revision_month", parse_month),
            Column("支払者", "payer", _text(100), required=False),
        ),
        fact_keys=("pension_kind",),
        check=_check_pension,
    ),
    CARE_PREMIUM: Layout(
        CARE_PREMIUM,
        "介護保険料",
        (
            *PERSON,
            Column("被保険者番号", "insured_number", lambda t: parse_digits(t, 10, "被保険者番号")),
            Column("保険料段階", "stage", _stage),
            Column("年額", "annual_amount", parse_yen),
            Column("月額", "monthly_amount", parse_yen),
            Column("徴収方法", "collection", _choice(COLLECTION, "徴収方法")),
            Column("適用年月", "month", parse_month),
        ),
        check=_check_premium,
    ),
    CARE_CERTIFICATION: Layout(
        CARE_CERTIFICATION,
        "要介護認定",
        (
            *PERSON,
            Column("被保険者番号", "insured_number", lambda t: parse_digits(t, 10, "被保険者番号")),
            Column("要介護状態区分", "care_level", _choice(CARE_LEVELS, "要介護状態区分")),
            Column("認定有効期間開始日", "valid_from", parse_date),
            Column("認定有効期間終了日", "valid_until", parse_date),
        ),
        check=_check_certification,
    ),
    DISABILITY_CERTIFICATE: Layout(
        DISABILITY_CERTIFICATE,
        "障害者手帳",
        (
            *PERSON,
            Column("手帳の種類", "certificate", _choice(CERTIFICATES, "手帳の種類")),
            Column("等級", "grade", _text(10)),
            Column("交付日", "issued_on", parse_date),
            Column("有効期限", "valid_until", parse_date, required=False),
        ),
        fact_keys=("certificate",),
        check=_check_certificate,
    ),
    RESIDENT_CHANGE: Layout(
        RESIDENT_CHANGE,
        "住民異動",
        (
            Column("異動種別", "event", _choice(RESIDENT_EVENTS, "異動種別")),
            Column("異動日", "moved_on", parse_date),
            *PERSON,
            Column("性別", "sex", _choice(SEXES, "性別"), required=False),
            Column("世帯主の宛名番号", "head_number", _resident_number, required=False),
            Column("異動後の郵便番号", "new_postal_code", lambda t: parse_digits(t, 7, "郵便番号"), required=False),
            Column("異動後の住所", "new_address", _text(200), required=False),
        ),
        fact_keys=("event", "moved_on"),
        check=_check_resident,
    ),
}

# Grades of 療育手帳 are written several ways by prefectures; these are read as the two levels
# the 障害者加算 distinguishes (decision 0029).
_GRADE_SPELLINGS = {"A1": "A", "A2": "A", "B1": "B", "B2": "B", "1": "1級", "2": "2級", "3": "3級"}


@dataclass
class Row:
    line: int  # the line of the file (the header is line 1)
    values: dict

    @property
    def person_key(self) -> tuple:
        """Who the row is about, as the file says it: the 宛名番号, else kana and birth date."""
        if self.values.get("resident_number"):
            return ("number", self.values["resident_number"])
        return ("kana", search_key(self.values["kana"]), self.values["birth_date"])


@dataclass
class Refusal:
    errors: list[str] = field(default_factory=list)
    more: int = 0

    def add(self, line: int | None, header: str | None, message: str) -> None:
        if len(self.errors) >= MAX_ERRORS:
            self.more += 1
            return
        where = f"{line}行目" if line else "ファイル"
        self.errors.append(f"{where}・{header}: {message}" if header else f"{where}: {message}")

    def __bool__(self) -> bool:
        return bool(self.errors)

    @property
    def messages(self) -> list[str]:
        tail = [f"ほかに{self.more:,}件の誤りがあります（最初の{MAX_ERRORS}件だけを示しました）。"] if self.more else []
        return self.errors + tail


class FileRefused(Exception):
    """The file cannot be applied; `refusal.messages` name the rows and columns."""

    def __init__(self, refusal: Refusal):
        super().__init__("; ".join(refusal.messages[:3]))
        self.refusal = refusal


@dataclass
class ParsedFile:
    layout: Layout
    encoding: str
    rows: list[Row]


def _header(layout: Layout, names: list[str], refusal: Refusal) -> list[Column | None]:
    by_header = {c.header: c for c in layout.columns}
    names = [cell(n) for n in names]
    for name in names:
        if name not in by_header:
            refusal.add(1, name or "（空の列名）", f"{layout.label}の様式にない列です。")
    seen = set()
    for name in names:
        if name in seen:
            refusal.add(1, name, "同じ列が2回あります。")
        seen.add(name)
    for column in layout.columns:
        if column.required and column.header not in names:
            refusal.add(1, column.header, "必須の列がありません。")
    return [by_header.get(name) for name in names]


def _parse_row(layout: Layout, columns, cells: list[str], line: int, refusal: Refusal) -> Row | None:
    if len(cells) != len(columns):
        refusal.add(line, None, f"列の数が見出しと違います（見出し{len(columns)}列、この行{len(cells)}列）。")
        return None
    values, bad = {}, False
    for column, text in zip(columns, cells, strict=True):
        if not cell(text):
            if column.required:
                refusal.add(line, column.header, "必須です。")
                bad = True
            continue
        if column.key == "grade":
            text = _GRADE_SPELLINGS.get(cell(text), cell(text))
        try:
            values[column.key] = column.parse(text)
        except ValueError as exc:
            refusal.add(line, column.header, str(exc))
            bad = True
    if bad:
        return None
    for key, message in layout.check(values).items():
        refusal.add(line, layout.header_of(key), message)
        bad = True
    return None if bad else Row(line, values)


def _check_repeats(layout: Layout, rows: list[Row], refusal: Refusal) -> list[Row]:
    """The same fact of the same person twice: refused when the values differ, read once when not."""
    first: dict[tuple, Row] = {}
    kept = []
    for row in rows:
        key = (row.person_key, *(row.values.get(k) for k in layout.fact_keys))
        seen = first.get(key)
        if seen is None:
            first[key] = row
            kept.append(row)
        elif seen.values != row.values:
            refusal.add(row.line, None, f"{seen.line}行目と同じ人の同じ項目で、値が違います。")
    return kept


def read_file(source: str, data: bytes) -> ParsedFile:
    """Every row of the file parsed and checked, or FileRefused naming each bad row and column."""
    layout = LAYOUTS[source]
    refusal = Refusal()
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        refusal.add(None, None, str(exc))
        raise FileRefused(refusal) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        names = next(reader, None)
        if not names:
            refusal.add(None, None, "空のファイルです（1行目に見出しが必要です）。")
            raise FileRefused(refusal)
        columns = _header(layout, names, refusal)
        if refusal:
            raise FileRefused(refusal)
        rows = []
        for cells in reader:
            line = reader.line_num
            if not any(cell(c) for c in cells):
                continue  # a blank line (often the last)
            if len(rows) >= MAX_ROWS:
                refusal.add(line, None, f"{MAX_ROWS:,}行を超えています。ファイルを分けてください。")
                break
            row = _parse_row(layout, columns, cells, line, refusal)
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        refusal.add(reader.line_num, None, f"CSVとして読めません（{exc}）。")
        raise FileRefused(refusal) from None
    rows = _check_repeats(layout, rows, refusal)
    if not rows and not refusal:
        refusal.add(None, None, "データの行がありません。")
    if refusal:
        raise FileRefused(refusal)
    return ParsedFile(layout, encoding, rows)


def iso(values: dict) -> dict:
    """The row's values as JSON can hold them (dates as ISO text)."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}
