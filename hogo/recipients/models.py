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


class SubmissionKind(models.TextChoices):
    INCOME = "income", "収入申告"
    ASSETS = "assets", "資産申告"
    CHANGE = "change", "法第61条の届出"
    PHOTO = "photo", "求められた写真"


class SubmissionStatus(models.TextChoices):
    RECEIVED = "received", "受付済み"
    CHECKING = "checking", "確認中"
    RECOGNISED = "recognised", "認定済み"
    RETURNED = "returned", "差し戻し"


def document_path(instance, filename):
    return f"portal_documents/{instance.household.office_id}/{uuid.uuid4().hex}.pdf"


class Submission(HouseholdRecord, models.Model):
    """A submission from the portal as it arrived (key `sb-<uuid>`, the portal's), registered as a received
    declaration. Its status for the recipient follows the declaration: 確認中 once the CW opened the
    declaration page or entered an income from it, 認定済み once recognised, 差し戻し with the CW's reason.
    `status_sent` is the last status sent to the portal (in bundle `status_sent_bundle`); `status_acknowledged`
    the last one the portal acknowledged having accepted: a status is sent again until it is acknowledged."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    key = models.CharField("キー", max_length=40, unique=True)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="portal_submissions")
    account = models.ForeignKey(PortalAccount, on_delete=models.PROTECT, related_name="submissions")
    declaration = models.OneToOneField(
        "followups.Declaration", on_delete=models.PROTECT, related_name="portal_submission"
    )
    kind = models.CharField("種類", max_length=10, choices=SubmissionKind.choices)
    submitted_at = models.DateTimeField("送信日時")
    content = models.JSONField("内容", default=dict)
    opened_at = models.DateTimeField("CWが開いた日時", null=True, blank=True)
    returned_at = models.DateTimeField("差し戻した日時", null=True, blank=True)
    returned_reason = models.TextField("差し戻しの理由", blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status_sent = models.CharField(max_length=12, blank=True)
    status_sent_bundle = models.CharField(max_length=64, blank=True)
    status_acknowledged = models.CharField(max_length=12, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    audit_type = "portal_submission"

    class Meta:
        verbose_name = verbose_name_plural = "ポータルからの申告"
        ordering = ["-submitted_at", "-pk"]

    def status(self) -> str:
        if self.returned_at:
            return SubmissionStatus.RETURNED
        if hasattr(self.declaration, "recognition"):
            return SubmissionStatus.RECOGNISED
        if self.opened_at or self.declaration.incomes.exists():
            return SubmissionStatus.CHECKING
        return SubmissionStatus.RECEIVED


class SubmittedDocument(HouseholdRecord, models.Model):
    """A PDF sent with a submission (a pay slip as PDF): casework.Photo holds only re-encoded JPEGs. Kept
    as received (only its header and size were checked); served only through an audited view."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="+")
    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="documents")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    label = models.CharField("説明", max_length=200, blank=True)
    file = models.FileField(upload_to=document_path)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()

    audit_type = "portal_document"

    class Meta:
        verbose_name = verbose_name_plural = "ポータルから届いたPDF"
