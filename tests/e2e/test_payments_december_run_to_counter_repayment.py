"""Tried as the office would (issue 21): the clerk computes December's monthly payment for the demo office,
reviews the totals by 扶助 and by method, the chief approves it (支出命令), the clerk downloads the 全銀
総合振込 file and the counter list; the bank's result returns one transfer (振込不能), which is imported and
paid again at the counter with a receipt. Screenshots: var/shots/payments-*.png."""

import subprocess

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.households.demo import OFFICES
from hogo.payments.models import CounterRepayment, Payment, PaymentLine, PaymentRun, Returned
from tests.payments.payment_helpers import first_transfer_returned

from ..factories import PASSWORD
from .shots import shoot
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_out(page):
    page.get_by_role("button", name="ログアウト").click()
    expect(page.get_by_role("heading", name="ログイン")).to_be_visible()


def pdf_text(page, url, path) -> str:
    response = page.request.get(url)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    path.write_bytes(response.body())
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_december_is_computed_approved_paid_and_a_returned_transfer_is_repaid_at_the_counter(page, tmp_path):
    from hogo.demo.load import load_demo

    today = timezone.localdate()
    load_demo(households=60, seed=1, password=PASSWORD, today=today)
    december = today.replace(month=12, day=1)

    log_in(page, "a-clerk")
    page.get_by_role("link", name="保護費の支給").click()
    page.get_by_label("支給月").fill(f"{december:%Y-%m}")
    page.get_by_label("種類").select_option(label="定例支給")
    page.get_by_label("起案中の決定がある世帯も、決裁済みの額で計算する（世帯は支給に記録されます）").check()
    shoot(page, "payments-office", guide=True)
    page.get_by_role("button", name="計算する").click()

    run = PaymentRun.objects.get()
    expect(page).to_have_url(f"/payments/runs/{run.public_id}/")
    assert run.office.municipality_code == OFFICES[0].municipality_code
    # totals by 扶助 and by method, as the clerk reviews them
    by_item = page.locator("#by-item")
    expect(by_item).to_contain_text("生活扶助")
    expect(by_item).to_contain_text(f"{run.totals['net']:,}円")
    by_method = page.locator("#by-method")
    expect(by_method).to_contain_text("口座振込（世帯）")
    expect(by_method).to_contain_text("窓口払（世帯）")
    lines = sum(PaymentLine.objects.filter(run=run).values_list("amount", flat=True))
    assert lines == run.totals["net"] == sum(Payment.objects.filter(run=run).values_list("amount", flat=True))
    assert run.totals["by_item"].get("year_end", 0) > 0  # December's 期末一時扶助
    expect(page.locator("#outputs")).to_have_count(0)  # nothing to print before the chief's approval
    shoot(page, "payments-run", guide=True)
    log_out(page)

    log_in(page, "a-chief")
    page.get_by_role("link", name="決裁待ち").click()
    page.get_by_role("link", name="令和8年12月の定例支給").click()
    page.get_by_role("button", name="承認する").click()
    expect(page.locator(".message")).to_contain_text("決裁しました")
    run.refresh_from_db()
    assert run.frozen
    log_out(page)

    log_in(page, "a-clerk")
    page.goto(f"/payments/runs/{run.public_id}/")
    zengin = page.request.get(page.get_by_role("link", name="全銀ファイル（総合振込）").get_attribute("href"))
    data = zengin.body()
    records = data.split(b"\r\n")
    assert all(len(r) == 120 for r in records if r)
    transfers = [r for r in records if r[:1] == b"2"]
    bank = Payment.objects.filter(run=run, method="bank")
    assert len(transfers) == bank.count() > 0
    trailer = next(r for r in records if r[:1] == b"8")
    assert int(trailer[1:7]) == bank.count()
    assert int(trailer[7:19]) == sum(bank.values_list("amount", flat=True))
    counter = pdf_text(
        page, page.get_by_role("link", name="窓口払一覧（PDF）").get_attribute("href"), tmp_path / "c.pdf"
    )
    first_counter = Payment.objects.filter(run=run, method="counter").order_by("household__case_number").first()
    assert first_counter.household.case_number in counter and f"{first_counter.amount:,}" in counter
    shoot(page, "payments-approved")

    # the bank returns the first transfer: 口座なし
    result = tmp_path / "result.txt"
    result.write_bytes(first_transfer_returned(run))
    page.get_by_role("link", name="支給の一覧に戻る").click()
    page.get_by_label("振込結果ファイル（全銀形式）").set_input_files(str(result))
    page.get_by_role("button", name="取り込む").click()
    expect(page.locator(".message")).to_contain_text("振込不能 1件")
    returned = Returned.objects.get()
    unpaid = page.locator("#unpaid")
    expect(unpaid).to_contain_text(returned.payment.household.case_number)
    expect(unpaid).to_contain_text("取引なし")
    shoot(page, "payments-returned", guide=True)
    unpaid.get_by_role("button", name="窓口で支給した").click()
    expect(page.locator(".message")).to_contain_text("窓口で再支給しました")
    expect(page.locator("#unpaid")).to_contain_text("ありません")
    repaid = CounterRepayment.objects.get()
    receipt = pdf_text(page, f"/payments/repayments/{repaid.public_id}.pdf", tmp_path / "r.pdf")
    assert f"{repaid.amount:,}" in receipt and "令和" in receipt

    # the household page shows the payment and that it came back and was paid at the counter
    log_out(page)
    log_in(page, "a-chief")
    page.goto(f"/households/{returned.payment.household.public_id}/")
    history = page.locator("#payment-history")
    expect(history).to_contain_text(f"{returned.payment.amount:,}円")
    expect(history).to_contain_text("振込不能・窓口で再支給済")
    shoot(page, "payments-household")
