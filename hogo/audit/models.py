"""The access log: append-only and hash-chained.

Each entry's hash (HMAC under a key outside the database) covers its own fields and the previous
entry's hash; `AuditHead` holds the last sequence number and hash, and the nightly anchor file
outside the database holds earlier heads, so an edited row, a deleted row in the middle, a deleted
tail and a re-hashed chain are all detectable (`hogo audit verify`, decision 0022).
"""

from django.db import models

from hogo.common.models import InsertOnlyViolation


class Action(models.TextChoices):
    VIEW = "view", "閲覧"
    LIST = "list", "一覧"
    SEARCH = "search", "検索"
    CREATE = "create", "登録"
    UPDATE = "update", "変更"
    DENIED = "denied", "拒否"
    LOGIN = "login", "ログイン"
    LOGOUT = "logout", "ログアウト"
    LOGIN_FAILED = "login_failed", "ログイン失敗"
    BULK_LOAD = "bulk_load", "一括登録"
    GRANT = "grant", "権限の付与・変更"


class AuditEntry(models.Model):
    seq = models.BigIntegerField(unique=True)
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True)
    actor_username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    target_type = models.CharField(max_length=40, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    office_id = models.BigIntegerField(null=True)
    source = models.CharField("接続元", max_length=64, blank=True)
    detail = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = verbose_name_plural = "監査ログ"
        indexes = [models.Index(fields=["target_type", "target_id", "at"])]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise InsertOnlyViolation("監査ログは追記のみです。変更・削除はできません。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise InsertOnlyViolation("監査ログは追記のみです。変更・削除はできません。")


class AuditHead(models.Model):
    """One row: the end of the chain. Locked while an entry is appended."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)
