"""Every portal page passes axe-core (WCAG 2.2 A/AA, tests/e2e/axe.py) on a phone, 375 px wide, with no
horizontal scroll (issue 23 item 8). The portal runs as its own process and database (tests/e2e/zones.py);
its rows are made directly in its database by `hogo shell`. The recipient pages are those of the menu,
hogo.recipient_portal.nav.menu(), read from the portal itself: pages other apps add to the menu are covered
without touching this test; each is checked again for an account with 文字を大きくする.
Screenshots: var/shots/axe-*.png."""

import json

import pytest
from playwright.sync_api import expect

from .axe import assert_no_serious_violations, describe
from .shots import SHOTS
from .zones import Portal

pytestmark = pytest.mark.e2e

OFFICE = "131016"
PASSWORD = "axe-portal-pass-2026-x"
CONFERENCE = "7d4c6a8e-0d51-4a55-9a3e-3b7f7c9b2a10"
# Recipient pages that are not in the menu but linked from its pages; visited when the portal has them.
MORE_RECIPIENT_PAGES = ["my_notifications", "my_notify_settings"]

SETUP = f"""
import hashlib, json
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from hogo.portal.models import PortalCandidate, PortalConference, PortalMaterial, PortalMember, PortalMembership
from hogo.recipient_portal.models import RecipientAccount, RecipientHousehold, RecipientPerson
from hogo.recipient_portal.nav import menu
from hogo.portal_notify.services import notify

User = get_user_model()
now = timezone.now()
home = RecipientHousehold.objects.create(office="{OFFICE}", key="hh-axe")
RecipientPerson.objects.create(household=home, key="p-axe-1", name="川瀬 花子", head=True)
RecipientPerson.objects.create(household=home, key="p-axe-2", name="川瀬 太郎")
user = User.objects.create_user("axe-recipient", password="{PASSWORD}")
RecipientAccount.objects.create(user=user, household=home, office="{OFFICE}", key="ra-axe", role="head",
    name="川瀬 花子", activated_at=now)
large = User.objects.create_user("axe-large-text", password="{PASSWORD}")
RecipientAccount.objects.create(user=large, household=home, office="{OFFICE}", key="ra-axe-2", role="member",
    name="川瀬 太郎", activated_at=now, large_text=True)
notify(home, kind="visit", subject="訪問の予定があります", body="明日の午後に伺います。", url="/my/")

agent = User.objects.create_user("axe-agency", password="{PASSWORD}")
member = PortalMember.objects.create(user=agent, key="am-axe", office="{OFFICE}", agency="みなと地域包括支援センター",
    name="担当 一郎", valid_from=timezone.localdate() - timedelta(days=30),
    code_hash=hashlib.sha256(b"x").hexdigest(), activated_at=now)
conference = PortalConference.objects.create(key="{CONFERENCE}", office="{OFFICE}",
    purpose="世帯の見守り体制を話し合う", minutes="見守りの分担を確認した。", conclusions="月1回の訪問を続ける。")
PortalMembership.objects.create(conference=conference, member=member, reason="見守り訪問の状況を共有してほしい")
PortalCandidate.objects.create(key="cd-axe-1", conference=conference, starts_at=now + timedelta(days=7))
PortalCandidate.objects.create(key="cd-axe-2", conference=conference, starts_at=now + timedelta(days=8))
PortalMaterial.objects.create(key="mt-axe-1", conference=conference, content="資料：通院の状況", created_at=now)

urls = [e["url"] for e in menu()]
for name in {MORE_RECIPIENT_PAGES!r}:
    try:
        urls.append(reverse(name))
    except NoReverseMatch:
        pass
print("URLS=" + json.dumps(urls))
"""


@pytest.fixture
def portal_zone(tmp_path):
    root = tmp_path / "portal"
    root.mkdir()
    zone = Portal(root, OFFICE)
    zone.hogo("migrate", "--noinput", "-v0")
    out = zone.hogo("shell", "-c", SETUP)
    zone.recipient_urls = json.loads(next(line for line in out.splitlines() if line.startswith("URLS="))[5:])
    zone.start()
    yield zone
    zone.stop()


def check(page, name: str) -> None:
    """No serious axe violation and nothing wider than the 375 px screen; a screenshot to look at."""
    lesser = assert_no_serious_violations(page)
    if lesser:  # moderate and minor: shown with -s, not failed
        print(f"axe (moderate/minor) on {page.url}:\n{describe(lesser)}")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{page.url} scrolls sideways at 375 px: {width[0]} px wide"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"axe-{name}-375.png"), full_page=True)


def sign_in(page, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("ログイン名").fill(username)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    expect(page.get_by_role("button", name="ログアウト")).to_be_visible()


def test_every_portal_page_has_no_serious_axe_violation_and_no_sideways_scroll_on_a_phone(browser, portal_zone):
    phone = browser.new_context(viewport={"width": 375, "height": 800}, locale="ja-JP", base_url=portal_zone.url)
    page = phone.new_page()
    try:
        # signed out: the front page, sign-in and 利用開始 (also with its errors shown)
        for path, name in (("/", "index"), ("/login/", "login"), ("/activate/", "activate")):
            page.goto(path)
            check(page, name)
        page.get_by_role("button", name="利用を開始する").click()
        check(page, "activate-errors")

        # a partner agency's pages: home, a conference before and after the pledge
        sign_in(page, "axe-agency")
        check(page, "agency-home")
        page.goto(f"/agency/conferences/{CONFERENCE}/")
        check(page, "agency-conference")
        page.get_by_role("button", name="誓約に署名する").click()
        check(page, "agency-conference-signed")
        page.get_by_role("button", name="ログアウト").click()

        # a recipient: every page of the menu, and the menu itself on each; then with 文字を大きくする
        for username, suffix in (("axe-recipient", ""), ("axe-large-text", "-large")):
            sign_in(page, username)
            for url in portal_zone.recipient_urls:
                response = page.goto(url)
                assert response.status < 400, f"{url} answered {response.status}"
                check(page, f"recipient-{url.strip('/').replace('/', '-') or 'home'}{suffix}")
            page.get_by_role("button", name="ログアウト").click()
    finally:
        phone.close()


def test_the_harness_fails_naming_a_serious_violation(browser):
    """The check itself can fail: an image without text and an unlabelled field are reported by rule and element."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="ja-JP")
    page = context.new_page()
    try:
        page.set_content(
            '<html lang="ja"><head><title>t</title></head><body><main><h1>見出し</h1>'
            '<img src="data:," id="photo"><input type="text" id="nolabel"></main></body></html>'
        )
        with pytest.raises(AssertionError) as failed:
            assert_no_serious_violations(page)
    finally:
        context.close()
    message = str(failed.value)
    assert "image-alt" in message and "#photo" in message
    assert "label" in message and "#nolabel" in message
