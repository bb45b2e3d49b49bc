"""A caseworker on a tablet logs in, finds a household by kana and opens it."""

import re

import pytest
from playwright.sync_api import expect

from hogo.audit.models import Action, AuditEntry

from ..factories import PASSWORD
from .shots import shoot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("ユーザー名").fill(username)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()


def test_cw_logs_in_searches_by_kana_and_opens_the_household(cast, page):
    log_in(page, "cw")
    page.get_by_role("heading", name="担当世帯").wait_for()
    # Search the team's households in hiragana; the list updates as the CW types (htmx).
    page.get_by_role("link", name="係の世帯").click()
    expect(page).to_have_url(re.compile(r"scope=all"))
    expect(page.locator("#results tbody tr")).to_have_count(2)
    page.get_by_label("氏名・ふりがな・ケース番号").fill("まつもと")
    expect(page.locator("#results tbody tr")).to_have_count(1)  # 山田 has gone from the list
    expect(page).to_have_url(re.compile(r"q=%E3%81%BE"))  # the query is in the address (htmx push-url)
    page.locator("#results").get_by_role("link", name=re.compile("松本 さくら")).click()
    page.get_by_role("heading", name="いつも確認すること").wait_for()
    assert cast.households["mate"].case_number in page.locator("h1").inner_text()
    assert "鈴木 花子" in page.locator(".always-know").inner_text()
    shoot(page, "guide-household", guide=True)
    assert page.url.endswith(f"/households/{cast.households['mate'].public_id}/")
    assert AuditEntry.objects.filter(
        action=Action.VIEW, actor_username="cw", target_id=str(cast.households["mate"].public_id)
    ).exists()


def test_keyboard_alone_reaches_the_search_and_a_household(cast, page):
    log_in(page, "cw")
    page.get_by_role("heading", name="担当世帯").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "本文へ移動"
    page.get_by_label("氏名・ふりがな・ケース番号").focus()
    page.keyboard.type("ﾔﾏﾀﾞ")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=%EF%BE%94"))
    expect(page.locator("#results tbody tr")).to_have_count(1)
    link = page.locator("#results").get_by_role("link", name=re.compile("山田 太郎"))
    link.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="いつも確認すること").wait_for()


def test_a_household_of_another_office_is_not_found_in_the_browser(cast, page):
    log_in(page, "cw")
    page.get_by_role("heading", name="担当世帯").wait_for()
    response = page.goto(f"/households/{cast.households['b_household'].public_id}/")
    assert response.status == 404


def test_wrong_password_shows_a_message_and_stays_on_login(cast, page):
    page.goto("/accounts/login/")
    page.get_by_label("ユーザー名").fill("cw")
    page.get_by_label("パスワード").fill("not-the-password")
    page.get_by_role("button", name="ログイン").click()
    assert "ユーザー名又はパスワードが違います" in page.locator("[role=alert]").inner_text()
