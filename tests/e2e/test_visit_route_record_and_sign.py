"""Tried as a new user would, on a 768 px-wide browser: a caseworker opens the month's due visits,
builds a route for three households, opens the visit sheet, fills the checklist and saves; the
draft record appears; the supervisor signs it; the next visit is scheduled."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.followups.generate import regenerate_chunk
from hogo.followups.models import FollowUp, State
from hogo.followups.rules import ensure_rules
from hogo.followups.schedule import add_months
from tests.factories import make_household

from .shots import shoot
from .test_application_to_notice import log_out
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_due_visits_route_visit_sheet_draft_record_signature_and_next_visit(cast, page):
    today = timezone.localdate()
    office = cast.office_a
    office.latitude, office.longitude = Decimal("35.680000"), Decimal("139.760000")
    office.save()
    ensure_rules(office, effective_from=today - timedelta(days=400))
    households = []
    for i, (lat, lon) in enumerate(
        [("35.700000", "139.700000"), ("35.660000", "139.800000"), ("35.720000", "139.780000")]
    ):
        household = make_household(
            office, cast.staff["cw"], head_name=f"訪問 {'一二三'[i]}郎", head_kana=f"ホウモン {'イロハ'[i]}ロウ"
        )
        household.latitude, household.longitude, household.visit_grade = Decimal(lat), Decimal(lon), "C"
        household.save()
        households.append(household)
    regenerate_chunk([h.pk for h in households], today)
    first = households[0]

    log_in(page, "cw")
    page.get_by_role("link", name="訪問", exact=True).click()
    expect(page.get_by_role("heading", name="訪問予定", exact=False)).to_be_visible()
    shoot(page, "visits")
    for household in households:
        page.get_by_label(f"{household.case_number}を選ぶ").check()
    page.get_by_role("button", name="ルートを作る").click()
    expect(page.get_by_text("選んだ順に回った場合")).to_be_visible()
    expect(page.locator(".route li")).to_have_count(5)  # office, three households, office

    page.locator(".route").get_by_role("link", name=f"{first.case_number} 訪問 一郎").click()
    expect(page.get_by_role("heading", name=f"訪問シート ケース {first.case_number}")).to_be_visible()
    expect(page.get_by_role("heading", name="今回聞くこと")).to_be_visible()
    shoot(page, "guide-visit-sheet", guide=True)
    page.get_by_label("面接者").fill("世帯主 本人")
    page.locator("fieldset", has_text="生活状況").get_by_label("変化なし").check()
    page.locator("fieldset", has_text="健康状態").get_by_label("変化あり").check()
    page.locator("fieldset", has_text="健康状態").get_by_label("内容").fill("膝の痛みで整形外科に通院した")
    page.locator("fieldset", has_text="収入・就労の変化").get_by_label("変化なし").check()
    page.get_by_label("今後の方針").fill("来月、通院の状況を確認する")
    page.get_by_role("button", name="訪問を記録する").click()

    expect(page.get_by_text("訪問を記録しました。")).to_be_visible()
    body = page.locator("textarea[name=body]")
    expect(body).to_have_value(re.compile("【健康状態】変化あり。膝の痛みで整形外科に通院した。"))
    page.get_by_role("button", name="確定して確認に回す").click()
    expect(page.get_by_text("記録を確定しました。")).to_be_visible()
    record_url = page.url
    log_out(page)

    log_in(page, "sv")
    page.goto(record_url)
    page.get_by_role("button", name="内容を確認した（署名）").click()
    expect(page.get_by_text("記録を確認しました。以後は追記だけができます。")).to_be_visible()
    expect(page.get_by_role("heading", name="追記")).to_be_visible()

    following = FollowUp.objects.get(household=first, rule__code="home_visit", state=State.OPEN)
    assert following.due_on == add_months(today, 3)
    page.goto(f"/households/{first.public_id}/")
    expect(page.locator("#followups .work li", has_text="家庭訪問")).to_contain_text(
        f"あと{(following.due_on - today).days}日"
    )
