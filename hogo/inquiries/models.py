"""Inquiries under 生活保護法第29条 (issue 19, decision 0030): to a bank (electronically, in a day's batch),
to a life insurer, an employer, a pension office or a person liable to support (by letter). Each carries
its reference, which brings the reply back; replies are kept as they came (accounts, balances on the
asked dates, transactions), never edited.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hogo.common.models import HouseholdRecord
from hogo.households.models import Household, Member
from hogo.offices.models import Office

LEGAL_BASIS = "生活保護法第29条"


class InquiryKind(models.TextChoices):
    DEPOSIT = "deposit", "預貯金（金融機関）"
    LIFE_INSURANCE = "life_insurance", "生命保険（保険会社）"
    SALARY = "salary", "給与（勤務先）"
    PENSION = "pension", "年金（年金事務所）"
    SUPPORT = "support", "扶養照会（扶養義務者）"


class Channel(models.TextChoices):
    ELECTRONIC = "electronic", "電子（預貯金等照会サービス）"
    PAPER = "paper", "文書（郵送）"


class InquiryStatus(models.TextChoices):
    DRAFT = "draft", "作成中"
    SENT = "sent", "照会中"
    ANSWERED = "answered", "回答あり"
    NO_RECORD = "no_record", "該当なし（口座・契約なし）"
    CANCELLED = "cancelled", "取消"


OPEN = (InquiryStatus.DRAFT, InquiryStatus.SENT)


class InquiryBatch(models.Model):
    """One office's electronic deposit inquiries of a day, exported as one signed bundle."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="inquiry_batches")
    day = models.DateField("照会日")
    exported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    exported_at = models.DateTimeField("書き出し日時", default=timezone.now)
    sha256 = models.CharField("ファイルのSHA-256", max_length=64)
    count = models.PositiveIntegerField("件数")

    audit_type = "inquiry_batch"

    class Meta:
        ordering = ["-day"]
        verbose_name = verbose_name_plural = "預貯金照会の送信分"
        constraints = [models.UniqueConstraint(fields=["office", "day"], name="one_inquiry_batch_a_day")]

    def __str__(self):
        return f"{self.office} {self.day}"

    @property
    def audit_id(self):
        return self.public_id


class Inquiry(HouseholdRecord, models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField("照会番号", max_length=20, unique=True)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="inquiries")
    application = models.ForeignKey(
        "decisions.Application", on_delete=models.PROTECT, null=True, blank=True, related_name="inquiries"
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, null=True, blank=True, related_name="inquiries", verbose_name="対象者"
    )
    # 扶養義務者 and others who are not members: who the inquiry is addressed to or about, as written
    person_name = models.CharField("対象者の氏名", max_length=100)
    person_kana = models.CharField("対象者の氏名カナ", max_length=100)
    person_birth_date = models.DateField("対象者の生年月日", null=True, blank=True)
    person_address = models.CharField("対象者の住所", max_length=200, blank=True)
    kind = models.CharField("照会の種類", max_length=20, choices=InquiryKind.choices)
    channel = models.CharField("照会の方法", max_length=12, choices=Channel.choices)
    legal_basis = models.CharField("根拠", max_length=40, default=LEGAL_BASIS)
    purpose = models.CharField("照会の目的", max_length=200)
    asked = models.TextField("照会事項")
    institution_name = models.CharField("照会先", max_length=100)
    institution_address = models.CharField("照会先の住所", max_length=200, blank=True)
    bank_code = models.CharField("金融機関コード", max_length=4, blank=True)
    branch_code = models.CharField("店舗コード", max_length=3, blank=True)  # blank: 本店一括（全店照会）
    balance_dates = models.JSONField("残高を求める日", default=list, blank=True)  # ISO dates
    with_transactions = models.BooleanField("取引履歴を求める", default=False)
    status = models.CharField("状態", max_length=12, choices=InquiryStatus.choices, default=InquiryStatus.DRAFT)
    batch = models.ForeignKey(InquiryBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="inquiries")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("作成日時", default=timezone.now)
    sent_on = models.DateField("送付日", null=True, blank=True)
    due_on = models.DateField("回答期限", null=True, blank=True)
    answered_on = models.DateField("回答日", null=True, blank=True)
    reminded_on = models.DateField("督促日", null=True, blank=True)
    cancelled_reason = models.CharField("取消の理由", max_length=200, blank=True)

    audit_type = "inquiry"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = "法第29条の照会"
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=InquiryKind.values), name="inquiry_known_kind"),
            models.CheckConstraint(condition=Q(status__in=InquiryStatus.values), name="inquiry_known_status"),
            models.CheckConstraint(
                condition=~Q(kind=InquiryKind.DEPOSIT) | ~Q(bank_code=""), name="deposit_inquiry_names_a_bank"
            ),
        ]
        indexes = [models.Index(fields=["household", "status"]), models.Index(fields=["status", "due_on"])]

    def __str__(self):
        return self.reference

    @property
    def all_branches(self) -> bool:
        return self.kind == InquiryKind.DEPOSIT and not self.branch_code

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def overdue_on(self, today) -> bool:
        return self.status == InquiryStatus.SENT and self.due_on is not None and self.due_on < today


class ReplyImport(models.Model):
    """One reply file of the deposit-inquiry service, kept with its SHA-256: the same file twice changes nothing."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="inquiry_reply_imports")
    file_name = models.CharField("ファイル名", max_length=200)
    sha256 = models.CharField(max_length=64)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField("取込日時", default=timezone.now)
    replies = models.PositiveIntegerField("回答の件数", default=0)

    audit_type = "inquiry_reply_import"

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = verbose_name_plural = "照会回答の取込"
        constraints = [models.UniqueConstraint(fields=["office", "sha256"], name="reply_file_once_per_office")]

    @property
    def audit_id(self):
        return self.public_id


class Reply(models.Model):
    """A reply to an inquiry as it came: from the service's file, or entered from a paper reply."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="replies")
    source = models.ForeignKey(ReplyImport, on_delete=models.PROTECT, null=True, blank=True, related_name="items")
    answered_on = models.DateField("回答日")
    found = models.BooleanField("口座・契約・記録あり")
    amount = models.PositiveIntegerField("金額（円）", null=True, blank=True)  # 解約返戻金, 給与, 年金額 …
    detail = models.TextField("回答の内容", blank=True)
    after_cancel = models.BooleanField("取消の後に届いた回答", default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField("記録日時", default=timezone.now)

    class Meta:
        ordering = ["answered_on", "id"]
        verbose_name = verbose_name_plural = "照会の回答"


class Account(models.Model):
    """An account a bank reported, with its balances on the asked dates."""

    reply = models.ForeignKey(Reply, on_delete=models.PROTECT, related_name="accounts")
    bank_code = models.CharField("金融機関コード", max_length=4)
    branch_code = models.CharField("店舗コード", max_length=3)
    branch_name = models.CharField("店舗名", max_length=60)
    account_type = models.CharField("種目", max_length=10)
    account_number = models.CharField("口座番号", max_length=8)

    class Meta:
        verbose_name = verbose_name_plural = "回答のあった口座"


class Balance(models.Model):
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="balances")
    as_of = models.DateField("基準日")
    amount = models.BigIntegerField("残高（円）")

    class Meta:
        ordering = ["as_of"]
        verbose_name = verbose_name_plural = "残高"


class Transaction(models.Model):
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="transactions")
    on = models.DateField("取引日")
    amount = models.BigIntegerField("金額（円、出金は負）")
    description = models.CharField("摘要", max_length=60, blank=True)

    class Meta:
        ordering = ["on", "id"]
        verbose_name = verbose_name_plural = "取引履歴"
