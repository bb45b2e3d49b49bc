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
