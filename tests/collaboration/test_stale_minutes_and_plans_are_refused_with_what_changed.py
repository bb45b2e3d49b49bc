"""Conference minutes and support plans open in two browsers: the later save of the earlier-loaded
form is refused with what the other person saved, and nothing is saved."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from hogo.collaboration.models import Conference, SupportPlan

pytestmark = pytest.mark.django_db


def browser(user, url, form, hidden="version"):
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert f'<input type="hidden" name="{hidden}"' in response.content.decode()
    return client, response.context[form]


def test_the_later_save_of_earlier_loaded_minutes_is_refused_naming_the_minutes(cast, conference, today):
    page = reverse("conference_detail", args=[conference.public_id])
    (first, first_form), (second, second_form) = (
        browser(cast.users["cw"], page, "meeting_form"),
        browser(cast.users["sv"], page, "meeting_form"),
    )
    url = reverse("conference_meeting", args=[conference.public_id])
    meeting = {"held_on": today.isoformat(), "conclusions": ""}
    assert (
        first.post(
            url, {**meeting, "minutes": "受診同行を決めた。", "version": first_form["version"].value()}
        ).status_code
        == 302
    )

    refused = second.post(url, {**meeting, "minutes": "次回に持ち越した。", "version": second_form["version"].value()})
    assert refused.status_code == 200
    said = " ".join(refused.context["meeting_form"].non_field_errors())
    assert "会議録「受診同行を決めた。」" in said
    assert Conference.objects.get(pk=conference.pk).minutes == "受診同行を決めた。"


def plan_post(form, today, agency, **changes):
    data = {
        "basic_info": form["basic_info"].value(),
        "purpose": form["purpose"].value(),
        "issues": form["issues"].value() or "受診拒否",
        "period_from": today.isoformat(),
        "period_to": (today + timedelta(days=180)).isoformat(),
        "next_monitoring_on": (today + timedelta(days=60)).isoformat(),
        "contingencies": "",
        "meeting_dates": "",
        "based_on": form["based_on"].value(),
        "a0-agency": agency.pk,
        "a0-person": "包括 太郎",
        "a0-task": "同行訪問",
        "a0-valid_from": today.isoformat(),
        "a0-valid_to": (today + timedelta(days=90)).isoformat(),
    }
    data.update(changes)
    return data


def test_a_plan_written_from_an_older_version_is_refused_with_what_the_newer_one_says(
    cast, conference, agencies, today
):
    url = reverse("plan_new", args=[conference.public_id])
    (first, first_form), (second, second_form) = (
        browser(cast.users["cw"], url, "form", "based_on"),
        browser(cast.users["sv"], url, "form", "based_on"),
    )
    agency = agencies["community_care_centre"]
    assert first.post(url, plan_post(first_form, today, agency, purpose="受診につなげる")).status_code == 302

    refused = second.post(url, plan_post(second_form, today, agency, purpose="生活の安定"))
    assert refused.status_code == 200
    said = " ".join(refused.context["form"].non_field_errors())
    assert "第1版の支援計画が作られました" in said and "支援の目的「受診につなげる」" in said
    assert list(SupportPlan.objects.values_list("version", "purpose")) == [(1, "受診につなげる")]
