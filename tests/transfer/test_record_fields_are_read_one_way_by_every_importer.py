"""hogo.transfer.fields: the one reading of a record's office, dates, aware date-times and texts that the
importers of both zones share; every fault is a ValidationError naming the record and the field."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from hogo.transfer import fields

BUNDLE = SimpleNamespace(office_code="131016")


def refusal(call, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return caught.value.messages[0]


def test_a_row_of_another_office_than_the_bundles_is_refused():
    assert fields.office({"office": "131016"}, BUNDLE, "記録") == "131016"
    assert "団体コード '999999'" in refusal(fields.office, {"office": "999999"}, BUNDLE, "記録")
    assert refusal(fields.office, {}, BUNDLE, "記録").startswith("記録: 団体コード ''")


def test_a_date_is_iso_and_null_only_where_allowed():
    assert fields.iso_date("2026-12-03", "記録") == date(2026, 12, 3)
    assert fields.iso_date(None, "記録", null=True) is None
    assert refusal(fields.iso_date, None, "記録") == "記録: 日付 None が読めません。"
    assert refusal(fields.iso_date, "12/03", "記録") == "記録: 日付 '12/03' が読めません。"


def test_a_date_time_must_carry_its_offset():
    when = fields.aware_datetime("2026-12-03T10:00:00+09:00", "記録")
    assert when.utcoffset().total_seconds() == 9 * 3600
    assert fields.aware_datetime(None, "記録", null=True) is None
    assert refusal(fields.aware_datetime, "2026-12-03T10:00:00", "記録").endswith("に時差がありません。")
    assert refusal(fields.aware_datetime, "later", "記録") == "記録: 日時 'later' が読めません。"


def test_a_text_is_required_and_limited_unless_blank_is_allowed():
    row = {"key": "k-1", "name": "山田", "empty": "  ", "null": None, "long": "x" * 11}
    assert fields.text(row, "name", "記録", max_length=10) == "山田"
    assert refusal(fields.text, row, "empty", "記録") == "記録: empty がありません（'k-1'）。"
    assert refusal(fields.text, row, "missing", "記録") == "記録: missing がありません（'k-1'）。"
    assert refusal(fields.text, row, "long", "記録", max_length=10) == "記録: long が長すぎます（'k-1'）。"
    assert fields.text(row, "missing", "記録", blank=True) == "" and fields.text(row, "null", "記録", blank=True) == ""
    assert fields.text(row, "empty", "記録", blank=True, strip=True) == ""


def test_a_null_text_can_be_refused_even_where_a_blank_one_is_allowed():
    row = {"key": "k-1", "null": None}
    assert fields.text(row, "missing", "記録", blank=True, null=False) == ""
    assert refusal(fields.text, row, "null", "記録", blank=True, null=False) == "記録: null がありません（'k-1'）。"


def test_is_text_checks_type_length_and_blankness():
    assert fields.is_text("abc", max_length=3, blank=False)
    assert not fields.is_text("abcd", max_length=3, blank=True)
    assert not fields.is_text(" ", max_length=3, blank=False) and fields.is_text(" ", max_length=3, blank=True)
    assert not fields.is_text(None, max_length=3, blank=True) and not fields.is_text(3, max_length=3, blank=True)
