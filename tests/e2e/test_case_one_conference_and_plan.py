"""Tried as a new user would: 事例その1 of seed 002 in the browser — the household's issues, the
need assessment suggesting the agencies of 表26, a conference with pledges, materials, minutes and
role assignments, the support plan printed, and its monitoring date as a follow-up."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.collaboration import matching
from hogo.collaboration.models import Agency
from tests.collaboration.conftest import make_member

from .shots import shoot
from .test_application_to_notice import log_out
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TABLE_26 = [
    "地域包括支援センター",
    "社会福祉協議会",
    "中核機関",
    "基幹相談支援センター",
    "ひきこもり支援センター",
    "医療施設",
    "保健所",
    "動物愛護担当",
    "NPO法人 ねこの手",
]


def test_case_one_from_issues_to_a_printed_plan_and_its_monitoring_follow_up(cast, page):
    office = cast.office_a
    agencies = {
        kind: Agency.objects.create(office=office, name=f"みなと市{label}", kind=kind)
        for kind, label in matching.kinds()
    }
    Agency.objects.create(office=office, name="みなと市 動物愛護担当", kind="other", extra_issues=["多頭飼育"])
    Agency.objects.create(office=office, name="NPO法人 ねこの手", kind="other", extra_issues=["多頭飼育"])
    make_member(agencies["community_care_centre"], "houkatsu", "包括 太郎")
    household = cast.households["own"]
    today = timezone.localdate()

    log_in(page, "cw")
    page.goto(f"/households/{household.public_id}/")
    for label in ["要介護者", "金銭管理困難者", "支援拒否", "ひきこもり", "障害者"]:
        page.get_by_role("link", name="課題を記録").click()
        page.get_by_label("課題（表24）").select_option(label=label)
        page.get_by_role("button", name="記録する").click()
        expect(page.get_by_text("課題を記録しました。")).to_be_visible()
    page.get_by_role("link", name="課題を記録").click()
    page.get_by_label("その他の課題").fill("多頭飼育")
    page.get_by_role("button", name="記録する").click()

    page.get_by_role("link", name="会議を開くか検討する").click()
    suggestions = page.locator(".suggestions")
    for name in TABLE_26:
        expect(suggestions).to_contain_text(name)
    page.get_by_label("検討のきっかけ").select_option(label="CWの判断")
    page.get_by_label("表出している課題の背景").fill(
        "A さんの骨折で収入がなくなり、認知症の疑い。B さんは長年ひきこもり。猫の多頭飼育で大家から苦情。"
    )
    page.get_by_label("連携の型").select_option(label="どのように支援していけばよいかを考えるための連携")
    page.get_by_label("会議を開くか").select_option(label="会議を開く")
    page.get_by_label("判断の理由").fill("世帯内に複数の課題があるため、関係機関を一度に招集して支援方針を協議する。")
    page.get_by_role("button", name="記録する").click()

    expect(page.get_by_role("heading", name="調整会議を作る")).to_be_visible()
    page.get_by_label("会議の目的").fill("A さんの受診と B さんへの支援方針、多頭飼育への対応を協議する")
    for name in TABLE_26:
        page.locator("fieldset", has_text=name).first.locator("input[type=checkbox]").check()
    page.get_by_label("みなと市地域包括支援センターを招集する目的").fill(
        "A さんの認知症の疑いと受診拒否への対応を相談する"
    )
    page.get_by_role("button", name="会議を作る").click()
    expect(page.get_by_text("会議を作りました。")).to_be_visible()
    expect(page.locator(".consent-box")).to_contain_text("同意なし")

    page.get_by_label("候補日時").fill((today + timedelta(days=7)).strftime("%Y-%m-%dT14:00"))
    page.get_by_role("button", name="追加").click()
    page.get_by_role("button", name="構成員にする").click()
    expect(page.get_by_text("誓約待ち（資料は見られません）")).to_be_visible()
    page.get_by_label("世帯構成（続柄・年齢）").check()
    page.get_by_label("世帯の課題").check()
    page.get_by_role("button", name="資料を作る").click()
    expect(page.locator(".material")).to_contain_text("構成員の守秘義務")
    shoot(page, "guide-conference", guide=True)
    conference_url = page.url
    log_out(page)

    log_in(page, "houkatsu")
    expect(page.get_by_role("heading", name="参加している会議")).to_be_visible()
    page.get_by_role("link", name=re.compile("A さんの受診")).click()
    expect(page.get_by_text("署名するまで会議資料は表示されません。")).to_be_visible()
    page.get_by_role("button", name="誓約に署名する").click()
    expect(page.locator(".material")).to_contain_text("【世帯の課題】")
    page.get_by_label("参加できる").check()
    page.get_by_role("button", name="回答する").click()
    log_out(page)

    log_in(page, "cw")
    page.goto(conference_url)
    expect(page.get_by_text("誓約済み")).to_be_visible()
    page.get_by_label("開催日").fill(today.isoformat())
    page.locator("form", has_text="会議録を保存").get_by_label("みなと市地域包括支援センター").check()
    page.get_by_label("会議録").fill("緊急性をもって対応すべきとの認識が揃った。まず A さんの受診を優先する。")
    page.get_by_label("結論").fill("地域包括支援センターが認知症初期集中支援チームと同行訪問する。")
    page.get_by_role("button", name="会議録を保存").click()
    expect(page.get_by_text("会議録を記録しました。")).to_be_visible()

    page.get_by_role("link", name="支援計画を作る").click()
    monitoring = today + timedelta(days=30)
    page.get_by_label("次回モニタリング予定日").fill(monitoring.isoformat())
    page.get_by_label("状況が変わったときの取り決め").fill(
        "B さんが受診に前向きになったら、CW が保健所に連絡し同行受診を依頼する。"
    )
    rows = page.locator(".assignment-row")
    rows.nth(0).get_by_label("担当者").fill("包括 太郎")
    rows.nth(0).get_by_label("対象者").fill("A さん")
    page.get_by_role("button", name="支援計画を保存").click()
    expect(page.get_by_text("担当者がいません")).to_be_visible()
    for i in range(1, 9):
        rows.nth(i).get_by_label("担当者").fill(f"担当 {i}")
        rows.nth(i).get_by_label("対象者").fill("世帯")
    page.get_by_role("button", name="支援計画を保存").click()
    expect(page.get_by_text("支援計画（第1版）を作りました。")).to_be_visible()
    response = page.request.get(page.get_by_role("link", name="PDFで開く").get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"

    page.goto(f"/households/{household.public_id}/")
    expect(page.locator("#followups .work li", has_text="支援計画のモニタリング")).to_contain_text(
        f"あと{(monitoring - today).days}日"
    )
