"""notify() records the notification in the portal and queues one copy per configured channel for each
account in force that consented and gave an address; nothing else gets a copy."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hogo.portal_notify.models import Delivery
from hogo.portal_notify.services import notify

from .notify_helpers import MOBILE, account, gateway, household  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_each_consented_address_gets_one_copy_per_configured_channel(
    gateway, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    home = household()
    account(home, "head", email="head@example.jp", sms=MOBILE, line="U" + "a" * 32)
    account(home, "member", role="member", email="member@example.jp")
    with django_capture_on_commit_callbacks(execute=True):
        n = notify(home, kind="visit", subject="訪問の予定", body="明日 14時に伺います。")
    got = sorted((d.channel, d.address, d.state) for d in n.deliveries.all())
    # no LINE provider is configured: LINE stays in the portal
    assert got == [
        ("email", "head@example.jp", "queued"),
        ("email", "member@example.jp", "queued"),
        ("sms", MOBILE, "queued"),
    ]
    assert DBTaskResult.objects.filter(task_path="hogo.portal_notify.tasks.deliver").count() == 3


def test_without_a_provider_a_notification_stays_in_the_portal(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.HOGO_PORTAL_SMS_URL = settings.HOGO_PORTAL_LINE_URL = ""
    home = household()
    account(home, "head", email="head@example.jp", sms=MOBILE, line="U" + "a" * 32)
    n = notify(home, kind="visit", subject="訪問の予定", body="本文")
    assert n.pk and not Delivery.objects.exists()


def test_no_copy_without_consent_for_an_ended_account_or_another_household(gateway):
    home, other = household(), household("hh-2")
    account(home, "no-consent", sms=MOBILE, consent=False)
    account(home, "ended", sms="08011112222", ended_at=timezone.now() - timedelta(days=1))
    account(other, "other", sms="07033334444")
    notify(home, kind="visit", subject="訪問の予定", body="本文")
    assert not Delivery.objects.exists()


def test_a_repeated_notification_with_the_same_key_queues_nothing_more(gateway):
    home = household()
    account(home, "head", sms=MOBILE)
    first = notify(home, kind="visit", subject="訪問の予定", body="本文", dedupe_key="visit-reminder:v-1")
    again = notify(home, kind="visit", subject="訪問の予定", body="本文", dedupe_key="visit-reminder:v-1")
    assert again.pk == first.pk
    assert Delivery.objects.count() == 1
