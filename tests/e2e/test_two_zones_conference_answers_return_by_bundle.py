"""Across both zones (issue 22): two servers, two databases. A caseworker schedules a conference in the core
(a candidate date, an agency member); the core's signed bundle is imported by the portal; the agency member
starts using the portal with the office's one-time code, signs the pledge and answers the date on a phone;
the portal's bundle comes back and the answer shows on the core's conference page. Bundles move as files,
as the one-way drop would move them. Screenshots: var/shots/zones-*.png."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.collaboration import services as collaboration
from hogo.collaboration import transfer as agency_transfer
from hogo.collaboration.models import AgencyMember, DateAnswer, Pledge
from hogo.transfer import keys
from hogo.transfer import services as transfer
from tests.roles import agency_member_of

from .shots import shoot
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Portal:
    """The portal zone as its own process and database (hogo.settings.portal), driven by its CLI."""

    def __init__(self, root, office_code):
        self.env = {
            "PATH": os.environ["PATH"],
            "HOGO_ENV_FILE": "",
            "DJANGO_SETTINGS_MODULE": "hogo.settings.portal",
            "HOGO_SECRET_KEY": "portal-e2e-" + "p" * 50,
            "HOGO_VAR_DIR": str(root),
            "HOGO_HTTPS": "false",
            "HOGO_DEBUG": "false",
            "HOGO_TRANSFER_SERVED_OFFICES": office_code,
            "HOGO_TRANSFER_KEYS_DIR": str(root / "keys"),
            "HOGO_TRANSFER_QUARANTINE_DIR": str(root / "quarantine"),
        }
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = None

    def hogo(self, *args) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "hogo.cli", *args], env=self.env, capture_output=True, text=True, timeout=180
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def start(self):
        self.hogo("collectstatic", "--noinput", "-v0")  # served as in production (WhiteNoise, hashed names)
        self.server = subprocess.Popen(
            [sys.executable, "-m", "hogo.cli", "runserver", f"127.0.0.1:{self.port}", "--noreload", "--nostatic"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=1)  # noqa: S310 - our own loopback server
                return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("the portal server did not start")

    def stop(self):
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=10)


@pytest.fixture
def portal(tmp_path, cast, settings):
    settings.HOGO_TRANSFER_KEYS_DIR = tmp_path / "core-keys"
    settings.HOGO_TRANSFER_QUARANTINE_DIR = tmp_path / "core-quarantine"
    code = cast.office_a.municipality_code
    zone = Portal(tmp_path / "portal", code)
    (tmp_path / "portal").mkdir()
    # keys: each zone makes its own and trusts the other's public key (handed over on approved media)
    core_key = keys.new_key("core", code)
    (tmp_path / "core.pub").write_text(keys.export_public(core_key))
    zone.hogo("migrate", "--noinput", "-v0")
    zone.hogo("transfer", "keys", "new", "--zone", "portal", "--office", code)
    portal_key = next((tmp_path / "portal" / "keys").glob(f"portal-{code}-*.key")).name.removesuffix(".key")
    keys.trust(zone.hogo("transfer", "keys", "export-public", portal_key))
    zone.hogo("transfer", "keys", "trust", str(tmp_path / "core.pub"))
    zone.start()
    yield zone
    zone.stop()


def test_a_conference_scheduled_in_the_core_is_answered_in_the_portal_and_the_answer_comes_back(
    cast, page, browser, portal, tmp_path
):
    code = cast.office_a.municipality_code
    member = AgencyMember.objects.get(user=agency_member_of(cast.office_a))
    conference = collaboration.open_conference(
        cast.users["cw"],
        cast.households["own"],
        purpose="受診と日常生活の支援方針を協議する",
        invitations=[(member.agency, "見守りの分担")],
    )
    when = timezone.localtime() + timedelta(days=7)

    # the caseworker schedules it in the core: a candidate date and the agency's member
    log_in(page, "cw")
    page.goto(f"/conferences/{conference.public_id}/")
    page.get_by_label("候補日時").fill(when.strftime("%Y-%m-%dT14:00"))
    page.get_by_role("button", name="追加").click()
    page.get_by_role("button", name="構成員にする").click()
    expect(page.get_by_text("誓約待ち（資料は見られません）")).to_be_visible()
    code_for_member = agency_transfer.issue_portal_code(cast.users["admin"], member)

    # core → portal
    outbound = tmp_path / "to-portal.zip"
    outbound.write_bytes(transfer.export_bundle(cast.office_a, "portal"))
    portal.hogo("transfer", "import", str(outbound))

    # the member, on a phone, in the portal
    phone = browser.new_context(viewport={"width": 375, "height": 800}, locale="ja-JP", base_url=portal.url)
    p = phone.new_page()
    p.goto("/activate/")
    p.get_by_label("ログイン名").fill(member.user.username)
    p.get_by_label("利用開始コード").fill(code_for_member)
    p.get_by_label("新しいパスワード", exact=True).fill("portal-pass-2026-x")
    p.get_by_label("新しいパスワード（確認）").fill("portal-pass-2026-x")
    p.get_by_role("button", name="利用を開始する").click()
    if p.get_by_role("heading", name="ログイン").is_visible():
        p.get_by_label("ログイン名").fill(member.user.username)
        p.get_by_label("パスワード").fill("portal-pass-2026-x")
        p.get_by_role("button", name="ログイン").click()
    expect(p.get_by_role("heading", name="参加している会議")).to_be_visible()
    shoot(p, "zones-portal-home")
    p.get_by_role("link", name="受診と日常生活の支援方針を協議する").click()
    p.get_by_role("button", name="誓約に署名する").click()
    p.get_by_label("参加できる").first.check()
    p.get_by_role("button", name="回答する").click()
    shoot(p, "zones-portal-conference")
    phone.close()

    # portal → core
    inbound = tmp_path / "to-core.zip"
    portal.hogo("transfer", "export", "--to", "core", "--office", code, "--out", str(inbound))
    received = transfer.import_bundle(inbound.read_bytes(), inbound.name)
    assert not received.already
    assert Pledge.objects.filter(conference=conference, member=member).exists()
    assert DateAnswer.objects.get(member=member).available is True

    page.goto(f"/conferences/{conference.public_id}/")
    expect(page.locator(".tag", has_text=member.name)).to_contain_text("○")
    shoot(page, "zones-core-answer")
