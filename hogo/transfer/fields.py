"""Reading the fields of a transfer record: one implementation for the record importers of both zones
(docs/transfer/README.md). Only django and the standard library here: core and portal apps both import it.

Every fault is a ValidationError naming the record (`what`) and the field or value; the importing service
refuses the whole bundle for it."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone


def office(row: dict, bundle, what: str) -> str:
    """The row's office code, which must be the bundle's own."""
    code = str(row.get("office", ""))
    if code != bundle.office_code:
        raise ValidationError(f"{what}: 団体コード {code!r} はこのバンドルの福祉事務所のものではありません。")
    return code


def iso_date(value, what: str, *, null: bool = False) -> date | None:
    """An ISO date (YYYY-MM-DD); None only when `null`."""
    if value is None and null:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"{what}: 日付 {value!r} が読めません。") from None


def aware_datetime(value, what: str, *, null: bool = False) -> datetime | None:
    """An ISO date and time with its UTC offset (a naive one is refused); None only when `null`."""
    if value is None and null:
        return None
    try:
        when = datetime.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"{what}: 日時 {value!r} が読めません。") from None
    if timezone.is_naive(when):
        raise ValidationError(f"{what}: 日時 {value!r} に時差がありません。")
    return when


def is_text(value, *, max_length: int, blank: bool) -> bool:
    """Whether `value` is a str of at most `max_length` characters, with non-space text unless `blank`."""
    return isinstance(value, str) and len(value) <= max_length and (blank or bool(value.strip()))


def text(
    row: dict,
    field: str,
    what: str,
    *,
    max_length: int | None = None,
    blank: bool = False,
    null: bool = True,
    strip: bool = False,
) -> str:
    """A text field of the row. With `blank`, a missing field (and a null one, unless `null` is False) is "";
    without, the text must have non-space characters. Faults say 「{field} がありません」 or 「{field} が長すぎます」
    with the row's key."""
    value = row.get(field, "" if blank else None)
    if value is None and blank and null:
        value = ""
    if not isinstance(value, str) or (not blank and not value.strip()):
        raise ValidationError(f"{what}: {field} がありません（{row.get('key')!r}）。")
    if max_length is not None and len(value) > max_length:
        raise ValidationError(f"{what}: {field} が長すぎます（{row.get('key')!r}）。")
    return value.strip() if strip else value
