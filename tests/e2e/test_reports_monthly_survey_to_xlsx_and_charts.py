"""Tried as the office would (issue 24): the chief of the demo office asks for last month's 月次調査, the
worker computes it while the page shows the progress, the tables appear with their checks, the chief
downloads the XLSX (the form's labels, the same totals) and sees the 12-month trend charts with their
tables; the SV dashboard shows the team's charts. Screenshots: var/shots/reports-*.png."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from hogo.households.demo import OFFICES
from hogo.reports.models import ReportRun
from hogo.reports.rules import previous_month

from ..factories import PASSWORD
from .shots import shoot
from .test_login_search_open_household import log_in
from .test_payments_december_run_to_counter_repayment import log_out

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_chief_runs_the_monthly_survey_downloads_the_xlsx_and_sees_the_trends(page):
    from hogo.demo.load import load_demo

    today = timezone.localdate()
    load_demo(households=60, seed=1, password=PASSWORD, today=today)
    month = previous_month(today)

    log_in(page, "a-chief")
    page.get_by_role("link", name="統計").click()
    page.locator("#new-report").get_by_label("統計").select_option(label="被保護者調査（月次調査）")
    page.get_by_label("対象月").fill(f"{month:%Y-%m}")
    shoot(page, "reports-index")
    page.get_by_role("button", name="集計する").click()

    run = ReportRun.objects.get()
    expect(page).to_have_url(f"/reports/runs/{run.public_id}/")
    assert run.office.municipality_code == OFFICES[0].municipality_code and run.scope == "office"
    expect(page.locator("#progress")).to_contain_text("待機中")

    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)

    # the page polls the progress and reloads itself once the run is done
    expect(page.locator("#report-households")).to_contain_text("被保護実世帯数", timeout=15_000)
    run.refresh_from_db()
    assert run.status == "done"
    expect(page.locator("#report-checks")).not_to_contain_text("不一致")
    expect(page.locator("#report-flow")).to_contain_text("前月末")

    href = page.get_by_role("link", name="XLSX で出力").get_attribute("href")
    response = page.request.get(href)
    assert response.status == 200
    sheet = load_workbook(io.BytesIO(response.body())).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    text = {str(c) for r in rows for c in r if c is not None}
    assert {"被保護者調査（月次調査）", "高齢者世帯", "母子世帯", "障害者世帯", "傷病者世帯", "その他の世帯"} <= text
    households = next(r for r in rows if r[0] == "被保護実世帯数")
    expected = next(values for label, values in run.result["tables"][0]["rows"] if label == "被保護実世帯数")
    assert list(households[1 : 1 + len(expected)]) == expected

    trends = page.locator("#trends")
    expect(trends.locator('svg[role="img"]')).to_have_count(4)
    expect(trends).to_contain_text("被保護世帯数（月末）")
    trends.get_by_text("数値の表（保護の開始と廃止（月中））").click()
    expect(trends.locator("#chart-movements table")).to_be_visible()
    shoot(page, "reports-run")
    log_out(page)

    log_in(page, "a-sv01")
    page.get_by_role("link", name="係の状況").click()
    expect(page.locator('#team-trends svg[role="img"]')).to_have_count(4)
    page.locator("#team-trends").scroll_into_view_if_needed()
    shoot(page, "reports-team-trends")
