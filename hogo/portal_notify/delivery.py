"""Copies of a notification out of the portal (issue 23 item 7, decision 0039).

What leaves: the same fixed text on every channel, SMS_TEXT plus the portal's address — never the
notification's subject or body, a name, or anything saying who sent it beyond the portal's URL. Whether a
household receives public assistance is itself personal information; a lock screen, a shared phone, the
provider and the mail servers on the way all see the message. The recipient reads the notification itself
after signing in.

Channels: e-mail through Django's mail (EMAIL_BACKEND; the SMTP backend connects only to an allowed relay);
SMS and LINE through a provider adapter, `HttpProvider`, which POSTs JSON to the office's gateway
(HOGO_PORTAL_SMS_URL / HOGO_PORTAL_LINE_URL, bearer token HOGO_PORTAL_SMS_TOKEN / HOGO_PORTAL_LINE_TOKEN)
through hogo.common.outbound.urlopen, so only to a host on HOGO_OUTBOUND_ALLOWED. A channel with nothing
configured is not used: no Delivery rows, the notification stays in the portal only.

Sending is a task (hogo.portal_notify.tasks.deliver): the Delivery row is claimed by a conditional UPDATE
(state queued, no live claim) before sending, so a repeated or concurrent task sends nothing twice, on
SQLite as on PostgreSQL, and no lock is held while the gateway answers; a failure is retried
(RETRY_SECONDS) until MAX_ATTEMPTS, then the row is marked failed with the reason. Errors and logs name the
delivery, its channel and the HTTP status — never the address, the token or the text."""

import json
import logging
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from hogo.common import outbound

from .models import Channel, Contact, Delivery
from .tasks import deliver

logger = logging.getLogger("hogo.portal_notify")

SMS_TEXT = "お知らせがあります。ポータルをご確認ください。"
EMAIL_SUBJECT = "お知らせがあります"
MAX_ATTEMPTS = 5
RETRY_SECONDS = (60, 300, 900, 3600)  # pause after the 1st, 2nd, … failed attempt
TIMEOUT_SECONDS = 10
CLAIM_SECONDS = 120  # a task sending a delivery holds it this long at most (then another may take it over)
PLAIN_EMAIL_BACKENDS = {  # they deliver to no one: e-mail counts as not configured
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


class DeliveryError(Exception):
    """A send that did not go through; the message is safe to store and log (no address, token or text)."""


def message_text() -> str:
    """The one text every channel carries: the fixed sentence and the portal's address."""
    return f"{SMS_TEXT}\n{settings.HOGO_PORTAL_URL}"


class HttpProvider:
    """An SMS or LINE gateway that takes `POST {"channel", "to", "text"}` as JSON with a bearer token and
    answers 2xx when it has accepted the message. Any other answer, a timeout or a refused destination is a
    DeliveryError."""

    def __init__(self, channel: str, url: str, token: str):
        self.channel, self.url, self.token = channel, url, token

    def send(self, to: str, text: str) -> None:
        body = json.dumps({"channel": self.channel, "to": to, "text": text}, ensure_ascii=False).encode()
        request = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Authorization": f"Bearer {self.token}",
                "User-Agent": "hogo-portal",
            },
        )
        try:
            with outbound.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                response.read(1024)
        except outbound.OutboundRefused as exc:
            raise DeliveryError(f"宛先が許可リストにありません（{exc.host}:{exc.port}）") from None
        except urllib.error.HTTPError as exc:
            raise DeliveryError(f"HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise DeliveryError(f"接続できません（{type(reason).__name__}）") from None


class EmailProvider:
    def send(self, to: str, text: str) -> None:
        try:
            EmailMessage(EMAIL_SUBJECT, text, settings.DEFAULT_FROM_EMAIL, [to]).send()
        except outbound.OutboundRefused as exc:
            raise DeliveryError(f"メールの中継サーバーが許可リストにありません（{exc.host}:{exc.port}）") from None
        except Exception as exc:  # smtplib and the backends raise many kinds; recorded, retried
            raise DeliveryError(f"メールを送れません（{type(exc).__name__}）") from None


def provider(channel: str):
    """The adapter for a channel, or None when the office has not configured it."""
    if channel == Channel.EMAIL:
        return None if settings.EMAIL_BACKEND in PLAIN_EMAIL_BACKENDS else EmailProvider()
    prefix = {Channel.SMS: "HOGO_PORTAL_SMS", Channel.LINE: "HOGO_PORTAL_LINE"}[channel]
    url = getattr(settings, f"{prefix}_URL", "")
    if not url:
        return None
    return HttpProvider(channel, url, getattr(settings, f"{prefix}_TOKEN", ""))


def configured_channels() -> list[str]:
    return [channel for channel in Channel.values if provider(channel) is not None]


def queue_for(notification) -> list[Delivery]:
    """Delivery rows for every configured channel of every account in force that consented and gave an
    address; the task is enqueued once the transaction commits."""
    channels = configured_channels()
    if not channels:
        return []
    made = []
    contacts = Contact.objects.filter(
        account__household=notification.household, consented_at__isnull=False
    ).select_related("account__household")
    for contact in contacts:
        if not contact.account.in_force():
            continue
        for channel in channels:
            address = contact.address(channel)
            if not address:
                continue
            delivery, created = Delivery.objects.get_or_create(
                notification=notification, channel=channel, address=address
            )
            if created:
                made.append(delivery)
    for delivery in made:
        transaction.on_commit(lambda pk=delivery.pk: enqueue(pk))
    return made


def enqueue(delivery_id: int, *, delay_seconds: int = 0) -> None:
    task = deliver.using(run_after=timezone.now() + timedelta(seconds=delay_seconds)) if delay_seconds else deliver
    task.enqueue(delivery_id)


def still_wanted(delivery: Delivery) -> bool:
    """An account of the household still gives this address for this channel, with consent."""
    return Contact.objects.filter(
        account__household_id=delivery.notification.household_id,
        account__ended_at__isnull=True,
        consented_at__isnull=False,
        **{delivery.channel: delivery.address},
    ).exists()


def send(delivery_id: int) -> str:
    """Send one delivery once. The row is claimed first by one conditional UPDATE (still queued, no live
    claim: `claimed_until`), so of two tasks for the same row only one sends; the other looks again when the
    claim runs out. The send itself runs outside any transaction (a slow gateway holds no lock), and the
    outcome is written with the claim released. Returns the state after this call ("queued" again means a
    retry is enqueued, or another task is sending)."""
    now = timezone.now()
    until = now + timedelta(seconds=CLAIM_SECONDS)
    claimed = (
        Delivery.objects.filter(pk=delivery_id, state=Delivery.State.QUEUED)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(attempts=F("attempts") + 1, claimed_until=until)
    )
    delivery = Delivery.objects.select_related("notification").filter(pk=delivery_id).first()
    if delivery is None:
        return "missing"
    if not claimed:
        if delivery.state == Delivery.State.QUEUED and delivery.claimed_until:  # another task is sending it
            enqueue(delivery.pk, delay_seconds=int((delivery.claimed_until - now).total_seconds()) + 1)
        return delivery.state
    adapter = provider(delivery.channel)
    state, error, sent_at = Delivery.State.SENT, "", None
    try:
        if adapter is None:
            raise DeliveryError("送信の方法が設定されていません")
        if not still_wanted(delivery):
            adapter = None  # final: the recipient took the address or the consent back since it was queued
            raise DeliveryError("送り先か同意が取り消されました")
        adapter.send(delivery.address, message_text())
        sent_at = timezone.now()
    except DeliveryError as exc:
        error = str(exc)[:200]
        final = delivery.attempts >= MAX_ATTEMPTS or adapter is None
        state = Delivery.State.FAILED if final else Delivery.State.QUEUED
        logger.warning(
            "notification delivery %s (%s) failed, attempt %s: %s",
            delivery.pk,
            delivery.channel,
            delivery.attempts,
            error,
        )
    else:
        logger.info("notification delivery %s (%s) sent", delivery.pk, delivery.channel)
    mine = Delivery.objects.filter(pk=delivery.pk, claimed_until=until)  # unless the claim ran out and was taken over
    if not mine.update(state=state, last_error=error, sent_at=sent_at, claimed_until=None):
        logger.warning("notification delivery %s (%s): claim ran out before the outcome", delivery.pk, delivery.channel)
        return state
    if state == Delivery.State.QUEUED:
        pause = RETRY_SECONDS[min(delivery.attempts, len(RETRY_SECONDS)) - 1]
        transaction.on_commit(lambda: enqueue(delivery.pk, delay_seconds=pause))
    return state
