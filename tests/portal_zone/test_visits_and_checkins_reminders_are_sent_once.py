"""The daily reminders: the day before a confirmed visit (not a proposed one), when a check-in opens and the
day before it closes — each once, however often the job runs; nothing for an answered check-in."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from hogo.portal_notify.models import Notification
from hogo.portal_visits.models import CheckinAnswer
from hogo.portal_visits.reminders import send_reminders

from .visits_helpers import checkin, deliver, recipient, slot

pytestmark = pytest.mark.django_db

KEY = "88888888-8888-4888-8888-888888888888"


def test_a_confirmed_visit_tomorrow_is_reminded_once():
    recipient()
    deliver([slot(KEY, days=1, status="confirmed"), slot(days=1, status="proposed", slot="15:00")])
    today = timezone.localdate()
    send_reminders(today)
    call_command("portal_reminders", "--date", today.isoformat())
    (note,) = Notification.objects.filter(kind="visit_reminder")
    assert note.dedupe_key.startswith(f"visit-reminder:{KEY}") and "10:00〜10:30" in note.body


def test_a_checkin_is_reminded_when_it_opens_and_the_day_before_it_closes_once_each():
    me = recipient()
    (opened,) = [checkin()]
    deliver([], [opened])
    today = timezone.localdate()
    send_reminders(today)
    send_reminders(today)
    assert Notification.objects.filter(kind="checkin_open").count() == 1
    assert not Notification.objects.filter(kind="checkin_closing").exists()
    day_before = today + timedelta(days=12)
    send_reminders(day_before)
    send_reminders(day_before)
    assert Notification.objects.filter(kind="checkin_closing").count() == 1
    assert Notification.objects.filter(household=me.household).count() == 2


def test_an_answered_checkin_is_not_reminded():
    me = recipient()
    opened = checkin()
    deliver([], [opened])
    from hogo.portal_visits.models import Checkin

    CheckinAnswer.objects.create(
        checkin=Checkin.objects.get(),
        account=me,
        health="good",
        living="fine",
        changed=False,
        answered_at=timezone.now(),
    )
    send_reminders(timezone.localdate())
    assert not Notification.objects.exists()
