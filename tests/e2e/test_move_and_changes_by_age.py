"""Tried as a new user would: a CW records a 転居 to 札幌市 from the household page (the new 級地 and
rent), sees the comparison with the decision in force (住宅扶助 up to the new city's limit) and drafts
the change decision; then, on 「年齢等の変更」, finds the child who ages out of 児童養育加算 next April
and drafts that month's change in one click. Screenshots: var/shots/move-*.png, age-changes-*.png."""

from datetime import date

import pytest
from playwright.sync_api import expect

from hogo.decisions.models import Decision
from tests.decisions.change_helpers import under_start_decision
from tests.households.circumstance_helpers import add_member

from .shots import shoot
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _no_side_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_move_is_recorded_compared_and_drafted(cast, page):
    household = cast.households["own"]
    household.prefecture, household.rent = "東京都", 30_000
    household.save()
    start = under_start_decision(household, cast.users["cw"])

    log_in(page, "cw")
    page.goto(f"/households/{household.public_id}/")
    page.get_by_role("link", name="状況の変化を記録").click()
    page.get_by_label("変更の種類").select_option(label="転居")
    page.get_by_label("適用開始日").fill("2026-10-01")
    page.get_by_label("月額").fill("41,000円")
    page.get_by_label("転居先の住所").fill("北海道札幌市中央区北一条西二丁目1番")
    page.get_by_label("転居先の都道府県").select_option(label="北海道")
    page.get_by_label("転居先の市区町村").fill("札幌市")
    page.get_by_label("転居先の級地").select_option(label="1級地-2")
    shoot(page, "move-form")
    _no_side_scroll(page)
    page.get_by_role("button", name="記録して今の決定と比べる").click()

    comparison = page.locator(".change-comparison")
    expect(comparison.get_by_role("row", name="住宅扶助")).to_contain_text("36,000円")
    shoot(page, "move-detail")
    _no_side_scroll(page)
    page.get_by_role("button", name="この内容で変更決定を起案").click()

    decision = Decision.objects.get(household=household, kind="change")
    expect(page).to_have_url(f"/decisions/{decision.public_id}/")
    assert decision.amounts["housing"] == 36_000 and decision.benefit_total != start.benefit_total


def test_changes_by_age_are_found_and_drafted_in_one_click(cast, page):
    household = cast.households["own"]
    add_member(household, "山田 一郎", birth_date=date(2008, 6, 10), sex="male", relation="child")
    under_start_decision(household, cast.users["cw"])

    log_in(page, "cw")
    page.goto("/")
    page.get_by_role("link", name="年齢等の変更").click()
    page.get_by_label("対象の月").fill("2027-04")
    page.get_by_role("button", name="表示").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("年齢等による変更（令和9年4月）")
    expect(page.get_by_role("row", name=household.case_number)).to_contain_text("児童養育加算の対象")
    shoot(page, "age-changes")
    _no_side_scroll(page)
    page.get_by_role("button", name="令和9年4月分の変更決定をまとめて起案").click()

    expect(page.get_by_text("変更決定を1件起案しました")).to_be_visible()
    assert Decision.objects.filter(household=household, kind="change", effective_from=date(2027, 4, 1)).exists()
