"""Issue 15, tried as a new user would: a member is hospitalised; the CW records it from the
household page; after the month rule (the month after admission, 原文未確認 — decision 0019) the
comparison and the drafted change decision put that member on 入院患者日用品費 instead of the
at-home amounts."""

from datetime import date

import pytest
from playwright.sync_api import expect

from hogo.decisions.models import Decision
from tests.households.circumstance_helpers import add_member, under_start_decision

from .shots import shoot
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_after_the_month_rule_the_draft_puts_the_hospitalised_member_on_the_inpatient_allowance(cast, page):
    household = cast.households["own"]
    wife = add_member(household, "山田 花子", birth_date=date(1952, 2, 1))
    start = under_start_decision(household, cast.users["cw"])

    log_in(page, "cw")
    page.goto(f"/households/{household.public_id}/")
    page.get_by_role("link", name="状況の変化を記録").click()
    page.get_by_label("変更の種類").select_option(label="入院")
    page.get_by_label("世帯員").select_option(label="山田 花子")
    page.get_by_label("適用開始日").fill("2026-10-07")
    page.get_by_role("button", name="記録して今の決定と比べる").click()

    comparison = page.locator(".change-comparison")
    expect(comparison.get_by_role("heading")).to_have_text("今の決定との比較（令和8年11月分から）")
    shoot(page, "hospital-comparison")
    page.get_by_role("button", name="この内容で変更決定を起案").click()

    decision = Decision.objects.get(household=household, kind="change")
    expect(page).to_have_url(f"/decisions/{decision.public_id}/")
    assert decision.effective_from == date(2026, 11, 1)
    assert decision.amounts["living"] != start.amounts["living"]
    inpatient = [line for line in decision.need_test.result["explanation"] if line["code"] == "inpatient_allowance"]
    assert [(line["member"], line["amount"]) for line in inpatient] == [(str(wife.public_id), 23_110)]
    assert "山田 花子さんの入院" in decision.reasons
