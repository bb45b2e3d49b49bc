"""A recorded visit stores its checklist, writes a draft record in plain Japanese, closes the
visit follow-up and schedules the next one from the grade."""

from datetime import timedelta

from django.urls import reverse

from hogo.casework import services
from hogo.casework.models import CaseRecord, Visit
from hogo.casework.records_text import Finding
from hogo.followups.models import FollowUp, State
from hogo.followups.schedule import add_months


def test_a_recorded_visit_drafts_the_record_and_schedules_the_next_visit(cast, rules, located, today):
    household = located[0]
    household.visit_grade = "B"
    household.save()
    due = FollowUp.objects.get(household=household, rule=rules["home_visit"], state=State.OPEN)
    draft = services.record_visit(
        cast.users["cw"],
        household,
        done_on=today,
        met="世帯主 本人",
        findings=[
            Finding("living", "same", "室内は整頓されている"),
            Finding("health", "changed", "膝の痛みで通院した"),
        ],
        policy="次回は通院状況を確認する",
    )
    assert draft.kind == "visit" and draft.confirmed_at is None
    assert "【健康状態】変化あり。膝の痛みで通院した。" in draft.body
    assert "【今後の方針】次回は通院状況を確認する" in draft.body
    assert Visit.objects.get(pk=draft.visit_id).checklist["health"] == {
        "result": "changed",
        "note": "膝の痛みで通院した",
    }
    due.refresh_from_db()
    assert due.state == State.DONE and due.done_on == today
    following = FollowUp.objects.get(household=household, rule=rules["home_visit"], state=State.OPEN)
    assert following.due_on == add_months(today, 2)


def test_the_visit_sheet_posts_the_checklist_and_opens_the_draft(cast, rules, located, login, today):
    household = located[1]
    client = login(cast.users["cw"])
    sheet = client.get(reverse("visit_sheet", args=[household.public_id]))
    assert "今回聞くこと" in sheet.content.decode()
    response = client.post(
        reverse("visit_sheet", args=[household.public_id]),
        {
            "done_on": today.isoformat(),
            "met": "世帯主",
            "living_result": "same",
            "living_note": "",
            "health_result": "changed",
            "health_note": "風邪気味",
            "policy": "来月も訪問",
        },
    )
    record = CaseRecord.objects.get(household=household)
    assert response.status_code == 302 and response.url == reverse("record_detail", args=[record.public_id])


def test_a_visit_in_the_future_is_refused_on_its_field(cast, rules, located, login, today):
    response = login(cast.users["cw"]).post(
        reverse("visit_sheet", args=[located[0].public_id]),
        {"done_on": (today + timedelta(days=1)).isoformat(), "met": "世帯主"},
    )
    assert response.status_code == 200
    assert "訪問日が未来の日付です。" in response.content.decode()
    assert not CaseRecord.objects.exists()
