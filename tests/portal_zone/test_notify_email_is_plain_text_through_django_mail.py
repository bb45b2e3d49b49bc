"""E-mail goes through Django's mail (EMAIL_BACKEND) as plain text with the same fixed words as SMS: no HTML
part, nothing of the notification's subject or body. A console backend counts as no e-mail configured."""

import pytest
from django.core import mail

from hogo.portal_notify import delivery
from hogo.portal_notify.models import Delivery
from hogo.portal_notify.services import notify

from .notify_helpers import account, household

pytestmark = pytest.mark.django_db


def test_the_mail_carries_the_fixed_text_in_plain_text_only(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.HOGO_PORTAL_URL = "https://portal.example.lg.jp/"
    settings.DEFAULT_FROM_EMAIL = "portal@example.lg.jp"
    home = household()
    account(home, "head", email="hanako@example.jp")
    n = notify(home, kind="notice", subject='<a href="https://evil.example/">保護決定</a>', body="<b>川瀬</b> 様")
    d = n.deliveries.get()
    assert delivery.send(d.pk) == "sent"
    [message] = mail.outbox
    assert message.to == ["hanako@example.jp"] and message.from_email == "portal@example.lg.jp"
    assert message.subject == "お知らせがあります"
    assert message.body == "お知らせがあります。ポータルをご確認ください。\nhttps://portal.example.lg.jp/"
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", [])
    raw = message.message()
    assert raw.get_content_type() == "text/plain" and not raw.is_multipart()
    assert "evil" not in raw.as_string() and "川瀬" not in raw.get_payload(decode=True).decode()
    assert Delivery.objects.get(pk=d.pk).state == "sent"


def test_with_the_console_backend_no_mail_copy_is_made(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.HOGO_PORTAL_SMS_URL = ""
    home = household()
    account(home, "head", email="hanako@example.jp")
    assert not notify(home, kind="notice", subject="件名", body="本文").deliveries.exists()
