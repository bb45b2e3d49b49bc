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
