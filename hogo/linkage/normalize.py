"""Reading another system's CSV: bytes to text, and each cell to the value it means. Pure functions,
no Django import; every refusal is a ValueError whose text a person can act on.

Files come from municipal systems that still write Shift_JIS (CP932, the Windows superset that has
①, 髙 and the like) as often as UTF-8, with full-width digits and dates in 和暦 written several
ways. Each cell is NFKC-normalised first (全角数字 → 半角, 半角カナ → 全角), then parsed.
"""

import re
import unicodedata
from datetime import date, timedelta

from hogo.common.wareki import ERAS

# 1–5: the era codes municipal systems use in 7-digit dates (5080401 = 令和8年4月1日)
ERA_BY_CODE = {"1": "明治", "2": "大正", "3": "昭和", "4": "平成", "5": "令和"}
ERA_BY_LETTER = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}
ERA_START = {name: start for name, start in ERAS}
_ERA_NAMES = "|".join(ERA_START)

_ISO_DAY = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$|^(\d{4})(\d{2})(\d{2})$")
_KANJI_DAY = re.compile(rf"^({_ERA_NAMES})(元|\d{{1,2}})年(\d{{1,2}})月(\d{{1,2}})日$")
_LETTER_DAY = re.compile(r"^([MTSHR])(元|\d{1,2})[-/.](\d{1,2})[-/.](\d{1,2})$")
_CODE_DAY = re.compile(r"^([1-5])(\d{2})(\d{2})(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$|^(\d{4})(\d{2})$")
_KANJI_MONTH = re.compile(rf"^({_ERA_NAMES})(元|\d{{1,2}})年(\d{{1,2}})月$")
_LETTER_MONTH = re.compile(r"^([MTSHR])(元|\d{1,2})[-/.](\d{1,2})$")
_CODE_MONTH = re.compile(r"^([1-5])(\d{2})(\d{2})$")
_YEN = re.compile(r"^\d+$")

DATE_HELP = "2026-04-01・令和8年4月1日・R8.4.1・5080401 のいずれかの形で"
MONTH_HELP = "2026-04・令和8年4月・R8.4 のいずれかの形で"


def decode(data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was in: UTF-8 (with or without BOM), else CP932."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932"), "cp932"
    except UnicodeDecodeError:
        raise ValueError("文字コードが UTF-8 でも Shift_JIS（CP932）でもありません。") from None


def cell(text: str | None) -> str:
    """A cell as compared and parsed: NFKC, surrounding spaces (full-width too) removed."""
    return unicodedata.normalize("NFKC", text or "").strip()


def _era_year(era: str, year: str) -> int:
    return ERA_START[era].year + (1 if year == "元" else int(year)) - 1


def _in_era(era: str, day: date) -> bool:
    """Whether `day` lies in `era` (平成31年5月1日 does not: 令和 began that day)."""
    names = [name for name, _ in ERAS]
    later = names.index(era) - 1  # ERAS is newest first
    ends = ERAS[later][1] if later >= 0 else None
    # 明治 is counted from its year's first day here, as the 1-digit codes of old registers do
    starts = ERA_START[era] if era != "明治" else date(1868, 1, 1)
    return starts <= day and (ends is None or day < ends)


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"存在しない日付です（{year}年{month}月{day}日）。") from None


def parse_date(text: str) -> date:
    """A day written as ISO (2026-04-01, 2026/4/1, 20260401), in 和暦 (令和8年4月1日, 令和元年5月1日),
    abbreviated (R8.4.1) or as a 7-digit era code (5080401)."""
    value = cell(text)
    if match := _ISO_DAY.match(value):
        y, m, d = (int(g) for g in match.groups() if g is not None)
        return _make(y, m, d)
    era = parts = None
    if match := _KANJI_DAY.match(value):
        era, parts = match.group(1), match.groups()[1:]
    elif match := _LETTER_DAY.match(value):
        era, parts = ERA_BY_LETTER[match.group(1)], match.groups()[1:]
    elif match := _CODE_DAY.match(value):
        era, parts = ERA_BY_CODE[match.group(1)], match.groups()[1:]
    if era is None:
        raise ValueError(f"日付は{DATE_HELP}書いてください（「{value[:20]}」）。")
    day = _make(_era_year(era, parts[0]), int(parts[1]), int(parts[2]))
    if not _in_era(era, day):
        raise ValueError(f"{era}にない日付です（「{value[:20]}」）。")
    return day


def parse_month(text: str) -> date:
    """A month (its first day) written as 2026-04, 202604, 令和8年4月, R8.4 or 50804; a full date is
    accepted when it is the 1st."""
    value = cell(text)
    era = parts = None
    if match := _ISO_MONTH.match(value):
        y, m = (int(g) for g in match.groups() if g is not None)
        return _make(y, m, 1)
    if match := _KANJI_MONTH.match(value):
        era, parts = match.group(1), match.groups()[1:]
    elif match := _LETTER_MONTH.match(value):
        era, parts = ERA_BY_LETTER[match.group(1)], match.groups()[1:]
    elif match := _CODE_MONTH.match(value):
        era, parts = ERA_BY_CODE[match.group(1)], match.groups()[1:]
    if era is not None:
        month = _make(_era_year(era, parts[0]), int(parts[1]), 1)
        last_day = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        if not (_in_era(era, month) or _in_era(era, last_day)):
            raise ValueError(f"{era}にない年月です（「{value[:20]}」）。")
        return month
    try:
        day = parse_date(value)
    except ValueError:
        raise ValueError(f"年月は{MONTH_HELP}書いてください（「{value[:20]}」）。") from None
    if day.day != 1:
        raise ValueError(f"年月は{MONTH_HELP}書いてください（日付なら1日だけ）。")
    return day


def parse_yen(text: str) -> int:
    """An amount in whole yen: digits, with thousands commas and 円 allowed."""
    value = cell(text).replace(",", "").removesuffix("円")
    if not _YEN.match(value):
        raise ValueError(f"金額は円単位の整数で書いてください（「{cell(text)[:20]}」）。")
    amount = int(value)
    if amount > 99_999_999:
        raise ValueError("金額が大きすぎます（1億円未満で書いてください）。")
    return amount


def parse_digits(text: str, length: int | None = None, name: str = "番号") -> str:
    value = cell(text).replace("-", "")
    if not value.isdigit() or not value.isascii():
        raise ValueError(f"{name}は数字で書いてください（「{cell(text)[:20]}」）。")
    if length is not None and len(value) != length:
        raise ValueError(f"{name}は{length}桁です（「{value[:20]}」）。")
    return value
