"""The XLSX opens with openpyxl and is laid out like the forms: the heading block (統計・福祉事務所・対象月
in 和暦), each table's title, its column labels (世帯類型, 扶助の種類, the reasons) and row labels, the
same numbers as the screen, and no name of anyone."""

import io
from datetime import date

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from hogo.reports import outputs

from .report_helpers import computed, populate, row


@pytest.fixture(autouse=True)
def late_enough(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 3))


def cells(data: bytes) -> list[list]:
    book = load_workbook(io.BytesIO(data))
    return [[c for c in r] for r in book.worksheets[0].iter_rows(values_only=True)]


def test_the_monthly_workbook_has_the_forms_row_and_column_labels(cast):
    populate(cast)
    run = computed(cast.users["chief"], cast.office_a)
    rows = cells(outputs.xlsx(run))
    text = {str(c) for r in rows for c in r if c is not None}
    assert "被保護者調査（月次調査）" in text
    assert {"令和8年11月", cast.office_a.name}.issubset(text)
    for label in ("総数", "高齢者世帯", "母子世帯", "障害者世帯", "傷病者世帯", "その他の世帯"):
        assert label in text
    for label in ("被保護実世帯数", "現に保護を受けた世帯", "保護停止中の世帯", "被保護実人員", "扶助人員"):
        assert label in text
    for label in ("生活扶助", "住宅扶助", "教育扶助", "医療扶助", "介護扶助", "出産扶助", "生業扶助", "葬祭扶助"):
        assert label in text
    assert "傷病による" in text and "働きによる収入の増加・取得" in text and "死亡" in text
    households = next(r for r in rows if r[0] == "被保護実世帯数")
    assert list(households[1:7]) == row(run, "households", "被保護実世帯数")


def test_the_workbook_names_nobody(cast):
    populate(cast)
    run = computed(cast.users["chief"], cast.office_a)
    book = load_workbook(io.BytesIO(outputs.xlsx(run)))
    text = " ".join(str(c) for sheet in book.worksheets for r in sheet.iter_rows(values_only=True) for c in r if c)
    for person in ("山田 太郎", "松本 さくら", "井上 健", "世帯員", cast.staff["chief"].name, cast.staff["cw"].name):
        assert person not in text


def test_the_second_sheet_holds_the_checks_and_the_data_version(cast):
    populate(cast)
    run = computed(cast.users["chief"], cast.office_a)
    book = load_workbook(io.BytesIO(outputs.xlsx(run)))
    sheet = book["検算と版"]
    values = [r for r in sheet.iter_rows(values_only=True)]
    assert ("前月末 + 開始 − 廃止 = 当月末", "一致") in values
    assert any(r[0] == "audit_last_id" for r in values)


def test_the_annual_workbook_has_the_size_and_age_labels_as_of_the_end_of_july(cast):
    populate(cast)
    run = computed(cast.users["chief"], cast.office_a, report="annual", month="2026-11")
    text = {str(c) for r in cells(outputs.xlsx(run)) for c in r if c is not None}
    assert run.month == date(2026, 7, 1) and run.reference_date == date(2026, 7, 31)
    assert {"1人", "2人", "3人", "4人以上", "75歳以上", "男", "女", "令和8年7月"}.issubset(text)
