"""The core sends the portal each open check-in with its window; stopping a household's check-ins cancels the
open one, which goes to the portal cancelled; the record carries nothing about the household but its key."""

import json

import pytest
from django.utils import timezone

from hogo.checkins import services as checkins
from hogo.checkins.models import Checkin
from hogo.transfer import keys, services

from .checkin_helpers import on_portal, records_of

pytestmark = pytest.mark.django_db


def test_an_open_checkin_is_sent_and_a_stopped_plan_sends_it_cancelled(cast):
    code = cast.office_a.municipality_code
    keys.new_key("core", code)
    today = timezone.localdate()
    household = cast.households["own"]
    on_portal(household)
    checkins.set_plan(cast.users["cw"], household, interval_months=1, starts_on=today, active=True, reason="高齢単身")
    checkins.run_daily(today)
    sent = records_of(services.export_bundle(cast.office_a, "portal"))
    (row,) = sent["checkin"]
    checkin = Checkin.objects.get()
    assert row == {
        "office": code,
        "key": str(checkin.public_id),
        "household": str(household.public_id),
        "due_on": today.isoformat(),
        "window_closes_on": checkin.window_closes_on.isoformat(),
        "status": "open",
    }
    assert "高齢単身" not in json.dumps(sent, ensure_ascii=False)
    checkins.set_plan(cast.users["cw"], household, interval_months=1, starts_on=today, active=False)
    (row,) = records_of(services.export_bundle(cast.office_a, "portal"))["checkin"]
    assert row["status"] == "cancelled"
    checkins.run_daily(today.replace(day=28) if today.day < 28 else today)
    assert Checkin.objects.count() == 1
