"""The trend charts are drawn on the server as SVG (no script): each is an image with a title and a
description that reads out every value, and the page gives the same figures as a table. They show on
the report run's page and on the SV dashboard, for the last 12 months."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.reports.charts import line_chart, trend_charts

from .report_helpers import computed, populate


@pytest.fixture(autouse=True)
def late_enough(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 3))


def test_a_line_chart_is_an_svg_image_whose_description_reads_every_value():
    svg = line_chart("被保護世帯数（月末）", ["令和8年10月", "令和8年11月"], [("被保護世帯数", [12, 15])], unit="世帯")
    assert svg.startswith("<svg") and 'role="img"' in svg and "<script" not in svg
    assert "<title" in svg and "令和8年10月 12世帯、令和8年11月 15世帯" in svg
    assert svg.count("<circle") == 2


def test_the_monthly_run_holds_twelve_months_and_four_charts(cast, login):
    populate(cast)
    run = computed(cast.users["chief"], cast.office_a)
    months = run.result["trends"]["months"]
    assert len(months) == 12 and months[-1]["label"] == "令和8年11月"
    assert months[-1]["households"] == 8 and months[-1]["starts"] == 1 and months[-1]["terminations"] == 1
    assert [c["key"] for c in trend_charts(run.result["trends"])] == [
        "households",
        "movements",
        "compliance",
        "overdue",
    ]
    page = login(cast.users["chief"]).get(reverse("report_run", args=[run.public_id])).content.decode()
    assert len(re.findall(r'<svg[^>]*role="img"', page)) == 4
    assert "数値の表（被保護世帯数（月末））" in page


def test_the_reports_page_shows_the_latest_monthly_charts(cast, login):
    populate(cast)
    computed(cast.users["chief"], cast.office_a)
    page = login(cast.users["clerk"]).get(reverse("report_index")).content.decode()
    assert 'id="trends"' in page and len(re.findall(r"<svg", page)) == 4


def test_the_sv_dashboard_shows_the_teams_trends(cast, login):
    populate(cast)
    page = login(cast.users["sv"]).get(reverse("team")).content.decode()
    assert 'id="team-trends"' in page
    assert len(re.findall(r'<svg[^>]*role="img"', page)) == 4
    assert "期限切れの確認事項（月末）" in page


def test_a_month_without_a_value_breaks_the_line():
    svg = line_chart("14日以内", ["1月", "2月", "3月", "4月", "5月"], [("割合", [100, 50, None, 80, 90])], unit="%")
    assert svg.count("<polyline") == 2 and svg.count("<circle") == 4
    assert "3月 —" in svg
