"""Tried as the office would (issue 19): a caseworker asks three banks about an applicant's deposits and
writes a letter to a life insurer; the clerk exports the day's batch for the deposit-inquiry service,
prints and sends the letters and imports the service's (synthetic) replies; the balances appear in the need
test with their source; the insurer's paper reply is entered against its reference; an inquiry still
unanswered near the application's 14-day deadline is amber for the caseworker and on the supervisor's
dashboard. Screenshots: var/shots/inquiry-*.png."""

import subprocess
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.decisions import services as decisions
from hogo.households.models import CaseworkerAssignment
from hogo.inquiries import demo, services
from hogo.inquiries.models import Inquiry, InquiryBatch, InquiryStatus
from hogo.transfer import keys
from tests.transfer.service_bundles import attached, opened

from .shots import shoot
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_out(page):
    page.get_by_role("button", name="ログアウト").click()
    expect(page.get_by_role("heading", name="ログイン")).to_be_visible()


def test_deposit_inquiries_letters_replies_and_the_amber_deadline(cast, page, tmp_path, settings):
    settings.HOGO_TRANSFER_KEYS_DIR = tmp_path / "keys"
    keys.new_key("core", cast.office_a.municipality_code)  # the batch is a bundle signed by the office
    today = timezone.localdate()
    household = cast.households["unassigned"]
    CaseworkerAssignment.objects.create(household=household, caseworker=cast.staff["cw"], valid_from=date(2020, 4, 1))
    application = decisions.receive_application(
        cast.users["cw"],
        household,
        received_on=today - timedelta(days=11),  # decided by today + 3: near
        applicant_name="木村 陽子",
        applicant_relation="本人",
        reason="失業により生活が困難",
        documents=["application_form"],
    )
    head = household.members.get(relation="head")

    log_in(page, "cw")
    page.goto(f"/households/{household.public_id}/")
    page.get_by_role("link", name="預貯金の照会（金融機関）").click()
    page.get_by_label("金融機関を探す（名称・カナ・コード）").fill("みずほ")
    page.get_by_role("button", name="探す").click()
    expect(page.locator("#banks-found")).to_contain_text("0001")
    page.get_by_label("照会の対象者").select_option(label="木村 陽子（世帯主）")
    page.get_by_label("金融機関コード（1）").fill("0001")
    page.get_by_label("店舗コード（1）").fill("001")
    page.get_by_label("金融機関コード（2）").fill("0005")  # 本店一括
    page.get_by_label("金融機関コード（3）").fill("0009")
    page.get_by_label("店舗コード（3）").fill("001")
    shoot(page, "inquiry-banks")
    page.get_by_role("button", name="照会を作成する").click()
    expect(page.locator(".message")).to_contain_text("預貯金の照会を3件作成しました")
    deposits = list(Inquiry.objects.filter(household=household, kind="deposit").order_by("reference"))
    assert [i.institution_name for i in deposits] == [
        "みずほ 東京営業部",
        "三菱ＵＦＪ（本店一括・全店照会）",
        "三井住友 神保町",
    ]
    assert all(
        i.application == application and i.balance_dates == [application.received_on.isoformat()] for i in deposits
    )

    page.get_by_role("link", name="文書で照会（保険・勤務先・年金・扶養）").click()
    page.get_by_role("link", name="生命保険（保険会社）").click()
    page.get_by_label("照会の対象者（世帯員）").select_option(label="木村 陽子")
    page.get_by_label("照会先（会社名・事務所名・氏名）").fill("みなと生命保険株式会社")
    page.get_by_label("照会先の住所").fill("東京都みなと市二丁目2番2号")
    page.get_by_role("button", name="照会を作成する").click()
    insurer = Inquiry.objects.get(household=household, kind="life_insurance")
    expect(page).to_have_url(f"/inquiries/{insurer.public_id}/")
    shoot(page, "inquiry-letter")
    log_out(page)
    # a second letter, to the employer, that will still be waiting near the decision deadline
    salary = services.ask_by_letter(
        cast.users["cw"],
        household,
        services.Person(member=head),
        kind="salary",
        institution_name="みなと青果株式会社",
        institution_address="東京都みなと市三丁目3番3号",
        asked="直近3か月の給与",
    )

    log_in(page, "clerk")
    page.get_by_role("link", name="照会の送付").click()
    expect(page.get_by_role("heading", name="預貯金の照会（電子）— 今日の送付分 3件")).to_be_visible()
    page.get_by_role("button", name="今日の分を書き出す").click()
    expect(page.locator(".message")).to_contain_text("今日の預貯金の照会 3件を書き出しました")
    batch = InquiryBatch.objects.get()
    bundle = page.request.get(page.locator("#batches a").first.get_attribute("href"))
    opened_bundle = opened(bundle.body(), cast.office_a.municipality_code, "deposit_inquiry")
    assert opened_bundle.records["batch"][0]["count"] == 3 and len(opened_bundle.records["deposit_inquiry"]) == 3
    assert attached(opened_bundle, "request.csv").decode().count(deposits[0].reference) == 1
    letters = page.request.get("/inquiries/letters.pdf")
    pdf = tmp_path / "letters.pdf"
    pdf.write_bytes(letters.body())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert insurer.reference in text and salary.reference in text and "生活保護法第29条" in text
    page.get_by_role("button", name="送付済みにする").click()
    expect(page.locator(".message")).to_contain_text("2件を送付済みにしました")

    replies = tmp_path / "replies.csv"
    replies.write_bytes(demo.synthetic_replies(batch, today))
    page.get_by_label("回答ファイル（CSV）").set_input_files(str(replies))
    page.get_by_role("button", name="回答を取り込む").click()
    expect(page.locator(".message")).to_contain_text("回答を3件取り込みました")
    shoot(page, "inquiry-office")
    log_out(page)

    # the caseworker: balances in the need test, with their source
    test = decisions.run_need_test(cast.users["cw"], household, as_of=today)
    balances = services.balances_of(household)
    assert len(balances) == 2  # the third bank said 口座なし
    log_in(page, "cw")
    page.goto(f"/need-tests/{test.public_id}/")
    assets = page.locator("#assets")
    for b in balances:
        expect(assets).to_contain_text(f"照会 {b['reference']}")
        expect(assets).to_contain_text(f"{b['amount']:,}円")
    shoot(page, "inquiry-need-test")

    # the insurer's reply, entered against its reference
    page.goto(f"/inquiries/{insurer.public_id}/")
    page.get_by_label("該当あり").check()
    page.get_by_label("金額（円・任意）").fill("120000")
    page.get_by_label("回答の内容").fill("終身保険 1件（解約返戻金 120,000円）")
    page.get_by_role("button", name="回答を記録する").click()
    expect(page.locator("#inquiry-facts")).to_contain_text("回答あり")
    insurer.refresh_from_db()
    assert insurer.status == InquiryStatus.ANSWERED and insurer.replies.get().amount == 120_000

    # the employer has not answered and the decision is due in 3 days: amber for the CW and the SV
    page.goto("/")
    waiting = page.locator('li[data-level="amber"]', has_text=salary.reference)
    expect(waiting).to_be_visible()
    shoot(page, "inquiry-cw-home")
    log_out(page)
    log_in(page, "sv")
    page.get_by_role("link", name="係の状況").click()
    expect(page.locator('li[data-level="amber"]', has_text=salary.reference)).to_be_visible()
    shoot(page, "inquiry-sv-dashboard")
