"""Across both zones (issue 23, "Done when"): a visit slot the CW proposes is confirmed from the portal and
shows as confirmed in the CW's calendar; a check-in answered on the phone becomes a follow-up for the CW (the
受給証明書 request: test_two_zones_a_certificate_and_an_opinion_travel_by_bundle.py). Bundles move as files
both ways. Screenshots: var/shots/recipient-*.png."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.casework import services as casework
from hogo.checkins import services as checkins
from hogo.checkins.models import Checkin
from hogo.followups.models import FollowUp
from hogo.recipients import services as recipients
from hogo.transfer import services as transfer

from .test_login_search_open_household import log_in
from .test_two_zones_recipient_declaration_to_recognised import check_phone_page
from .zones import portal  # noqa: F401 - the fixture

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSPHRASE = "yamada-portal-pass-2026"


class Zones:
    """Bundles as files between the core (this test's database) and the portal (its own process)."""

    def __init__(self, office, portal, tmp_path):
        self.office, self.portal, self.tmp = office, portal, tmp_path

    def to_portal(self):
        path = self.tmp / "to-portal.zip"
        path.write_bytes(transfer.export_bundle(self.office, "portal"))
        self.portal.hogo("transfer", "import", str(path))

    def to_core(self):
        path = self.tmp / "to-core.zip"
        self.portal.hogo(
            "transfer", "export", "--to", "core", "--office", self.office.municipality_code, "--out", str(path)
        )
        transfer.import_bundle(path.read_bytes(), path.name)


def test_a_visit_is_confirmed_and_a_check_in_answered_through_the_portal(cast, page, browser, portal, tmp_path):
    cw, household = cast.users["cw"], cast.households["own"]
    head = household.members.get(relation="head")
    zones = Zones(cast.office_a, portal, tmp_path)
    account, code = recipients.issue_account(cw, household, role="head", member=head)
    tomorrow = timezone.localdate() + timedelta(days=1)
    visit = casework.propose_visit(cw, household, planned_on=tomorrow + timedelta(days=2), slot="10:00〜10:30")
    checkins.set_plan(cw, household, interval_months=1, starts_on=timezone.localdate(), active=True)
    checkins.run_daily(timezone.localdate())
    zones.to_portal()

    phone = browser.new_context(viewport={"width": 375, "height": 800}, locale="ja-JP", base_url=portal.url)
    p = phone.new_page()
    p.goto(f"/my/activate/?login={account.login}")
    p.get_by_label("利用開始コード").fill(code)
    p.get_by_label("新しいパスワード", exact=True).fill(PASSPHRASE)
    p.get_by_label("新しいパスワード（確認のためもう一度）").fill(PASSPHRASE)
    p.get_by_role("button", name="利用を始める").click()
    expect(p.get_by_role("heading", name="ホーム")).to_be_visible()

    # the visit: confirmed on the phone
    p.goto("/my/visits/")
    check_phone_page(p, "visits")
    p.get_by_role("radio", name="この日時で大丈夫です").check()
    p.get_by_role("button", name="回答する").click()
    expect(p.get_by_text("あなたの回答: この日時で大丈夫です")).to_be_visible()

    # the check-in: answered on the phone
    p.goto("/my/checkins/")
    check_phone_page(p, "checkins")
    p.get_by_role("group", name="体調").get_by_role("radio", name="よくない").check()
    p.get_by_role("group", name="暮らし").get_by_role("radio", name="困っていない").check()
    p.get_by_role("group", name="前の報告から変わったこと").get_by_role("radio", name="ない", exact=True).check()
    p.get_by_label("ケースワーカーに伝えたいこと（なくてもかまいません）").fill("腰が痛くて通院が大変です。")
    p.get_by_role("button", name="送る").click()
    expect(p.get_by_text("回答しました")).to_be_visible()

    zones.to_core()
    visit.refresh_from_db()
    assert visit.status == "confirmed"
    log_in(page, "cw")
    page.goto(f"/visits/calendar/?month={visit.planned_on:%Y-%m}")
    expect(page.get_by_text("ポータルで確認済み").first).to_be_visible()
    checkin = Checkin.objects.get(household=household)
    assert checkin.answered_at is not None
    item = FollowUp.objects.get(household=household, source="checkin", subject_id=str(checkin.public_id))
    page.goto(f"/checkins/{checkin.public_id}/")
    expect(page.get_by_text("腰が痛くて通院が大変です。")).to_be_visible()
    assert item.state != "done"
    phone.close()
