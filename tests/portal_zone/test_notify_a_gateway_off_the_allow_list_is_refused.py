"""The SMS/LINE gateways are reached only on HOGO_OUTBOUND_ALLOWED (hogo/common/outbound.py): a delivery to a
gateway off the list is refused before connecting and recorded, and the system check hogo.E024 stops the
portal from starting with such a gateway configured."""

import pytest
from django.core.checks import run_checks

from hogo.portal_notify import delivery
from hogo.portal_notify.checks import notification_gateways_are_allowed
from hogo.portal_notify.services import notify

from .notify_helpers import MOBILE, TOKEN, account, household

pytestmark = pytest.mark.django_db


def test_a_delivery_to_a_gateway_off_the_list_is_refused_without_connecting(settings):
    settings.HOGO_OUTBOUND_ALLOWED = ["10.1.2.3:443"]
    settings.HOGO_PORTAL_SMS_URL, settings.HOGO_PORTAL_SMS_TOKEN = "https://sms.example.com/send", TOKEN
    home = household()
    account(home, "head", sms=MOBILE)
    d = notify(home, kind="visit", subject="訪問", body="本文").deliveries.get()
    assert delivery.send(d.pk) == "queued"  # the socket guard would fail the test had it connected
    d.refresh_from_db()
    assert d.last_error == "宛先が許可リストにありません（sms.example.com:443）"


def test_the_check_names_a_gateway_off_the_list_and_passes_one_on_it(settings):
    settings.HOGO_OUTBOUND_ALLOWED = ["10.1.2.3:443"]
    settings.HOGO_PORTAL_SMS_URL = "https://sms.example.com/send"
    settings.HOGO_PORTAL_LINE_URL = "https://10.1.2.3/line"
    [error] = notification_gateways_are_allowed(None)
    assert error.id == "hogo.E024" and "sms.example.com:443" in error.msg and "HOGO_PORTAL_SMS_URL" in error.msg
    assert "hogo.E024" in [e.id for e in run_checks()]
    settings.HOGO_PORTAL_SMS_URL = ""
    assert notification_gateways_are_allowed(None) == []
