"""Notifications out of the portal (issue 23): every notification is shown in the portal; where the
recipient has given an address and the office has configured a provider, it is also sent by e-mail or
SMS/LINE. The core sends nothing itself."""

from django.db import models

from hogo.recipient_portal.models import RecipientHousehold


class Notification(models.Model):
    household = models.ForeignKey(RecipientHousehold, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField("種類", max_length=40)
    subject = models.CharField("件名", max_length=120)
    body = models.TextField("本文")
    url = models.CharField("関連するページ", max_length=200, blank=True)
    dedupe_key = models.CharField("重複を防ぐキー", max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "通知"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["household", "dedupe_key"],
                condition=~models.Q(dedupe_key=""),
                name="notification_once_per_key",
            )
        ]


class Contact(models.Model):
    """Where one account wants its notifications copied (each address optional). Nothing is sent without the
    account's consent; turning consent off or emptying an address stops the copies for that channel."""

    account = models.OneToOneField(
        "recipient_portal.RecipientAccount", on_delete=models.CASCADE, related_name="notify_contact"
    )
    email = models.EmailField("メールアドレス", max_length=254, blank=True)
    sms = models.CharField("携帯電話の番号（SMS）", max_length=15, blank=True)
    line = models.CharField("LINE のユーザーID", max_length=33, blank=True)
    consented_at = models.DateTimeField("送信に同意した日時", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "通知の送り先"

    def address(self, channel: str) -> str:
        return {Channel.EMAIL: self.email, Channel.SMS: self.sms, Channel.LINE: self.line}[channel]


class Channel(models.TextChoices):
    EMAIL = "email", "メール"
    SMS = "sms", "SMS"
    LINE = "line", "LINE"


class Delivery(models.Model):
    """One copy of a notification to one address. Made by notify() and sent by the task
    hogo.portal_notify.tasks.deliver; `address` is the address at the time of the notification."""

    class State(models.TextChoices):
        QUEUED = "queued", "送信待ち"
        SENT = "sent", "送信済み"
        FAILED = "failed", "送信できず"

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField("方法", max_length=10, choices=Channel.choices)
    address = models.CharField("送り先", max_length=254)
    state = models.CharField("状態", max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField("試みた回数", default=0)
    last_error = models.CharField("最後の失敗の理由", max_length=200, blank=True)
    claimed_until = models.DateTimeField("送信中（この時刻まで）", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField("送信日時", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "通知の送信"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["notification", "channel", "address"], name="delivery_once_per_address")
        ]
