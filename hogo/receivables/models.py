"""Determinations (法第63条・第78条), receivables and their insert-only ledger entries, instalment
plans, dunning batches and delivery results. Balances are derived from entries, never stored."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from hogo.approvals.models import Approvable, ApprovalActionBase
from hogo.common.models import HouseholdRecord, InsertOnly
from hogo.households.models import Household
from hogo.offices.models import Office

from . import rules
from .rules_dates import limitation_date


class Cause(models.TextChoices):
    RECIPIENT = "recipient", "本人の申告漏れ"
    OFFICE = "office", "福祉事務所の認定遅れ"


class Determination(HouseholdRecord, Approvable):
    """A decision like the others: drafted, approved along the office's route, then immutable.
    The facts that decide 第63条 or 第78条 are recorded with it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="determinations")
    lines = models.JSONField("対象の月と扶助", default=list)
    means_existed = models.TextField("資力があった事実（法第63条）", blank=True)
    dishonest_from = models.DateField("不正な手段が始まった日（法第78条）", null=True, blank=True)
    dishonest_facts = models.TextField("不実の申請その他不正な手段の事実（法第78条）", blank=True)
    deductions = models.JSONField("控除（法第63条）", default=list, blank=True)
    surcharge_percent = models.PositiveSmallIntegerField("加算金の割合（％）", default=0)
    cause = models.CharField("発生の原因", max_length=12, choices=Cause.choices)
    principal63 = models.PositiveIntegerField(default=0)
    principal78 = models.PositiveIntegerField(default=0)
    surcharge78 = models.PositiveIntegerField(default=0)
    due_on = models.DateField("納期限")

    audit_type = "determination"
    approval_noun = "返還金・徴収金の決定"

    class Meta:
        verbose_name = verbose_name_plural = "返還金・徴収金の決定"
        ordering = ["-drafted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(surcharge_percent__lte=rules.SURCHARGE_CAP_PERCENT), name="surcharge_at_most_40_percent"
            )
        ]

    @property
    def total(self) -> int:
        return self.principal63 + self.principal78 + self.surcharge78


class DeterminationAction(ApprovalActionBase):
    """Approvals, returns and comments on a determination (the same kinds as decisions')."""

    determination = models.ForeignKey(Determination, on_delete=models.PROTECT, related_name="actions")

    class Meta(ApprovalActionBase.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["determination", "step"],
                condition=Q(action="approve"),
                name="one_determination_approval_per_step",
            )
        ]


class Receivable(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="receivables")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="receivables")
    determination = models.ForeignKey(Determination, on_delete=models.PROTECT, related_name="receivables")
    kind = models.CharField(
        "種類", max_length=4, choices=[(rules.ART63, "法第63条 返還金"), (rules.ART78, "法第78条 徴収金")]
    )
    reference = models.CharField("整理番号", max_length=20, unique=True)
    debtor_name = models.CharField("債務者", max_length=100)
    debtor_address = models.CharField("住所", max_length=200)
    debtor_phone = models.CharField("電話番号", max_length=20, blank=True)
    cause = models.CharField("発生の原因", max_length=12, choices=Cause.choices)
    created_on = models.DateField("発生日")
    due_on = models.DateField("納期限")
    offset_applied_on = models.DateField("保護金品からの徴収の申出日（法第78条の2）", null=True, blank=True)

    audit_type = "receivable"

    class Meta:
        verbose_name = verbose_name_plural = "債権"
        ordering = ["due_on", "id"]

    @property
    def audit_id(self):
        return self.public_id

    def limitation_on(self) -> date:
        return limitation_date(self.due_on)


class Entry(InsertOnly):
    """Every money movement of a receivable."""

    receivable = models.ForeignKey(Receivable, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(
        max_length=12,
        choices=[
            (rules.PRINCIPAL, "元金"),
            (rules.SURCHARGE, "加算金"),
            (rules.PAYMENT, "入金"),
            (rules.OFFSET, "保護金品からの徴収"),
            (rules.WRITE_OFF, "不納欠損"),
        ],
    )
    amount = models.PositiveIntegerField("金額")
    on = models.DateField("日付")
    channel = models.CharField(
        "入金の方法",
        max_length=12,
        blank=True,
        choices=[("bank", "口座振込"), ("counter", "窓口"), ("convenience", "コンビニ"), ("offset", "保護金品")],
    )
    note = models.CharField("摘要", max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="entry_amount_positive")]

    def as_rule(self) -> rules.Entry:
        return rules.Entry(self.kind, self.amount, self.on)


class Instalment(InsertOnly):
    """One instalment of a plan version; a new plan is a new version."""

    receivable = models.ForeignKey(Receivable, on_delete=models.PROTECT, related_name="instalments")
    version = models.PositiveSmallIntegerField()
    number = models.PositiveSmallIntegerField()
    due_on = models.DateField("納期限")
    amount = models.PositiveIntegerField("金額")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["version", "number"]
        constraints = [models.UniqueConstraint(fields=["receivable", "version", "number"], name="instalment_unique")]


class DunningBatch(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="dunning_batches")
    criteria = models.JSONField(default=dict)
    receivables = models.ManyToManyField(Receivable, related_name="dunning_batches")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


class Delivery(InsertOnly):
    """The SMS/message service's result for one receivable of a batch."""

    batch = models.ForeignKey(DunningBatch, on_delete=models.PROTECT, related_name="deliveries")
    receivable = models.ForeignKey(Receivable, on_delete=models.PROTECT, related_name="+")
    reached = models.BooleanField()
    detail = models.CharField(max_length=100, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["batch", "receivable"], name="one_delivery_result_per_receivable")
        ]


class CollectionSettings(models.Model):
    office = models.OneToOneField(Office, on_delete=models.PROTECT, related_name="collection_settings")
    offset_monthly_limit = models.PositiveIntegerField(
        "保護金品からの徴収の月額上限（円）",
        default=5000,
        help_text="法第78条の2第1項「生活の維持に支障がない」範囲の事務所の基準。既定値は事務所の判断で変えてください（通知で要確認）。",
    )
    payee = models.CharField("納付先", max_length=100, blank=True, help_text="例: ○○市会計管理者")
    account = models.CharField("指定金融機関・口座", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "債権管理の設定"
