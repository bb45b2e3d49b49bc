"""Tried as a new user would: the supervisor opens 決裁待ち from the header (its count says 5),
sees the work grouped by kind, oldest first, opens the decision and approves it; the chief then finds
it in their own inbox. The caseworker opens 差戻し and reads why their draft came back. Screenshots
at 768 and 1280 px are kept in var/shots/inbox-*.png."""

import re

import pytest
from playwright.sync_api import expect

from tests.approvals.inbox_work import RETURN_REASON, decision_draft, make_work

from .shots import shoot
from .test_application_to_notice import log_out
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def open_from_the_header(page, label, count):
    link = page.locator(".site-nav").get_by_role("link", name=re.compile(f"^{label}"))
    expect(link.locator(".badge")).to_have_text(f"{count}件")
    link.click()


def test_the_supervisor_approves_from_the_inbox_and_the_caseworker_reads_the_return(cast, page):
    work = make_work(cast)
    decision_draft(cast.households["mate"], cast.users["cw_mate"], days_ago=8)  # the oldest of the group

    log_in(page, "sv")
    open_from_the_header(page, "決裁待ち", 5)
    expect(page.get_by_role("heading", name="決裁待ち 5件")).to_be_visible()
    decisions = page.locator("#decisions tbody tr")
    expect(decisions).to_have_count(2)
    expect(decisions.first).to_contain_text("鈴木 花子")  # drafted 8 days ago, before the CW's draft of 3 days ago
    shoot(page, "inbox-sv", guide=True)

    decisions.nth(1).get_by_role("link").click()
    page.get_by_role("button", name="承認する").click()
    expect(page.get_by_text("承認しました。次の決裁者に回りました。")).to_be_visible()
    open_from_the_header(page, "決裁待ち", 4)
    expect(page.locator("#decisions tbody tr")).to_have_count(1)
    log_out(page)

    log_in(page, "chief")
    open_from_the_header(page, "決裁待ち", 2)
    expect(page.locator("#decisions tbody tr")).to_have_count(2)
    expect(page.locator("#decisions")).to_contain_text("山田 太郎")
    shoot(page, "inbox-chief")
    log_out(page)

    log_in(page, "cw")
    open_from_the_header(page, "差戻し", 1)
    expect(page.get_by_role("heading", name="差し戻された起案 1件")).to_be_visible()
    expect(page.locator("#decisions")).to_contain_text(RETURN_REASON)
    expect(page.locator("#decisions")).to_contain_text("高橋 誠")
    shoot(page, "inbox-cw-returned")
    expect(page.locator("#decisions a.row-link")).to_have_attribute("href", f"/decisions/{work.returned.public_id}/")
