"""Across both zones (issue 23, "Done when"): the CW issues a portal account from the household page and gets
the activation letter; the core's bundle reaches the portal; the recipient, on a phone (375 px), starts with
the letter's code, sends a 収入申告 with a pay-slip photo and keeps the receipt PDF; the portal's bundle
reaches the core, which shows the received declaration (電子申請) with the photo; the CW recognises it; the
next bundle tells the recipient 「認定済み」. Every recipient page on the way passes axe-core and has no
horizontal scroll. Screenshots: var/shots/recipient-*.png."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from hogo.casework.models import Photo
from hogo.followups.models import Declaration
from hogo.transfer import services as transfer

from .axe import assert_no_serious_violations
from .shots import SHOTS
from .test_login_search_open_household import log_in
from .zones import portal  # noqa: F401 - the fixture

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSPHRASE = "yamada-portal-pass-2026"


def check_phone_page(p, name):
    assert_no_serious_violations(p)
    assert p.evaluate("document.documentElement.scrollWidth") <= 375, f"{name}: horizontal scroll"
    SHOTS.mkdir(parents=True, exist_ok=True)
    p.screenshot(path=str(SHOTS / f"recipient-{name}-375.png"), full_page=True)


def test_a_declaration_sent_from_a_phone_is_recognised_in_the_core_and_shown_as_recognised(
    cast, page, browser, portal, tmp_path
):
    household = cast.households["own"]
    code = cast.office_a.municipality_code

    # the CW issues the account on the household page; the code is shown once, with the letter
    log_in(page, "cw")
    page.goto(f"/households/{household.public_id}/")
    page.get_by_role("link", name="ポータルのアカウントを発行").click()
    page.get_by_label("立場").select_option("head")
    page.get_by_label("世帯員").select_option(label="山田 太郎")
    page.get_by_role("button", name="発行する").click()
    letter_code = page.locator("#portal-code").inner_text()
    login = re.search(r"R\d{8}", page.locator(".card").inner_text()).group(0)
    with page.expect_popup() as popup:
        page.get_by_role("button", name="利用開始のお知らせ（PDF）を印刷").click()
    assert popup.value is not None

    # core → portal
    outbound = tmp_path / "to-portal.zip"
    outbound.write_bytes(transfer.export_bundle(cast.office_a, "portal"))
    portal.hogo("transfer", "import", str(outbound))

    # the recipient on a phone
    phone = browser.new_context(
        viewport={"width": 375, "height": 800}, locale="ja-JP", base_url=portal.url, accept_downloads=True
    )
    p = phone.new_page()
    p.goto(f"/my/activate/?login={login}")
    check_phone_page(p, "activate")
    p.get_by_label("利用開始コード").fill(letter_code.lower().replace("-", ""))
    p.get_by_label("新しいパスワード", exact=True).fill(PASSPHRASE)
    p.get_by_label("新しいパスワード（確認のためもう一度）").fill(PASSPHRASE)
    p.get_by_role("button", name="利用を始める").click()
    expect(p.get_by_role("heading", name="ホーム")).to_be_visible()
    check_phone_page(p, "home")

    p.get_by_role("link", name="申告・届出をする").click()
    check_phone_page(p, "submissions")
    p.get_by_role("link", name="収入申告").click()
    p.locator("#id_person_1").select_option(label="山田 太郎")
    p.locator("#id_income_kind_1").select_option("work")
    p.locator("#id_month_1").fill("2026-11")
    p.locator("#id_amount_1").fill("85000")
    slip = tmp_path / "slip.jpg"
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (230, 230, 230)).save(out, "JPEG")
    slip.write_bytes(out.getvalue())
    p.locator("#id_file_1").set_input_files(str(slip))
    p.locator("#id_file_label_1").fill("11月分の給与明細")
    check_phone_page(p, "income-form")
    p.get_by_role("button", name="送る").click()
    expect(p.get_by_text("受け付けました。受付番号は")).to_be_visible()
    check_phone_page(p, "submission")
    with p.expect_download() as download:
        p.get_by_role("link", name="受付票（PDF）を保存").click()
    assert download.value.suggested_filename.startswith("receipt-")

    # portal → core: a received declaration with the photo
    inbound = tmp_path / "to-core.zip"
    portal.hogo("transfer", "export", "--to", "core", "--office", code, "--out", str(inbound))
    transfer.import_bundle(inbound.read_bytes(), inbound.name)
    declaration = Declaration.objects.get(household=household)
    assert declaration.channel == "electronic" and Photo.objects.filter(declaration=declaration).exists()

    page.goto(f"/declarations/{declaration.public_id}/")
    expect(page.get_by_text("電子申請")).to_be_visible()
    expect(page.locator("img[alt*='給与明細']")).to_be_visible()
    page.get_by_label("変更なし").check()
    page.get_by_label("理由").fill("認定中の就労収入と同額のため")
    page.get_by_role("button", name="認定する").click()
    expect(page.get_by_text("認定しました。")).to_be_visible()

    # core → portal: the recipient sees 認定済み
    outbound.write_bytes(transfer.export_bundle(cast.office_a, "portal"))
    portal.hogo("transfer", "import", str(outbound))
    p.reload()
    expect(p.locator(".status")).to_have_text("認定済み")
    check_phone_page(p, "recognised")
    phone.close()
