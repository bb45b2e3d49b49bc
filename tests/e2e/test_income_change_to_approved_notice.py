"""Tried as a new user would (issue 15, the first e2e of "Done when"): a CW receives a 収入申告 for the
working head of a household under assistance, enters the pay-slip figures from the declaration page,
sees the recognised income with its 基礎控除 line and the benefit before and after, drafts the change
decision with 「この内容で変更決定を起案」; the SV finds it in 決裁待ち and approves, the chief approves,
and the notice (pdftotext) shows the amounts before and after. Screenshots: var/shots/change-*.png."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from hogo.decisions.models import Decision
from tests.decisions.change_helpers import under_start_decision

from .shots import shoot
from .test_application_to_notice import log_out
from .test_income_from_declaration import fill_pay_slip, receive_income_declaration
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_declared_pay_slip_becomes_an_approved_change_with_before_and_after_on_the_notice(cast, page, tmp_path):
    household = cast.households["own"]
    start = under_start_decision(household, cast.users["cw"])
    after = start.benefit_total - 55_900

    log_in(page, "cw")
    declaration = receive_income_declaration(page, household)

    page.goto(f"/declarations/{declaration.public_id}/")
    page.get_by_role("link", name="給与明細などの数字を入力").click()
    fill_pay_slip(page, "100,000円")
    page.get_by_role("button", name="登録して認定額を見る").click()

    effect = page.locator(".income-effect")
    expect(effect.get_by_role("cell", name="基礎控除", exact=True)).to_be_visible()
    expect(effect.get_by_role("cell", name="23,600円")).to_be_visible()
    expect(effect.locator(".before-after").get_by_role("row", name="扶助額（月額）")).to_contain_text("−55,900円")
    comparison = page.locator(".change-comparison")
    expect(comparison.get_by_role("heading")).to_have_text("今の決定との比較（令和8年10月分から）")
    total = comparison.get_by_role("row", name="合計（月額）")
    expect(total).to_contain_text(f"{start.benefit_total:,}円")
    expect(total).to_contain_text(f"{after:,}円")
    shoot(page, "change-income")

    page.goto(f"/declarations/{declaration.public_id}/")  # the declaration page offers the same button
    expect(page.locator(".change-comparison").get_by_role("row", name="合計（月額）")).to_contain_text(f"{after:,}円")
    shoot(page, "change-declaration")
    page.get_by_role("button", name="この内容で変更決定を起案").click()

    expect(
        page.get_by_text(f"変更決定を起案しました（扶助額 {start.benefit_total:,}円 → {after:,}円）")
    ).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("保護変更決定"))).to_be_visible()
    expect(page.get_by_role("row", name="合計（月額）")).to_contain_text("−55,900円")
    expect(page.get_by_text("令和8年10月分から 山田 太郎さんの就労収入（給与 100,000円）を認定")).to_be_visible()
    decision = Decision.objects.get(kind="change")
    shoot(page, "change-drafted")
    log_out(page)

    for approver, said in (("sv", "承認しました。次の決裁者に回りました。"), ("chief", "決裁しました。")):
        log_in(page, approver)
        page.locator(".site-nav").get_by_role("link", name=re.compile("^決裁待ち")).click()
        row = page.locator("#decisions tbody tr", has_text="山田 太郎")
        expect(row).to_have_count(1)
        row.get_by_role("link").first.click()
        expect(page).to_have_url(re.compile(f"/decisions/{decision.public_id}/$"))
        page.get_by_role("button", name="承認する").click()
        expect(page.get_by_text(said)).to_be_visible()
        if approver == "chief":
            break
        log_out(page)

    decision.refresh_from_db()
    assert decision.status == "approved"
    response = page.request.get(page.get_by_role("link", name="通知書（PDF）").get_attribute("href"))
    assert response.status == 200
    path = tmp_path / "notice.pdf"
    path.write_bytes(response.body())
    layout = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    rows = [" ".join(line.split()) for line in layout.splitlines()]
    assert "保護変更決定通知書" in layout.replace(" ", "")
    assert "扶助の種類 変更前 変更後 増減" in rows
    assert f"合計（月額） {start.benefit_total:,}円 {after:,}円 △55,900円" in rows
