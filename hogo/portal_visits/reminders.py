"""Reminders the portal sends through hogo.portal_notify (the one way to notify a recipient): the day before
a confirmed visit, when a check-in opens, and the day before a check-in closes. Each is sent once (its
dedupe key); running the job again the same day sends nothing more."""

from datetime import date, timedelta

from django.urls import reverse

from hogo.common.wareki import wareki
from hogo.portal_notify.services import notify

from .models import Checkin, CheckinStatus, SlotStatus, VisitSlot


def send_reminders(today: date) -> dict:
    tomorrow = today + timedelta(days=1)
    sent = {"visit": 0, "checkin_open": 0, "checkin_closing": 0}  # looked at (notify() sends each once)
    visits = VisitSlot.objects.filter(date=tomorrow, status=SlotStatus.CONFIRMED, household__active=True)
    for slot in visits.select_related("household"):
        when = wareki(slot.date) + (f" {slot.slot}" if slot.slot else "")
        # a visit moved to another day is reminded again: the date is part of the key
        notify(
            slot.household,
            kind="visit_reminder",
            subject="明日は訪問の日です",
            body=f"明日（{when}）、ケースワーカーがお家にうかがいます。都合が悪くなったときは、福祉事務所に電話してください。",
            url=reverse("my_visits"),
            dedupe_key=f"visit-reminder:{slot.key}:{slot.date.isoformat()}",
        )
        sent["visit"] += 1
    checkins = Checkin.objects.filter(
        status=CheckinStatus.OPEN,
        due_on__lte=today,
        window_closes_on__gte=today,
        answer__isnull=True,
        household__active=True,
    ).select_related("household")
    for checkin in checkins:
        notify(
            checkin.household,
            kind="checkin_open",
            subject="近況の報告をお願いします",
            body=f"いまの暮らしの様子を、ポータルの「近況の報告」から教えてください。締切は{wareki(checkin.window_closes_on)}です。",
            url=reverse("my_checkins"),
            dedupe_key=f"checkin-open:{checkin.key}",
        )
        sent["checkin_open"] += 1
        if checkin.window_closes_on == tomorrow:
            notify(
                checkin.household,
                kind="checkin_closing",
                subject="近況の報告の締切は明日です",
                body=f"近況の報告の締切は明日（{wareki(checkin.window_closes_on)}）です。まだの方は、ポータルから教えてください。",
                url=reverse("my_checkins"),
                dedupe_key=f"checkin-closing:{checkin.key}",
            )
            sent["checkin_closing"] += 1
    return sent
