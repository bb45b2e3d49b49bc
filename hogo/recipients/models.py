"""The core's end of the recipient portal (issue 23): which households the office has opened the portal
to and who signs in for them. The code of the activation letter is shown once; only its SHA-256 is kept and
sent to the portal (docs/transfer/recipients.md)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from hogo.common.models import HouseholdRecord
from hogo.households.models import Household, Member


class AccountRole(models.TextChoices):
    HEAD = "head", "世帯主"
    MEMBER = "member", "世帯員"
    PROXY = "proxy", "代理人"


class PortalAccount(HouseholdRecord, models.Model):
    """A sign-in for a household on the portal: the head, a member, or a proxy (代理人) the office records.
    Ended, never deleted; a new letter replaces the code (the portal then asks for 利用開始 again)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="portal_accounts")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    role = models.CharField("立場", max_length=10, choices=AccountRole.choices)
    proxy_name = models.CharField("代理人の氏名", max_length=100, blank=True)
    login = models.CharField("ログインID", max_length=20, unique=True)
    code_hash = models.CharField("利用開始コードの SHA-256", max_length=64, blank=True)
    code_issued_at = models.DateTimeField("利用開始コードの発行日時", null=True, blank=True)
    code_expires_at = models.DateTimeField("利用開始コードの有効期限", null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    activated_at = models.DateTimeField("利用開始日時", null=True, blank=True)
    ended_at = models.DateTimeField("利用終了日時", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    audit_type = "portal_account"

    class Meta:
        verbose_name = verbose_name_plural = "ポータルのアカウント"
        constraints = [
            models.CheckConstraint(condition=Q(role__in=AccountRole.values), name="portal_account_known_role"),
            models.CheckConstraint(
                condition=Q(role="proxy", member__isnull=True) & ~Q(proxy_name="")
                | ~Q(role="proxy") & Q(member__isnull=False),
                name="portal_account_names_its_holder",
            ),
        ]

    @property
    def key(self) -> str:
        return f"ra-{self.pk}"

    @property
    def holder_name(self) -> str:
        return self.proxy_name if self.role == AccountRole.PROXY else self.member.name
