"""A self-report from the portal is kept on the check-in and becomes a follow-up for the CW with the answers
on its page; 「よくない」, 「困っている」 or a change makes it urgent (due today). Applied once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.checkins import services as checkins
from hogo.checkins.models import Checkin
from hogo.followups.models import FollowUp, Source
from hogo.transfer import services

from .checkin_helpers import checkin_answer, from_portal, on_portal

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened(cast):
    today = timezone.localdate()
    account = on_portal(cast.households["own"])
    checkins.set_plan(cast.users["cw"], cast.households["own"], interval_months=1, starts_on=today, active=True)
    checkins.run_daily(today)
    return Checkin.objects.get(), account


def test_an_ordinary_report_is_a_followup_due_within_a_week_and_applied_once(cast, opened, login):
    checkin, account = opened
    code = cast.office_a.municipality_code
    row = checkin_answer(checkin, account, health="fair", message="元気にしています")
    data = from_portal(code, {"checkin_answer": [row]})
    services.import_bundle(data, "a.zip")
    services.import_bundle(from_portal(code, {"checkin_answer": [row]}), "b.zip")  # carried again
    (item,) = FollowUp.objects.filter(source=Source.CHECKIN)
    assert item.due_on == timezone.localdate() + timedelta(days=7) and "至急" not in item.title
    checkin.refresh_from_db()
    assert checkin.answered_at is not None and checkin.followup == item
    page = login(cast.users["cw"]).get(reverse("checkin_detail", args=[checkin.public_id])).content.decode()
    assert "ふつう" in page and "元気にしています" in page


@pytest.mark.parametrize(
    "answers",
    [{"health": "poor"}, {"living": "troubled"}, {"changed": True, "change_text": "入院することになった"}],
    ids=["poor_health", "troubled_living", "a_change"],
)
def test_poor_health_hard_living_or_a_change_makes_it_urgent(cast, opened, answers):
    checkin, account = opened
    code = cast.office_a.municipality_code
    services.import_bundle(
        from_portal(code, {"checkin_answer": [checkin_answer(checkin, account, **answers)]}), "a.zip"
    )
    item = FollowUp.objects.get(source=Source.CHECKIN)
    assert item.title.startswith("【至急】") and item.due_on == timezone.localdate()
