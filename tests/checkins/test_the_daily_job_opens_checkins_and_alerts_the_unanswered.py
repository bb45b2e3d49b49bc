"""The daily job opens a household's check-in on its day (once, with a two-week window), only while the
household uses the portal, and an unanswered check-in past its window becomes an alert for the CW."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from hogo.checkins import services
from hogo.checkins.models import Checkin
from hogo.followups.models import FollowUp, Source

from .checkin_helpers import on_portal

pytestmark = pytest.mark.django_db


def test_a_checkin_opens_on_its_day_once_and_the_next_a_month_later(cast):
    today = timezone.localdate()
    household = cast.households["own"]
    on_portal(household)
    services.set_plan(cast.users["cw"], household, interval_months=1, starts_on=today, active=True)
    assert services.run_daily(today)["checkins_opened"] == 1
    assert services.run_daily(today)["checkins_opened"] == 0
    checkin = Checkin.objects.get()
    assert checkin.due_on == today and checkin.window_closes_on == today + timedelta(days=13)
    assert services.run_daily(today + timedelta(days=20))["checkins_opened"] == 0
    call_command("checkins", "daily", "--date", (today + timedelta(days=40)).isoformat())
    assert Checkin.objects.count() == 2


def test_a_household_that_left_the_portal_gets_no_checkin(cast):
    today = timezone.localdate()
    household = cast.households["own"]
    account = on_portal(household)
    services.set_plan(cast.users["cw"], household, interval_months=1, starts_on=today, active=True)
    account.ended_at = timezone.now()
    account.save()
    services.run_daily(today)
    assert not Checkin.objects.exists()


def test_an_unanswered_checkin_past_its_window_becomes_one_alert_for_the_cw(cast):
    today = timezone.localdate()
    household = cast.households["own"]
    on_portal(household)
    services.set_plan(cast.users["cw"], household, interval_months=3, starts_on=today, active=True)
    services.run_daily(today)
    assert not FollowUp.objects.filter(source=Source.CHECKIN).exists()
    later = today + timedelta(days=14)
    assert services.run_daily(later)["checkins_missed"] == 1
    assert services.run_daily(later)["checkins_missed"] == 0
    (alert,) = FollowUp.objects.filter(source=Source.CHECKIN)
    assert alert.household == household and alert.due_on == later and "回答がありません" in alert.title


def test_only_the_households_cw_or_sv_sets_a_plan_and_only_for_a_household_on_the_portal(cast):
    from django.core.exceptions import PermissionDenied, ValidationError

    today = timezone.localdate()
    household = cast.households["own"]
    with pytest.raises(ValidationError):
        services.set_plan(cast.users["cw"], household, interval_months=1, starts_on=today, active=True)
    on_portal(household)
    with pytest.raises(PermissionDenied):
        services.set_plan(cast.users["cw_mate"], household, interval_months=1, starts_on=today, active=True)
    services.set_plan(cast.users["sv"], household, interval_months=2, starts_on=today, active=True)
