"""The voice pages (decision 0038) as people see them. A recipient on a phone (375 px): お知らせ with an unread
notice and a delivered certificate, both certificate forms (also with their errors), ご意見・案内, a guide
with furigana and a survey — no serious axe violation, no sideways scroll. The office on a tablet (768 px):
certificate requests, one request with the fulfil form, opinions, surveys with counts, guides with the preview.
Screenshots: var/shots/voice-*.png."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.voice import services
from hogo.voice.guides import seed_guides
from hogo.voice.models import CertificateRequest, Guide, Opinion, Survey, SurveyAnswer

from .axe import assert_no_serious_violations
from .shots import SHOTS, shoot
from .test_login_search_open_household import log_in
from .zones import Portal

pytestmark = [pytest.mark.e2e]

OFFICE = "131016"
PASSWORD = "voice-portal-pass-2026-x"
SETUP = f"""
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from hogo.recipient_portal.models import RecipientAccount, RecipientHousehold, RecipientPerson
from hogo.portal_voice.models import Content, PortalNotice
from hogo.voice.guides import STARTER_GUIDES

today = timezone.localdate()
home = RecipientHousehold.objects.create(office="{OFFICE}", key="hh-voice")
RecipientPerson.objects.create(household=home, key="p-voice-1", name="川瀬 花子", head=True)
RecipientPerson.objects.create(household=home, key="p-voice-2", name="川瀬 太郎")
user = get_user_model().objects.create_user("voice-recipient", password="{PASSWORD}")
RecipientAccount.objects.create(user=user, household=home, office="{OFFICE}", key="ra-voice", role="head",
    name="川瀬 花子", activated_at=timezone.now())
PortalNotice.objects.create(household=home, key="decision-1", kind="decision", title="保護の内容が変わりました",
    body="令和8年12月1日から保護の内容（保護費の額など）が変わります。1か月の保護費は98,000円です。", dated=today)
PortalNotice.objects.create(household=home, key="certificate-1", kind="certificate", title="受給証明書ができました",
    body="申請された受給証明書ができました。", dated=today - timedelta(days=1), pdf=b"%PDF-1.4\\n%%EOF\\n",
    pdf_label="受給証明書.pdf", read_at=timezone.now())
PortalNotice.objects.create(household=home, key="declaration-1", kind="declaration", title="収入の申告をお願いします",
    body="収入の申告（11月分）の期限は令和8年12月10日です。", dated=today - timedelta(days=3))
for order, (title, body) in enumerate(STARTER_GUIDES, start=1):
    Content.objects.create(office="{OFFICE}", key=f"gd-{{order}}", kind="guide", title=title, body=body, order=order)
Content.objects.create(office="{OFFICE}", key="sv-1", kind="survey", title="窓口についてのアンケート",
    body="よりよい窓口にするためです。", opens_on=today - timedelta(days=1), closes_on=today + timedelta(days=20),
    questions=[{{"key": "q1", "text": "窓口の対応はどうでしたか", "choices": ["よい", "ふつう", "よくない"]}},
               {{"key": "q2", "text": "ご自由にお書きください", "choices": []}}])
"""


@pytest.fixture
def portal_zone(tmp_path):
    root = tmp_path / "portal"
    root.mkdir()
    zone = Portal(root, OFFICE)
    zone.hogo("migrate", "--noinput", "-v0")
    zone.hogo("shell", "-c", SETUP)
    zone.start()
    yield zone
    zone.stop()


def check(page, name: str) -> None:
    assert_no_serious_violations(page)
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{page.url} scrolls sideways at 375 px: {width[0]} px wide"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"voice-{name}-375.png"), full_page=True)


def test_the_recipients_voice_pages_on_a_phone(browser, portal_zone):
    phone = browser.new_context(viewport={"width": 375, "height": 800}, locale="ja-JP", base_url=portal_zone.url)
    page = phone.new_page()
    try:
        page.goto("/login/")
        page.get_by_label("ログイン名").fill("voice-recipient")
        page.get_by_label("パスワード").fill(PASSWORD)
        page.get_by_role("button", name="ログイン").click()
        page.goto("/my/notices/")
        expect(page.locator(".unread")).to_have_count(2)
        check(page, "my-notices")
        page.get_by_role("link", name="受給証明書ができました").click()
        check(page, "my-notice-certificate")
        page.goto("/my/certificates/receipt/")
        check(page, "certificate-receipt")
        page.locator("main button[type=submit]").click()
        expect(page.get_by_text("「受け取り方」を選んでください。")).to_be_visible()
        check(page, "certificate-receipt-errors")
        page.goto("/my/certificates/medical/")
        check(page, "certificate-medical")
        page.goto("/my/voice/")
        check(page, "my-voice")
        page.get_by_role("link", name="保護のしおり").click()
        check(page, "guide")
        page.goto("/my/voice/")
        page.get_by_role("link", name="窓口についてのアンケート").click()
        check(page, "survey")
    finally:
        phone.close()


@pytest.mark.django_db(transaction=True)
def test_the_office_voice_pages_on_a_tablet(cast, page):
    household = cast.households["own"]
    today = timezone.localdate()
    for kind, fields in (
        ("receipt", {"purpose": "部屋を借りるため（入居）"}),
        ("medical", {"member": household.members.get(), "clinic": "みなと内科クリニック", "reason": "せきが続く"}),
    ):
        CertificateRequest.objects.create(
            household=household,
            key=f"cr-{uuid.uuid4()}",
            account_key="ra-1",
            kind=kind,
            delivery="portal",
            requested_at=timezone.now(),
            bundle_id="b",
            **fields,
        )
    Opinion.objects.create(
        office=cast.office_a,
        key="op-1",
        category="service",
        text="待ち時間が長いです。",
        submitted_at=timezone.now(),
        bundle_id="b",
    )
    Opinion.objects.create(
        office=cast.office_a,
        key="op-2",
        household=household,
        name="山田 太郎",
        category="portal",
        text="ポータルで申告できて助かります。",
        submitted_at=timezone.now(),
        bundle_id="b",
    )
    survey = services.save_survey(
        cast.users["chief"],
        cast.office_a,
        None,
        title="窓口についてのアンケート",
        intro="",
        questions="窓口の対応はどうでしたか | よい / ふつう / よくない\nご自由にお書きください",
        opens_on=today,
        closes_on=today + timedelta(days=20),
    )
    SurveyAnswer.objects.create(
        survey=survey,
        household=household,
        key="sa-1",
        answers={"q1": "よい", "q2": "親切"},
        answered_at=timezone.now(),
        bundle_id="b",
    )
    seed_guides(cast.office_a)

    log_in(page, "sv")
    page.get_by_role("link", name="証明書・ご意見").click()
    expect(page.get_by_role("heading", name="証明書の申請（ポータルから）")).to_be_visible()
    shoot(page, "voice-certificates")
    page.get_by_role("link", name="診療依頼書").click()
    shoot(page, "voice-certificate")
    page.get_by_label("ポータルでPDF").check()
    page.get_by_role("button", name="交付する").click()
    expect(page.get_by_text("交付したPDFを開く")).to_be_visible()
    shoot(page, "voice-certificate-issued")
    for name, url in (
        ("voice-opinions", "/voice/opinions/"),
        ("voice-surveys", "/voice/surveys/"),
        ("voice-survey", f"/voice/surveys/{survey.public_id}/"),
        ("voice-guides", "/voice/guides/"),
        ("voice-guide", f"/voice/guides/{Guide.objects.first().public_id}/"),
    ):
        page.goto(url)
        shoot(page, name)
    assert Survey.objects.count() == 1
