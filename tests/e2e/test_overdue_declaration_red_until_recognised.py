"""Tried as a new user would: a declaration received 10 days ago and not recognised shows red on
the caseworker's home and on the supervisor's dashboard; recognising it clears it everywhere."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .shots import shoot
from .test_application_to_notice import log_out
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_late_declaration_is_red_for_cw_and_sv_and_recognising_it_clears_it(cast, page):
    household = cast.households["own"]
    received = timezone.localdate() - timedelta(days=10)

    log_in(page, "cw")
    page.goto(f"/households/{household.public_id}/")
    page.get_by_role("link", name="申告を受け付ける").click()
    page.get_by_label("種類").select_option(label="収入申告")
    page.get_by_label("受付日").fill(received.isoformat())
    page.get_by_label("対象期間").fill("10月分")
    page.get_by_label("内容の要点").fill("給与 82,000円（明細あり）")
    page.get_by_role("button", name="受け付ける").click()
    expect(page.get_by_text("収入申告を受け付けました。")).to_be_visible()

    page.goto("/")
    row = page.locator(".work li", has_text="収入申告の認定（10月分）")
    expect(row).to_have_class("urgency--overdue")
    expect(row.locator(".urgency")).to_have_text("期限切れ")
    expect(page.locator(".counts li", has_text="未認定の申告").locator(".count")).to_have_text("1")
    shoot(page, "guide-home", guide=True)
    log_out(page)

    log_in(page, "sv")
    page.get_by_role("link", name="係の状況").click()
    cw_row = page.locator("tbody tr", has_text="佐藤 一郎")
    expect(cw_row.locator("td").nth(7)).to_have_text("1")
    expect(cw_row.locator("td").nth(7)).to_have_class("num over")
    overdue = page.locator(".work li", has_text="収入申告の認定")
    expect(overdue).to_have_class("urgency--overdue")
    expect(overdue).to_contain_text("担当 佐藤 一郎")
    shoot(page, "guide-team", guide=True)
    log_out(page)

    log_in(page, "cw")
    page.locator(".work li", has_text="収入申告の認定").get_by_role("link").click()
    expect(page.get_by_text("期限切れ（3日超過）")).to_be_visible()
    page.get_by_label("変更なし").check()
    page.get_by_label("理由").fill("認定中の就労収入と同額のため")
    page.get_by_role("button", name="認定する").click()
    expect(page.get_by_text("認定しました。")).to_be_visible()
    page.goto("/")
    expect(page.locator(".work li", has_text="収入申告の認定")).to_have_count(0)
    expect(page.locator(".counts li", has_text="未認定の申告").locator(".count")).to_have_text("0")
    log_out(page)

    log_in(page, "sv")
    page.get_by_role("link", name="係の状況").click()
    expect(page.locator("tbody tr", has_text="佐藤 一郎").locator("td").nth(7)).to_have_text("0")
    expect(page.locator(".work li", has_text="収入申告の認定")).to_have_count(0)
