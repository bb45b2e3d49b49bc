"""A gateway that answers 500 is tried again later (a new task with run_after), up to MAX_ATTEMPTS; then the
delivery is marked failed with the reason. Logs and the stored reason carry no token, number or text."""

import logging

import pytest
from django_tasks_db.models import DBTaskResult

from hogo.portal_notify import delivery
from hogo.portal_notify.models import Delivery
from hogo.portal_notify.services import notify

from .notify_helpers import MOBILE, TOKEN, Gateway, account, household

pytestmark = pytest.mark.django_db


def test_a_500_is_retried_and_a_later_success_is_recorded(settings, django_capture_on_commit_callbacks):
    with Gateway(statuses=[500, 200]) as gw:
        settings.HOGO_PORTAL_SMS_URL, settings.HOGO_PORTAL_SMS_TOKEN = gw.url, TOKEN
        home = household()
        account(home, "head", sms=MOBILE)
        d = notify(home, kind="visit", subject="訪問", body="本文").deliveries.get()
        with django_capture_on_commit_callbacks(execute=True):
            assert delivery.send(d.pk) == "queued"
        d.refresh_from_db()
        assert (d.attempts, d.last_error) == (1, "HTTP 500")
        retry = DBTaskResult.objects.get(task_path="hogo.portal_notify.tasks.deliver")
        assert retry.args_kwargs["args"] == [d.pk]
        assert retry.run_after is not None and retry.run_after > d.created_at
        assert delivery.send(d.pk) == "sent"
    assert len(gw.requests) == 2


def test_after_the_last_attempt_the_failure_is_recorded_and_nothing_is_logged_that_is_secret(settings, caplog):
    with Gateway(statuses=[500]) as gw:
        settings.HOGO_PORTAL_SMS_URL, settings.HOGO_PORTAL_SMS_TOKEN = gw.url, TOKEN
        home = household()
        account(home, "head", sms=MOBILE)
        d = notify(home, kind="visit", subject="訪問の予定", body="本文").deliveries.get()
        with caplog.at_level(logging.DEBUG):
            states = [delivery.send(d.pk) for _ in range(delivery.MAX_ATTEMPTS + 1)]
    assert states == ["queued"] * (delivery.MAX_ATTEMPTS - 1) + ["failed", "failed"]
    assert len(gw.requests) == delivery.MAX_ATTEMPTS  # the one after failing sends nothing
    d.refresh_from_db()
    assert (d.state, d.attempts, d.last_error, d.sent_at) == (
        Delivery.State.FAILED,
        delivery.MAX_ATTEMPTS,
        "HTTP 500",
        None,
    )
    logged = caplog.text
    assert "HTTP 500" in logged
    for secret in (TOKEN, MOBILE, "ポータルをご確認", "訪問の予定"):
        assert secret not in logged
        assert secret not in d.last_error


def test_a_gateway_that_does_not_answer_is_a_failure_not_a_crash(settings):
    from .notify_helpers import free_loopback_url

    settings.HOGO_PORTAL_SMS_URL, settings.HOGO_PORTAL_SMS_TOKEN = free_loopback_url(), TOKEN
    home = household()
    account(home, "head", sms=MOBILE)
    d = notify(home, kind="visit", subject="訪問", body="本文").deliveries.get()
    assert delivery.send(d.pk) == "queued"
    d.refresh_from_db()
    assert d.last_error.startswith("接続できません") and TOKEN not in d.last_error


def test_a_retry_after_the_recipient_withdrew_consent_sends_nothing(settings):
    from hogo.portal_notify.models import Contact

    with Gateway(statuses=[500]) as gw:
        settings.HOGO_PORTAL_SMS_URL, settings.HOGO_PORTAL_SMS_TOKEN = gw.url, TOKEN
        home = household()
        acc = account(home, "head", sms=MOBILE)
        d = notify(home, kind="visit", subject="訪問", body="本文").deliveries.get()
        assert delivery.send(d.pk) == "queued"
        Contact.objects.filter(account=acc).update(consented_at=None)
        assert delivery.send(d.pk) == "failed"
    assert len(gw.requests) == 1
    d.refresh_from_db()
    assert d.last_error == "送り先か同意が取り消されました"
