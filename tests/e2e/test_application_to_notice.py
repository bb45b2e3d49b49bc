"""A caseworker records a consultation, takes an application, completes the checklist, runs the
need test and drafts a start decision; the supervisor and the chief approve; the notice PDF opens
and reads as Japanese — all in Chromium."""

import re
import subprocess
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.households.models import CaseworkerAssignment

from .shots import shoot
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_out(page):
    page.get_by_role("button", name="ログアウト").click()
    expect(page.get_by_role("heading", name="ログイン")).to_be_visible()


def test_from_consultation_to_an_approved_decision_and_its_notice(cast, page, tmp_path):
    household = cast.households["unassigned"]
    CaseworkerAssignment.objects.create(household=household, caseworker=cast.staff["cw"], valid_from=date(2020, 4, 1))
    household.rent = 42000
    household.prefecture = "東京都"
    household.save()

    log_in(page, "cw")
    page.goto(f"/households/{household.public_id}/")
    page.get_by_role("link", name="面接相談を記録").click()
    page.get_by_label("来所者").fill("木村 陽子")
    page.get_by_label("相談内容（主訴）").fill("仕事を失い家賃が払えない")
    page.get_by_label("説明した内容").fill("保護の要件、申請の手続、必要な書類")
    page.get_by_label(re.compile("保護の申請が権利であること")).check()
    page.get_by_label("結果").select_option("application")
    page.locator("main").get_by_role("button", name="記録する").click()
    expect(page.locator(".message")).to_contain_text("面接相談を記録しました")

    page.get_by_role("link", name="申請を受け付ける").click()
    page.get_by_label(re.compile(r"^申請者")).fill("木村 陽子")
    page.get_by_label("保護を受けようとする理由").fill("失業により生活が困難")
    page.get_by_label("保護申請書").check()
    page.locator("main").get_by_role("button", name="受け付ける").click()
    expect(page.get_by_role("heading", name="決定期限")).to_be_visible()
    expect(page.locator(".deadline")).to_contain_text("あと14日")

    rows = page.locator("form.inline-form[action*='/checklist/']")
    for i in range(rows.count()):
        form = page.locator("form.inline-form[action*='/checklist/']").nth(i)
        form.locator("select[name$='-status']").select_option("done")
        form.locator("input[name$='-done_on']").fill(timezone.localdate().isoformat())
        form.get_by_role("button", name="保存").click()
        expect(page.locator(".message")).to_contain_text("更新しました")
    expect(page.locator(".status--pending")).to_have_count(0)
    shoot(page, "guide-application", guide=True)

    page.get_by_role("button", name="要否判定を行う").click()
    expect(page.get_by_role("heading", name=re.compile("要否判定"))).to_be_visible()
    expect(page.locator(".summary")).to_contain_text("要保護")
    page.get_by_role("link", name="申請に戻る").click()
    page.get_by_role("link", name="開始決定を起案").click()
    page.get_by_label(re.compile(r"^理由")).fill("世帯の収入が最低生活費に満たないため保護を開始する。")
    page.locator("main").get_by_role("button", name="起案する").click()
    expect(page.locator(".message")).to_contain_text("起案しました")
    decision_url = page.url
    log_out(page)

    for approver, message in (("sv", "次の決裁者に回りました"), ("chief", "決定の効力が生じました")):
        log_in(page, approver)
        page.goto(decision_url)
        page.get_by_role("button", name="承認する").click()
        expect(page.locator(".message")).to_contain_text(message)
        log_out(page)

    log_in(page, "cw")
    page.goto(decision_url)
    expect(page.locator("h1 .status")).to_have_text("決裁済")
    pdf_url = page.get_by_role("link", name="通知書（PDF）").get_attribute("href")
    response = page.request.get(pdf_url)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    path = tmp_path / "notice.pdf"
    path.write_bytes(response.body())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.replace(
        "\n", ""
    )
    assert "保護開始決定通知書" in text and "木村 陽子 様" in text and "東京都知事" in text and "42,000円" in text

    page.goto(f"/households/{household.public_id}/ledger/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("月別の保護費")
    expect(page.locator(".ledger-table thead")).to_contain_text("住宅扶助")  # owed: its column is there
    expect(page.locator(".ledger-table thead")).not_to_contain_text("教育扶助")  # never owed: no column
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shoot(page, "guide-ledger", guide=True)
