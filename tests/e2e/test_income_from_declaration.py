"""Tried as a new user would: a CW receives a 収入申告 for a working member, enters the pay-slip figures
from the declaration page, and sees the recognised income with its 基礎控除 line and the benefit before
and after; a second entry of the same pay is refused with the field named. Screenshots at 768 and
1280 px are kept in var/shots/income-*.png."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from hogo.followups.models import Declaration

from . import shots
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.BASE_DIR) / "var" / "shots"


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (768, 1280):
        page.set_viewport_size({"width": width, "height": 1000})
        page.screenshot(path=str(SHOTS / f"income-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 768, "height": 1000})


def fill_pay_slip(page, gross):
    page.get_by_label("支払者・勤務先").fill("みなと青果")
    page.get_by_label("内訳").fill("給与")
    page.get_by_label("認定開始月").fill("2026-10")
    page.get_by_label("月額（総支給額）").fill(gross)
    page.get_by_label("所得税").fill("1,000")
    page.get_by_label("住民税").fill("500")
    page.get_by_label("社会保険料").fill("14000")
    page.get_by_label("通勤費（実費）").fill("5000")


def receive_income_declaration(page, household):
    """The CW receives a 収入申告 (October's pay) from the household page; the declaration."""
    page.goto(f"/households/{household.public_id}/")
    page.get_by_role("link", name="申告を受け付ける").click()
    page.get_by_label("種類").select_option(label="収入申告")
    page.get_by_label("受付日").fill((timezone.localdate() - timedelta(days=1)).isoformat())
    page.get_by_label("対象期間").fill("10月分")
    page.get_by_label("内容の要点").fill("10月分給与 総支給 100,000円（明細あり）")
    page.get_by_role("button", name="受け付ける").click()
    expect(page.get_by_text("受け付けました")).to_be_visible()
    return Declaration.objects.get(household=household)


def test_the_caseworker_enters_a_pay_slip_from_the_declaration_and_sees_the_recognised_income(cast, page):
    household = cast.households["own"]
    log_in(page, "cw")
    declaration = receive_income_declaration(page, household)

    page.goto(f"/declarations/{declaration.public_id}/")
    expect(page.get_by_role("heading", name="申告と認定")).to_be_visible()
    page.get_by_role("link", name="給与明細などの数字を入力").click()
    expect(page.get_by_text("10月分給与 総支給 100,000円")).to_be_visible()
    fill_pay_slip(page, "100,000円")
    shoot(page, "form")
    page.get_by_role("button", name="登録して認定額を見る").click()

    expect(page.get_by_text("申告の収入を登録しました。")).to_be_visible()
    effect = page.locator(".income-effect")
    expect(effect.get_by_role("cell", name="基礎控除", exact=True)).to_be_visible()
    expect(effect.get_by_role("cell", name="23,600円")).to_be_visible()
    expect(effect.get_by_role("row", name="就労収入の認定額")).to_contain_text("55,900円")
    before_after = effect.locator(".before-after")
    expect(before_after.get_by_role("row", name="収入充当額")).to_contain_text("0円")
    expect(before_after.get_by_role("row", name="収入充当額")).to_contain_text("55,900円")
    expect(before_after.get_by_role("row", name="扶助額（月額）")).to_contain_text("−55,900円")
    shoot(page, "result")
    shots.shoot(page, "guide-income", guide=True)

    page.goto(f"/declarations/{declaration.public_id}/")
    expect(page.locator(".declared-vs-recognised")).to_contain_text("100,000円")

    page.get_by_role("link", name="給与明細などの数字を入力").click()
    fill_pay_slip(page, "100000")
    page.get_by_role("button", name="登録して認定額を見る").click()
    expect(page.locator("#id_since_error")).to_contain_text("登録済みです")
    shoot(page, "refused")
