"""Across both zones (decision 0038): a recipient asks for a 受給証明書 on a phone; the portal's bundle brings
the request to the core, where the caseworker issues it; the core's bundle brings the PDF back, and the
recipient sees the notice and downloads the certificate. An anonymous opinion reaches the core with no
household. Bundles move as files. Screenshots: var/shots/zones-voice-*.png."""

import pytest
from playwright.sync_api import expect

from hogo.recipients.models import PortalAccount
from hogo.transfer import services as transfer
from hogo.voice.models import CertificateRequest, Opinion

from .shots import SHOTS, shoot
from .test_login_search_open_household import log_in
from .zones import portal  # noqa: F401 - the fixture

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "voice-zones-pass-2026-x"


def test_a_certificate_requested_in_the_portal_is_issued_in_the_core_and_downloaded(
    cast, page, browser, portal, tmp_path
):
    code = cast.office_a.municipality_code
    household = cast.households["own"]
    account = PortalAccount.objects.create(
        household=household, member=household.members.get(relation="head"), role="head", login="R7000001"
    )

    def core_to_portal(name):
        outbound = tmp_path / name
        outbound.write_bytes(transfer.export_bundle(cast.office_a, "portal"))
        portal.hogo("transfer", "import", str(outbound))

    core_to_portal("to-portal-1.zip")
    portal.hogo(
        "shell",
        "-c",
        "from django.utils import timezone\n"
        "from hogo.recipient_portal.models import RecipientAccount\n"
        f"a = RecipientAccount.objects.get(key='{account.key}')\n"
        f"a.user.set_password('{PASSWORD}'); a.user.save()\n"
        "a.activated_at = timezone.now(); a.save()\n",
    )
    username = portal.hogo(
        "shell",
        "-c",
        "from hogo.recipient_portal.models import RecipientAccount as A\n"
        f"print(A.objects.get(key='{account.key}').user.username)",
    ).splitlines()[-1]  # the shell says first how many objects it imported

    phone = browser.new_context(
        viewport={"width": 375, "height": 800}, locale="ja-JP", base_url=portal.url, accept_downloads=True
    )
    p = phone.new_page()
    p.goto("/login/")
    p.get_by_label("ログイン名").fill(username)
    p.get_by_label("パスワード").fill(PASSWORD)
    p.get_by_role("button", name="ログイン").click()
    expect(p.get_by_role("button", name="ログアウト")).to_be_visible()
    p.goto("/my/certificates/receipt/")
    p.get_by_label("部屋を借りるため（入居）").check()
    p.get_by_label("このポータルでPDFを受け取る").check()
    p.locator("main button[type=submit]").click()
    expect(p.get_by_text("申請を受け付けました")).to_be_visible()
    p.goto("/my/voice/")
    p.get_by_label("窓口や職員の対応").check()
    p.get_by_label("ご意見", exact=True).fill("窓口の椅子を増やしてください。")
    p.locator("main button[type=submit]").click()
    expect(p.get_by_text("ご意見を送りました")).to_be_visible()

    # portal → core
    inbound = tmp_path / "to-core.zip"
    portal.hogo("transfer", "export", "--to", "core", "--office", code, "--out", str(inbound))
    transfer.import_bundle(inbound.read_bytes(), inbound.name)
    request = CertificateRequest.objects.get()
    assert (request.household, request.purpose) == (household, "部屋を借りるため（入居）")
    opinion = Opinion.objects.get()
    assert opinion.household is None and opinion.name == ""

    # the caseworker issues it
    log_in(page, "cw")
    page.goto(f"/voice/certificates/{request.public_id}/")
    page.get_by_label("ポータルでPDF").check()
    page.get_by_role("button", name="交付する").click()
    expect(page.get_by_text("交付したPDFを開く")).to_be_visible()
    shoot(page, "zones-voice-core-issued")

    # core → portal: the notice and the PDF
    core_to_portal("to-portal-2.zip")
    p.goto("/my/notices/")
    p.get_by_role("link", name="受給証明書ができました").click()
    with p.expect_download() as download:
        p.get_by_role("link", name="受給証明書を").click()
    path = download.value.path()
    assert open(path, "rb").read().startswith(b"%PDF-")
    SHOTS.mkdir(parents=True, exist_ok=True)
    p.screenshot(path=str(SHOTS / "zones-voice-portal-certificate-375.png"), full_page=True)
    phone.close()
