"""The whole path: consultation → application → checklist → need test → start decision → SV and
chief approve → the household is under assistance and the notice PDF reads right."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from hogo.approvals import services as approvals
from hogo.audit.models import Action, AuditEntry
from hogo.decisions import services
from hogo.decisions.models import Application, DecisionStatus


def test_receiving_an_application_opens_the_checklist_and_moves_the_household_to_applying(cast, applying):
    household, application = applying
    household.refresh_from_db()
    assert household.status == "applying"
    assert [i.code for i in application.checklist.all()] == [
        "home_visit",
        "assets",
        "deposit_inquiry",
        "support_inquiry",
        "other_measures",
        "work_capacity",
    ]
    home_visit = application.checklist.get(code="home_visit")
    assert (home_visit.due_on - application.received_on).days == 7
    assert AuditEntry.objects.filter(action=Action.CREATE, target_id=str(application.public_id)).exists()


def test_a_support_inquiry_not_sent_needs_one_of_the_2021_reasons(cast, applying):
    from django.core.exceptions import ValidationError

    _, application = applying
    item = application.checklist.get(code="support_inquiry")
    with pytest.raises(ValidationError) as exc:
        services.update_checklist_item(cast.users["cw"], item, status="not_needed", done_on=None, note="不要")
    assert "exemption" in exc.value.message_dict


def test_the_need_test_keeps_the_facts_and_standards_version(cast, drafted):
    _, _, test, decision = drafted
    assert test.need is True and test.standards_version >= "2023-10-01"
    assert test.facts["rent"] == 45000 and len(test.facts["members"]) == 1
    assert decision.amounts["housing"] == 45000
    one_time = test.result["benefit"]["by_assistance"].get("year_end", 0)
    assert decision.benefit_total == sum(decision.amounts.values()) == test.benefit - one_time


def test_sv_then_chief_approve_and_the_decision_takes_effect(cast, drafted):
    household, application, _, decision = drafted
    approvals.approve(cast.users["sv"], decision)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DRAFT  # one step of two
    approvals.approve(cast.users["chief"], decision, comment="可")
    decision.refresh_from_db()
    household.refresh_from_db()
    assert decision.status == DecisionStatus.APPROVED and decision.approved_at
    assert household.status == "active"
    assert Application.objects.get(pk=application.pk).decided_on is not None


def test_the_flow_through_the_screens(cast, applying, login):
    household, application = applying
    cw = login(cast.users["cw"])
    page = cw.get(reverse("application_detail", args=[application.public_id]))
    assert "決定期限" in page.content.decode() and "あと11日" in page.content.decode()
    for item in application.checklist.all():
        data = {
            f"item{item.pk}-status": "done",
            f"item{item.pk}-done_on": application.received_on.isoformat(),
            f"item{item.pk}-note": "",
            f"item{item.pk}-exemption": "",
        }
        cw.post(reverse("checklist_update", args=[application.public_id, item.pk]), data)
    assert not application.checklist.exclude(status="done").exists()
    response = cw.post(reverse("need_test_run", args=[application.public_id]), {"as_of": "2026-10-01"})
    assert response.status_code == 302 and "/need-tests/" in response.url
    assert "最低生活費" in cw.get(response.url).content.decode()
    test = household.need_tests.get()
    response = cw.post(
        reverse("decision_new", args=[household.public_id]),
        {
            "kind": "start",
            "effective_from": application.received_on.isoformat(),
            "application": application.public_id,
            "need_test": test.public_id,
            "reasons": "収入が最低生活費に満たないため。",
        },
    )
    assert response.status_code == 302
    decision = household.decisions.get()
    login(cast.users["sv"]).post(reverse("decision_approve", args=[decision.public_id]), {"comment": ""})
    login(cast.users["chief"]).post(reverse("decision_approve", args=[decision.public_id]), {"comment": "決裁"})
    decision.refresh_from_db()
    assert decision.status == "approved"
    pdf = login(cast.users["cw"]).get(reverse("decision_notice", args=[decision.public_id]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_notice_pdf_reads_as_japanese_with_pdftotext(cast, drafted, tmp_path):
    from hogo.common.wareki import wareki
    from hogo.decisions.notices import render_notice

    household, application, _, decision = drafted
    approvals.approve(cast.users["sv"], decision)
    approvals.approve(cast.users["chief"], decision)
    decision.refresh_from_db()
    path = tmp_path / "notice.pdf"
    path.write_bytes(render_notice(decision))
    assert shutil.which("pdftotext"), "pdftotext is needed (Debian poppler-utils; .ci/run installs it)"
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = text.replace("\n", "")  # lines wrap inside words; compare the running text
    for words in (
        "保護開始決定通知書",
        "木村 陽子 様",
        wareki(decision.effective_from),
        "住宅扶助",
        "45,000円",
        f"{decision.benefit_total:,}円",
        "審査請求",
        "東京都知事",
        "3か月以内",
        household.case_number,
    ):
        assert words in text, words
