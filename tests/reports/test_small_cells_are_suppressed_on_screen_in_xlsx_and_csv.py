"""An office that requires suppression: a count below its threshold prints as 秘匿 with a footnote on the
page, in the XLSX and in the CSV; zero and counts at the threshold print as they are; money is never
suppressed; with the threshold at 0 nothing is."""

import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from hogo.reports import outputs
from hogo.reports.models import ReportSettings
from hogo.reports.rules import suppress

from .report_helpers import computed, populate


@pytest.fixture(autouse=True)
def late_enough(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 3))


def test_counts_below_the_threshold_are_suppressed_and_zero_is_not():
    assert [suppress(n, 3) for n in (0, 1, 2, 3, 10)] == [0, "秘匿", "秘匿", 3, 10]
    assert suppress(1, 0) == 1


def test_suppressed_cells_are_hidden_in_every_output(cast, login):
    populate(cast)
    ReportSettings.objects.create(office=cast.office_a, suppression_threshold=3)
    run = computed(cast.users["chief"], cast.office_a)
    assert run.threshold == 3
    page = login(cast.users["chief"]).get(reverse("report_run", args=[run.public_id])).content.decode()
    assert "秘匿" in page and "3未満の欄は" in page
    book = load_workbook(io.BytesIO(outputs.xlsx(run)))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    mothers = next(r for r in rows if r[0] == "被保護実世帯数")
    assert mothers[3] == "秘匿"  # one 母子世帯
    assert any(r[0] and "3未満の欄は" in str(r[0]) for r in rows)
    text = outputs.csv_text(run)
    assert "被保護実世帯数,母子世帯,秘匿" in text
    assert ",母子世帯,1" not in text


def test_without_a_threshold_every_count_is_shown(cast):
    populate(cast)
    run = computed(cast.users["chief"], cast.office_a)
    assert "秘匿" not in outputs.csv_text(run)
    assert "被保護実世帯数,母子世帯,1" in outputs.csv_text(run)


def test_a_run_keeps_the_threshold_it_was_run_with(cast):
    populate(cast)
    run = computed(cast.users["chief"], cast.office_a)
    ReportSettings.objects.create(office=cast.office_a, suppression_threshold=5)
    run.refresh_from_db()
    assert "秘匿" not in outputs.csv_text(run)  # reproduced as filed
