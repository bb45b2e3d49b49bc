"""The SMS provider adapter POSTs JSON to the configured gateway (a real HTTP server on 127.0.0.1) with the
bearer token, and the text is the fixed sentence and the portal's address: no subject, body, name or markup."""

import pytest

from hogo.portal_notify import delivery
from hogo.portal_notify.models import Delivery
from hogo.portal_notify.services import notify

from .notify_helpers import MOBILE, TOKEN, account, gateway, household  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_the_gateway_gets_the_number_and_the_fixed_text_with_the_token(gateway, settings):
    settings.HOGO_PORTAL_URL = "https://portal.example.lg.jp/"
    home = household()
    account(home, "head", sms=MOBILE, name="川瀬 花子")
    n = notify(home, kind="dunning", subject="<script>alert(1)</script>返還金のお知らせ", body="川瀬 花子 様 5,000円")
    d = n.deliveries.get()

    assert delivery.send(d.pk) == "sent"

    [(path, headers, body)] = gateway.requests
    assert path == "/send"
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert body == {
        "channel": "sms",
        "to": MOBILE,
        "text": "お知らせがあります。ポータルをご確認ください。\nhttps://portal.example.lg.jp/",
    }
    for private in ("script", "返還金", "川瀬", "5,000", "<"):
        assert private not in body["text"]
    d.refresh_from_db()
    assert (d.state, d.attempts, d.last_error) == (Delivery.State.SENT, 1, "")
    assert d.sent_at is not None


def test_line_goes_to_its_own_gateway_with_its_own_token(settings):
    from .notify_helpers import Gateway

    with Gateway() as line:
        settings.HOGO_PORTAL_SMS_URL = ""
        settings.HOGO_PORTAL_LINE_URL, settings.HOGO_PORTAL_LINE_TOKEN = line.url, "line-token"
        home = household()
        account(home, "head", sms=MOBILE, line="U" + "0" * 32)
        n = notify(home, kind="visit", subject="訪問", body="本文")
        [d] = n.deliveries.all()
        assert d.channel == "line"
        delivery.send(d.pk)
    [(_, headers, body)] = line.requests
    assert headers["Authorization"] == "Bearer line-token"
    assert body["channel"] == "line" and body["to"] == "U" + "0" * 32
