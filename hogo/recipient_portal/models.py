"""The recipients' side of the portal (issue 23): the households the core has opened the portal to, their
people (only what the portal's forms need: a key and a name), and the accounts that sign in for them.
Keys are the core's (a household's and a member's public id, `ra-<pk>` for an account); offices are
団体コード: the portal has no Office table. The record formats are docs/transfer/recipients.md."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class RecipientHousehold(models.Model):
    office = models.CharField("団体コード", max_length=6)
    key = models.CharField("キー", max_length=40)
    active = models.BooleanField("利用中", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "ポータルを利用する世帯"
        constraints = [models.UniqueConstraint(fields=["office", "key"], name="recipient_household_key_once")]


class RecipientPerson(models.Model):
    """A member of the household as the core sent it; a submission may name only these."""

    household = models.ForeignKey(RecipientHousehold, on_delete=models.CASCADE, related_name="people")
    key = models.CharField("キー", max_length=40)
    name = models.CharField("氏名", max_length=100)
    head = models.BooleanField("世帯主", default=False)
    active = models.BooleanField("世帯員", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "世帯員（ポータル）"
        ordering = ["-head", "pk"]
        constraints = [models.UniqueConstraint(fields=["household", "key"], name="recipient_person_key_once")]


class AccountRole(models.TextChoices):
    HEAD = "head", "世帯主"
    MEMBER = "member", "世帯員"
    PROXY = "proxy", "代理人"


class RecipientAccount(models.Model):
    """Who signs in for a household. Set up on 利用開始 with the one-time code of the office's letter (only
    its SHA-256 travels in bundles); ended by the office (`ended_at`), never deleted."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recipient_account")
    household = models.ForeignKey(RecipientHousehold, on_delete=models.CASCADE, related_name="accounts")
    office = models.CharField("団体コード", max_length=6)
    key = models.CharField("キー", max_length=40)
    role = models.CharField("立場", max_length=10, choices=AccountRole.choices)
    name = models.CharField("氏名", max_length=100)
    code_hash = models.CharField("利用開始コードの SHA-256", max_length=64, blank=True)
    code_expires_at = models.DateTimeField("利用開始コードの有効期限", null=True, blank=True)
    activated_at = models.DateTimeField("利用開始日時", null=True, blank=True)
    ended_at = models.DateTimeField("利用終了日時", null=True, blank=True)
    totp_secret = models.CharField("確認コード（TOTP）の鍵", max_length=64, blank=True)
    totp_last_step = models.BigIntegerField("最後に使われた確認コードの時刻ステップ", null=True, blank=True)
    large_text = models.BooleanField("文字を大きくする", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "受給者のアカウント"
        constraints = [models.UniqueConstraint(fields=["office", "key"], name="recipient_account_key_once")]

    def in_force(self) -> bool:
        return self.activated_at is not None and self.ended_at is None and self.household.active

    def code_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            bool(self.code_hash)
            and self.activated_at is None
            and (self.code_expires_at is None or self.code_expires_at > now)
        )


class ActivationAttempt(models.Model):
    """A wrong 利用開始コード typed for a login: the throttle counts these in the database, so it holds across
    the portal's processes (5 in 15 minutes lock that login for 15 minutes)."""

    login = models.CharField("ログインID", max_length=150, db_index=True)
    at = models.DateTimeField("日時", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "利用開始コードの誤り"


class AccountEvent(models.Model):
    """利用開始, TOTP turned on or off: sent to the core once (`recipient_account_event`)."""

    account = models.ForeignKey(RecipientAccount, on_delete=models.CASCADE, related_name="events")
    event = models.CharField(max_length=12)
    code_hash = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(default=timezone.now)
    sent_bundle = models.CharField(max_length=60, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)  # the core accepted sent_bundle


class SubmissionKind(models.TextChoices):
    INCOME = "income", "収入申告"
    ASSETS = "assets", "資産申告"
    CHANGE = "change", "変更の届出"
    PHOTO = "photo", "写真の提出"


class SubmissionStatus(models.TextChoices):
    SENDING = "sending", "送信待ち"
    RECEIVED = "received", "受付済み"
    CHECKING = "checking", "確認中"
    RECOGNISED = "recognised", "認定済み"
    RETURNED = "returned", "差し戻し"


class Submission(models.Model):
    """What a recipient submitted. `token` is the form's one-time token: the same form posted twice
    makes one submission. Keyed `sb-<uuid>` for the core; the status comes back from the core."""

    household = models.ForeignKey(RecipientHousehold, on_delete=models.CASCADE, related_name="submissions")
    account = models.ForeignKey(RecipientAccount, on_delete=models.CASCADE, related_name="submissions")
    key = models.CharField("キー", max_length=40, unique=True)
    token = models.CharField(max_length=64, unique=True)
    kind = models.CharField("種類", max_length=10, choices=SubmissionKind.choices)
    period_label = models.CharField("対象期間", max_length=40, blank=True)
    content = models.JSONField(default=dict)
    submitted_at = models.DateTimeField("送信日時", default=timezone.now)
    status = models.CharField("状態", max_length=12, choices=SubmissionStatus.choices, default="sending")
    reason = models.TextField("差し戻しの理由", blank=True)
    status_at = models.DateTimeField(null=True, blank=True)
    sent_bundle = models.CharField(max_length=60, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)  # the core accepted sent_bundle

    class Meta:
        verbose_name = verbose_name_plural = "申告・届出（ポータル）"
        ordering = ["-submitted_at", "-pk"]

    @property
    def number(self) -> str:
        """受付番号: the key's first 8 characters, upper case."""
        return self.key[3:11].upper()

    def status_label(self) -> str:
        # 送信待ち until the core's status arrives (a bundle may be refused or lost: it is sent again)
        return self.get_status_display()


class Attachment(models.Model):
    """A photo (re-encoded JPEG/PNG, no metadata) or a PDF of a submission, as it will travel."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    person = models.ForeignKey(RecipientPerson, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    label = models.CharField("説明", max_length=200, blank=True)
    ext = models.CharField(max_length=4)
    data = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    original_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
