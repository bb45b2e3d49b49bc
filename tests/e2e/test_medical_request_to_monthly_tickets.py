"""Tried as the office would (issue 20): a caseworker records a 傷病届 and issues the 医療要否意見書 (PDF),
enters the doctor's reply; the 嘱託医 agrees from a page that shows only what the review needs; the
caseworker decides the period with a pharmacy; the clerk's bulk run for the next month issues the 医療券
and the 調剤券, and a 介護券 for a household with a care plan; an approved routine 移送費 shows in the
month's amounts on the household page. Screenshots: var/shots/medical-*.png."""

import csv
import io
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hogo.approvals import services as approvals
from hogo.households.models import Member
from hogo.medical import care, transport
from hogo.medical.models import MedicalPeriod, Opinion, Ticket, TicketRun
from tests.decisions.change_helpers import head_of, under_start_decision
from tests.medical.medical_helpers import advisor, institutions

from .shots import shoot
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_out(page):
    page.get_by_role("button", name="ログアウト").click()
    expect(page.get_by_role("heading", name="ログイン")).to_be_visible()


def test_a_request_becomes_a_period_and_the_next_months_tickets(cast, page, tmp_path):
    today = timezone.localdate()
    next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    own, mate = cast.households["own"], cast.households["mate"]
    under_start_decision(own, cast.users["cw"])
    under_start_decision(mate, cast.users["cw_mate"])
    places = institutions(cast.office_a)
    advisor(cast, username="doctor")
    # a care plan of "mate"'s head, and an approved routine 移送費 of "own"'s head (their own pages are tested apart)
    mate_head = head_of(mate)
    Member.objects.filter(pk=mate_head.pk).update(care_level="care_2")
    mate_head.refresh_from_db()
    care.record_care_plan(
        cast.users["cw_mate"],
        mate,
        member=mate_head,
        planner=places.care,
        in_facility=False,
        limit_units=19_705,
        services=[{"provider": places.care.pk, "service": "訪問介護", "cost": 81_235}],
        starts_on=today.replace(day=1),
    )
    ride = transport.request_transport(
        cast.users["cw"],
        own,
        member=head_of(own),
        institution=places.hospital,
        route="自宅 → みなと駅 → 中央病院前",
        means="公共交通機関",
        fare=230,
        trips=4,
        doctor_reason="",
        routine=True,
        starts_on=today.replace(day=1),
    )
    approvals.approve(cast.users["sv"], ride)
    approvals.approve(cast.users["chief"], ride)

    log_in(page, "cw")
    page.goto(f"/households/{own.public_id}/")
    expect(page.locator("#medical-transports")).to_contain_text("1,840円（毎月定例）")  # 230 × 2 × 4
    page.get_by_role("link", name="傷病届を記録").click()
    page.get_by_label("受診者").select_option(label="山田 太郎")
    page.get_by_label("届出日").fill(today.isoformat())
    page.get_by_label("症状・届出の内容").fill("腰の痛みで歩きにくい")
    page.get_by_label("受診する指定医療機関").select_option(label=str(places.hospital))
    page.get_by_role("button", name="記録する").click()
    page.get_by_role("button", name="意見書を発行する").click()
    opinion = Opinion.objects.get()
    expect(page.get_by_role("heading", name=f"医療要否意見書 {opinion.reference}")).to_be_visible()
    pdf = page.request.get(f"/medical/opinions/{opinion.public_id}/opinion.pdf")
    path = tmp_path / "opinion.pdf"
    path.write_bytes(pdf.body())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert opinion.reference in text and "みなと中央病院" in text
    page.get_by_label("回答日（主治医の記入日）").fill(today.isoformat())
    page.get_by_label("傷病名").fill("腰部脊柱管狭窄症")
    page.get_by_label("入院・入院外").select_option(label="入院外（通院）")
    page.get_by_label("今後の診療見込み期間（か月）").fill("3")
    page.locator("#id_doctor_name").fill("青木 医師")
    page.get_by_role("button", name="回答を記録する").click()
    expect(page.locator(".message")).to_contain_text("嘱託医の検討を待ちます")
    shoot(page, "medical-opinion")
    log_out(page)

    log_in(page, "doctor")
    page.get_by_role("link", name="意見書の検討").click()
    expect(page.locator("#queue")).not_to_contain_text("山田")  # the review needs no name
    page.get_by_role("link", name=opinion.reference).click()
    shoot(page, "medical-review")
    page.get_by_label("要（意見のとおり）").check()
    page.get_by_role("button", name="検討の結果を記録する").click()
    expect(page.locator(".message")).to_contain_text("検討の結果を記録しました")
    log_out(page)

    log_in(page, "cw")
    page.goto(f"/medical/opinions/{opinion.public_id}/")
    page.get_by_label("医療扶助の開始日").fill(today.isoformat())
    page.get_by_label("院外処方の薬局（調剤券）").select_option(label=str(places.pharmacy))
    page.get_by_role("button", name="決定する").click()
    expect(page.locator(".message")).to_contain_text("医療扶助を決定しました")
    period = MedicalPeriod.objects.get()
    assert period.ends_on >= next_month
    log_out(page)

    log_in(page, "clerk")
    page.get_by_role("link", name="医療券・介護券").click()
    page.get_by_label("対象月").fill(f"{next_month:%Y-%m}")
    page.get_by_role("button", name="一括発行する").click()
    run = TicketRun.objects.get()
    expect(page.locator(".message")).to_contain_text(f"券を{run.count}枚発行しました")
    kinds = sorted(Ticket.objects.values_list("kind", "institution__name"))
    assert kinds == [("care", "ひだまり訪問介護"), ("dispensing", "さくら薬局"), ("medical", "みなと中央病院")]
    shoot(page, "medical-ticket-run")
    hospital_pdf = page.request.get(page.get_by_role("link", name=str(places.hospital)).get_attribute("href"))
    path.write_bytes(hospital_pdf.body())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    medical = Ticket.objects.get(kind="medical")
    assert "生活保護法による" in text and medical.number in text and "令和" in text
    registration = page.request.get(
        page.get_by_role("link", name="オンライン資格確認の登録ファイル（CSV）").get_attribute("href")
    )
    rows = list(csv.reader(io.StringIO(registration.body().decode("utf-8"))))
    assert len(rows) == 1 + 3  # the header and one row a ticket
    log_out(page)

    log_in(page, "cw")
    page.goto(f"/medical/tickets/{medical.public_id}/")
    expect(page.locator("#ticket-facts")).to_contain_text("みなと中央病院")
    shoot(page, "medical-ticket")
