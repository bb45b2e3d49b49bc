"""Support plans are versioned and insert-only; every assignment has an owner and keeps its
dates; the monitoring date and assignment ends become follow-ups; evaluating closes monitoring."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from hogo.collaboration import services
from hogo.collaboration.models import SupportPlan
from hogo.followups.models import FollowUp, Source, State


def plan_values(agencies, today, **overrides):
    values = dict(
        basic_info="80代女性と60代男性の2人世帯",
        purpose="A さんの受診と生活の安定",
        issues="認知症の疑い、ひきこもり",
        period_from=today,
        period_to=today + timedelta(days=180),
        next_monitoring_on=today + timedelta(days=60),
        contingencies="A さんが受診に前向きになったら、CW が地域包括の包括さんに連絡し同行受診を依頼する",
        assignments=[
            {
                "agency": agencies["community_care_centre"],
                "person": "包括 太郎",
                "task": "認知症初期集中支援チームと同行訪問",
                "for_whom": "A さん",
                "frequency": "月1回",
                "valid_from": today,
                "valid_to": today + timedelta(days=90),
            },
            {
                "agency": None,
                "person": "佐藤 一郎",
                "task": "家庭訪問と受診勧奨",
                "for_whom": "A さん・B さん",
                "frequency": "月1回",
                "valid_from": today,
                "valid_to": today + timedelta(days=180),
            },
        ],
    )
    values.update(overrides)
    return values


def test_a_plan_without_an_owner_for_an_assignment_is_refused(cast, conference, agencies, today):
    values = plan_values(agencies, today)
    values["assignments"][0]["person"] = "  "
    with pytest.raises(ValidationError) as refused:
        services.create_plan(cast.users["cw"], conference.household, conference=conference, **values)
    assert "担当者がいません" in refused.value.message_dict["assignments"][0]
    assert not SupportPlan.objects.exists()


def test_the_monitoring_date_and_assignment_ends_become_follow_ups(cast, conference, agencies, today):
    plan = services.create_plan(
        cast.users["cw"], conference.household, conference=conference, **plan_values(agencies, today)
    )
    items = {i.title: i for i in FollowUp.objects.filter(source=Source.SUPPORT_PLAN, state=State.OPEN)}
    assert items["支援計画のモニタリング"].due_on == plan.next_monitoring_on
    assert items["役割の期限: みなと市地域包括支援センター（包括 太郎）"].due_on == today + timedelta(days=90)


def test_a_new_version_keeps_the_old_one_and_the_assignment_history(cast, conference, agencies, today):
    first = services.create_plan(
        cast.users["cw"], conference.household, conference=conference, **plan_values(agencies, today)
    )
    values = plan_values(agencies, today, purpose="B さんへの接触を始める")
    values["assignments"][0]["valid_to"] = today + timedelta(days=30)  # the role ended earlier
    second = services.create_plan(cast.users["cw"], conference.household, conference=conference, **values)
    assert (first.version, second.version) == (1, 2)
    assert SupportPlan.objects.get(pk=first.pk).purpose == "A さんの受診と生活の安定"
    history = list(services.assignment_history(conference.household))
    assert len(history) == 4 and {a.plan.version for a in history} == {1, 2}
    old_items = FollowUp.objects.filter(key__startswith=f"plan:{first.pk}:")
    assert all(i.state == State.DONE and "第2版" in i.done_note for i in old_items)
    first.purpose = "書き換え"
    with pytest.raises(ValidationError):
        first.save()


def test_evaluating_a_plan_records_table_25_item_3_and_closes_monitoring(cast, conference, agencies, today):
    plan = services.create_plan(
        cast.users["cw"], conference.household, conference=conference, **plan_values(agencies, today)
    )
    services.evaluate_plan(
        cast.users["cw"],
        plan,
        evaluator="佐藤 一郎",
        evaluated_on=today,
        daily_life="デイサービスに通い始めた",
        remaining="B さんとの接触",
        plan_must_change=True,
    )
    assert FollowUp.objects.get(key=f"plan:{plan.pk}:monitoring").state == State.DONE
    assert plan.evaluations.get().plan_must_change


def test_the_plan_and_minutes_print_as_japanese_pdfs(cast, conference, agencies, today, login, tmp_path):
    import subprocess

    services.record_meeting(
        cast.users["cw"],
        conference,
        held_on=today,
        attended=[agencies["community_care_centre"].pk],
        minutes="A さんの受診を優先する方針で一致した。",
        conclusions="地域包括が同行訪問する。",
    )
    plan = services.create_plan(
        cast.users["cw"], conference.household, conference=conference, **plan_values(agencies, today)
    )
    client = login(cast.users["cw"])
    for url, words in (
        (f"/plans/{plan.public_id}/plan.pdf", ["支援計画", "役割分担", "包括 太郎", "状況が変わったときの取り決め"]),
        (f"/conferences/{conference.public_id}/minutes.pdf", ["会議録", "受診を優先", "出席"]),
    ):
        response = client.get(url)
        assert response["Content-Type"] == "application/pdf"
        path = tmp_path / "out.pdf"
        path.write_bytes(response.content)
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        for word in words:
            assert word in text.replace(" ", "") or word.replace(" ", "") in text.replace(" ", ""), word


def test_the_cw_records_that_an_agency_did_what_it_promised(cast, conference, agencies, today, login):
    from django.urls import reverse

    services.create_plan(cast.users["cw"], conference.household, conference=conference, **plan_values(agencies, today))
    item = FollowUp.objects.get(title="役割の期限: みなと市地域包括支援センター（包括 太郎）")
    client = login(cast.users["cw"])
    assert "完了にする" in client.get(reverse("followup_detail", args=[item.public_id])).content.decode()
    client.post(
        reverse("followup_done", args=[item.public_id]),
        {"done_on": today.isoformat(), "note": "同行訪問を実施し、要介護認定の申請につながった"},
    )
    item.refresh_from_db()
    assert item.state == State.DONE and "要介護認定" in item.done_note
