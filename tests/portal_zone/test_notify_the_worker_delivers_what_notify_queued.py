"""End to end inside the portal: notify() queues the task after commit and the worker (`hogo worker`, in
batch mode) sends the SMS through the gateway; the notification itself is in the portal either way."""

import pytest
from django.core.management import call_command

from hogo.portal_notify.models import Delivery, Notification
from hogo.portal_notify.services import notify

from .notify_helpers import MOBILE, account, gateway, household  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_sends_the_queued_copy(gateway):
    home = household()
    account(home, "head", sms=MOBILE)
    notify(home, kind="visit", subject="訪問の予定", body="本文")
    assert Delivery.objects.get().state == "queued" and not gateway.requests
    call_command("worker", batch=True, startup_delay=False, interval=0)
    assert Delivery.objects.get().state == "sent"
    assert [body["to"] for _, _, body in gateway.requests] == [MOBILE]
    assert Notification.objects.get().read_at is None
