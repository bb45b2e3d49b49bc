"""Across both zones (issue 22): two servers, two databases. A caseworker schedules a conference in the core
(a candidate date, an agency member); the core's signed bundle is imported by the portal; the agency member
starts using the portal with the office's one-time code, signs the pledge and answers the date on a phone;
the portal's bundle comes back and the answer shows on the core's conference page. Bundles move as files,
as the one-way drop would move them. Screenshots: var/shots/zones-*.png."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.collaboration import services as collaboration
from hogo.collaboration import transfer as agency_transfer
from hogo.collaboration.models import AgencyMember, DateAnswer, Pledge
from hogo.transfer import services as transfer
from tests.roles import agency_member_of

from .shots import shoot
from .test_login_search_open_household import log_in
from .zones import portal  # noqa: F401 - the fixture

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


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
