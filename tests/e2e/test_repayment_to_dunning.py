"""Tried as a new user would: a missed pension back-payment becomes a 法第63条 determination and is
approved; an instalment plan produces 納付書 PDFs; a payment is recorded; an overdue receivable
appears in a dunning batch; the SMS export, a bundle signed by the office, is produced; delivery results are
imported."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.offices.models import Role
from hogo.receivables.models import Receivable
from hogo.transfer import keys
from tests.factories import make_staff
from tests.transfer.service_bundles import attached, opened

from .shots import shoot
from .test_application_to_notice import log_out
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_pension_back_payment_to_dunning_and_delivery_results(cast, page, tmp_path, settings):
    settings.HOGO_TRANSFER_KEYS_DIR = tmp_path / "keys"
    keys.new_key("core", cast.office_a.municipality_code)  # the SMS export is a bundle signed by the office
    make_staff(cast.office_a, Role.COLLECTOR, username="collector", name="徴収 担当")
    household = cast.households["own"]
    today = timezone.localdate()

    log_in(page, "cw")
    page.goto(f"/households/{household.public_id}/")
    page.get_by_role("link", name="返還・徴収の決定を起案").click()
    for number, month in enumerate(("2026-04", "2026-05", "2026-06"), start=1):
        page.get_by_label(f"{number}行目の月").fill(month)
        page.get_by_label(f"{number}行目の扶助").select_option(label="生活扶助")
        page.get_by_label(f"{number}行目の金額").fill("35,000円" if number != 2 else "三万五千")
    page.get_by_label("資力があった事実（法第63条）").fill("2026年7月に年金の遡及支給（4〜6月分）を受けていた。")
    page.locator("#id_due_on").fill((today + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="起案する").click()
    expect(page.get_by_role("alert")).to_contain_text("2行目の金額は数字で入力してください。")
    shoot(page, "determination-rows-error")
    page.get_by_label("2行目の金額").fill("３５０００")
    page.get_by_role("button", name="起案する").click()
    expect(page.get_by_text("起案しました")).to_be_visible()
    determination_url = page.url
    log_out(page)
    for role, message in (("sv", "次の決裁者に回りました"), ("chief", "決定の効力が生じました")):
        log_in(page, role)
        page.goto(determination_url)
        page.get_by_role("button", name="承認する").click()
        expect(page.get_by_text(message)).to_be_visible()
        log_out(page)

    receivable = Receivable.objects.get()
    log_in(page, "collector")
    expect(page.get_by_role("heading", name="返還金・徴収金")).to_be_visible()
    page.get_by_role("link", name=receivable.reference).click()
    for number, (days, amount) in enumerate(((30, "50,000円"), (60, "55000")), start=1):
        page.get_by_label(f"{number}行目の納期限").fill((today + timedelta(days=days)).isoformat())
        page.get_by_label(f"{number}行目の金額").fill(amount)
    page.get_by_role("button", name="行を追加").click()  # htmx: one more row, what was typed stays
    expect(page.get_by_label("7行目の金額")).to_be_visible()
    expect(page.get_by_label("1行目の金額")).to_have_value("50,000円")
    page.get_by_role("button", name="計画を保存").click()
    expect(page.get_by_text("分納の計画を保存しました。")).to_be_visible()
    shoot(page, "guide-receivable", guide=True)
    slips = page.request.get(page.get_by_role("link", name="納付書（PDF）").get_attribute("href"))
    assert slips.headers["content-type"] == "application/pdf" and slips.body().startswith(b"%PDF")
    page.get_by_label("入金額（円）").fill("50000")
    page.get_by_role("button", name="記録する").first.click()
    expect(page.get_by_text("入金を記録しました。")).to_be_visible()

    page.get_by_label("電話番号（督促のSMS用）").fill("090-1234-5678")
    page.get_by_role("button", name="更新").click()
    expect(page.get_by_text("連絡先を更新しました。")).to_be_visible()

    # time passes: the second instalment is now overdue
    from django.db import connection

    with connection.cursor() as cursor:  # instalments are insert-only in the app; the test moves the clock instead
        cursor.execute(
            "UPDATE receivables_instalment SET due_on = %s WHERE receivable_id = %s AND number = 2",
            [today - timedelta(days=40), receivable.pk],
        )
    page.get_by_role("link", name="一覧へ").click()
    page.get_by_role("link", name="督促を作る").click()
    page.get_by_label("納期限からの日数（以上）").fill("30")
    page.get_by_role("button", name="対象を表示").click()
    expect(page.locator("tbody")).to_contain_text(receivable.reference)
    page.get_by_role("button", name=re.compile("この1件で督促を作る")).click()
    expect(page.get_by_text("1件の督促を作りました。")).to_be_visible()
    export = page.request.get(page.get_by_role("link", name=re.compile("SMS配信用ファイル")).get_attribute("href"))
    assert export.headers["content-type"] == "application/zip"
    bundle = opened(export.body(), cast.office_a.municipality_code, "sms")
    assert receivable.reference in attached(bundle, "messages.csv").decode()
    results = tmp_path / "results.csv"
    results.write_text(f"reference,status\n{receivable.reference},delivered\n", encoding="utf-8")
    page.get_by_label("配信結果（CSV: reference,status）").set_input_files(str(results))
    page.get_by_role("button", name="取り込む").click()
    expect(page.get_by_text("配信結果を1件取り込みました。")).to_be_visible()
    expect(page.locator("tbody")).to_contain_text("届いた")
