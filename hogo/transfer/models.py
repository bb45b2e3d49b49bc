"""What a zone knows of transfer bundles: the public keys it trusts, the bundles it applied and the
ones it refused. Offices are named by their 団体コード (a string): the portal has no Office table."""

from django.db import models


class TrustedKey(models.Model):
    """A sender's Ed25519 public key. A retired key is kept (its bundles are then refused)."""

    key_id = models.CharField("鍵ID", max_length=80, unique=True)
    zone = models.CharField("ゾーン", max_length=10)
    office_code = models.CharField("団体コード", max_length=6)
    public_key = models.CharField("公開鍵（base64）", max_length=64)
    added_at = models.DateTimeField("登録日時", auto_now_add=True)
    retired_at = models.DateTimeField("廃止日時", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "信頼する公開鍵"


class ReceivedBundle(models.Model):
    """A bundle applied whole. Its bundle id is seen once: the same bundle again changes nothing."""

    bundle_id = models.UUIDField("バンドルID", unique=True)
    source_zone = models.CharField("送り元ゾーン", max_length=10)
    office_code = models.CharField("団体コード", max_length=6)
    key_id = models.CharField("鍵ID", max_length=80)
    schema_version = models.PositiveIntegerField("スキーマ版")
    created_at = models.CharField("作成日時（送り元）", max_length=40)
    counts = models.JSONField("件数", default=dict)
    manifest_sha256 = models.CharField("manifest の SHA-256", max_length=64)
    sha256 = models.CharField("ファイルの SHA-256", max_length=64)
    file_name = models.CharField("ファイル名", max_length=200, blank=True)
    received_at = models.DateTimeField("受入日時", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "受け入れたバンドル"

    audit_type = "transfer_bundle"


class Quarantined(models.Model):
    """A refused bundle: nothing of it was applied; the file is kept in HOGO_TRANSFER_QUARANTINE_DIR."""

    bundle_id = models.UUIDField("バンドルID（申告）", null=True, blank=True)
    file_name = models.CharField("ファイル名", max_length=200, blank=True)
    stored_as = models.CharField("隔離先", max_length=300, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.BigIntegerField("大きさ（バイト）", default=0)
    reason_code = models.CharField("理由コード", max_length=40)
    reason = models.TextField("理由")
    received_at = models.DateTimeField("受取日時", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "隔離したバンドル"
        indexes = [models.Index(fields=["received_at"])]
