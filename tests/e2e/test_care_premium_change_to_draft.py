"""Tried as a new user would: a CW opens the household page, records a 介護保険料（普通徴収）from the
納入通知書, sees the comparison with the decision in force (介護保険料加算 added to 生活扶助) and drafts
the change decision. Screenshots: var/shots/circumstance-*.png."""

import pytest
from playwright.sync_api import expect

from hogo.decisions.models import Decision
from tests.decisions.change_helpers import under_start_decision

from .shots import shoot
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_recorded_care_premium_is_compared_and_drafted_as_a_change_decision(cast, page):
    household = cast.households["own"]
    start = under_start_decision(household, cast.users["cw"])

    log_in(page, "cw")
    page.goto(f"/households/{household.public_id}/")
    page.get_by_role("link", name="状況の変化を記録").click()
    page.get_by_label("変更の種類").select_option(label="介護保険料（普通徴収の月額）")
    page.get_by_label("世帯員").select_option(label="山田 太郎")
    page.get_by_label("適用開始日").fill("2026-10-01")
    page.get_by_label("月額").fill("3,000円")
    page.get_by_label("確認した書類").select_option(label="介護保険料納入通知書")
    shoot(page, "circumstance-form")
    page.get_by_role("button", name="記録して今の決定と比べる").click()

    comparison = page.locator(".change-comparison")
    expect(comparison.get_by_role("heading")).to_have_text("今の決定との比較（令和8年10月分から）")
    expect(comparison.get_by_role("row", name="合計（月額）")).to_contain_text(f"{start.benefit_total + 3_000:,}円")
    shoot(page, "circumstance-detail")
    page.get_by_role("button", name="この内容で変更決定を起案").click()

    decision = Decision.objects.get(household=household, kind="change")
    expect(page).to_have_url(f"/decisions/{decision.public_id}/")
    assert decision.benefit_total == start.benefit_total + 3_000
