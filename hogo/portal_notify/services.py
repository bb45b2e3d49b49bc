"""The one way portal apps notify a household: `notify()`. It records the notification shown in the portal
and, once delivery is configured, queues its e-mail/SMS copies (hogo/portal_notify/delivery.py)."""

from django.db import IntegrityError, transaction

from .delivery import queue_for
from .models import Notification


def notify(household, *, kind: str, subject: str, body: str, url: str = "", dedupe_key: str = "") -> Notification:
    """A notification for every account of the household. `dedupe_key` (e.g. `visit-reminder:<key>`) makes a
    repeated call return the first notification instead of sending again. A new notification is also queued
    for e-mail/SMS/LINE to every account that consented, on the channels the office configured."""
    if dedupe_key:
        existing = Notification.objects.filter(household=household, dedupe_key=dedupe_key).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                household=household, kind=kind, subject=subject[:120], body=body, url=url, dedupe_key=dedupe_key
            )
            queue_for(notification)
    except IntegrityError:
        if not dedupe_key:
            raise
        return Notification.objects.get(household=household, dedupe_key=dedupe_key)  # a concurrent call won
    return notification
