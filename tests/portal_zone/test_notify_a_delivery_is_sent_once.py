"""A delivery is sent once: a second task for the same row (a retry that raced, a worker that took a task over)
finds it no longer queued and sends nothing; two threads sending the same row at once send one message."""

import threading

import pytest
from django.db import connection

from hogo.portal_notify import delivery
from hogo.portal_notify.services import notify

from .notify_helpers import MOBILE, account, gateway, household  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_sending_the_same_delivery_twice_sends_one_message(gateway):
    home = household()
    account(home, "head", sms=MOBILE)
    d = notify(home, kind="visit", subject="訪問", body="本文").deliveries.get()
    assert delivery.send(d.pk) == "sent"
    assert delivery.send(d.pk) == "sent"
    assert len(gateway.requests) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_one_message(gateway):
    home = household()
    account(home, "head", sms=MOBILE)
    d = notify(home, kind="visit", subject="訪問", body="本文").deliveries.get()
    results, start = [], threading.Barrier(2)

    def worker():
        start.wait()
        try:
            results.append(delivery.send(d.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert "sent" in results and len(results) == 2
    assert len(gateway.requests) == 1
    d.refresh_from_db()
    assert (d.state, d.attempts) == ("sent", 1)
