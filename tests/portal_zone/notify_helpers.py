"""Households, accounts and a gateway for the notification tests (hogo.portal_notify): a real HTTP server on
127.0.0.1 in a thread that records every request and answers with the statuses it is given."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.urls import include, path
from django.utils import timezone

from hogo.portal_notify.models import Contact
from hogo.recipient_portal.models import RecipientAccount, RecipientHousehold

from .helpers import OFFICE

TOKEN = "sms-token-not-for-logs-7f3a"
MOBILE = "09012345678"
PASSWORD = "notify-portal-pass-2026"


def household(key: str = "hh-1", **fields) -> RecipientHousehold:
    return RecipientHousehold.objects.create(office=OFFICE, key=key, **fields)


def account(home: RecipientHousehold, username: str, *, email="", sms="", line="", consent=True, **fields):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    acc = RecipientAccount.objects.create(
        user=user,
        household=home,
        office=OFFICE,
        key=f"ra-{user.pk}",
        role=fields.pop("role", "head"),
        name=fields.pop("name", "川瀬 花子"),
        activated_at=fields.pop("activated_at", timezone.now()),
        **fields,
    )
    if email or sms or line:
        Contact.objects.create(
            account=acc, email=email, sms=sms, line=line, consented_at=timezone.now() if consent else None
        )
    return acc


class Gateway:
    """The provider's side: `requests` holds (path, headers, parsed JSON body) of each POST; `statuses` is the
    list of answers to give in turn (the last one repeats)."""

    def __init__(self, statuses=(200,)):
        self.requests: list[tuple[str, dict, dict]] = []
        self.statuses = list(statuses)
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                gateway.requests.append((self.path, dict(self.headers), json.loads(self.rfile.read(length))))
                status = gateway.statuses.pop(0) if len(gateway.statuses) > 1 else gateway.statuses[0]
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}' if status < 300 else b'{"error": "busy"}')

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/send"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(settings):
    """An SMS gateway answering 200, configured as the portal's SMS provider."""
    with Gateway() as gw:
        settings.HOGO_PORTAL_SMS_URL, settings.HOGO_PORTAL_SMS_TOKEN = gw.url, TOKEN
        yield gw


def with_notify_urls():
    """hogo.urls_portal plus the notification pages (until hogo/urls_portal.py includes them itself)."""
    from hogo import urls_portal

    names = {getattr(getattr(p, "urlconf_name", None), "__name__", None) for p in urls_portal.urlpatterns}
    extra = [] if "hogo.portal_notify.urls" in names else [path("my/", include("hogo.portal_notify.urls"))]
    return urls_portal.urlpatterns + extra


urlpatterns = with_notify_urls()  # this module is also the urlconf of the page tests


def free_loopback_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (connection refused)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/send"
