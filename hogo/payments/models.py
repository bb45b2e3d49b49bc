"""Paying the benefit (issue 21, decision 0032).

How each household is paid (`PaymentMethod`, insert-only with a start date) and to whom parts of it
go directly (`ProxyPayee`, 代理納付: rent to the landlord, 介護保険料 to the insurer); the office's
payment settings; payment runs (the monthly 定例支給 and extra 随時払 runs), approved through the
approvals module and frozen once approved; one `Payment` per recipient and run, its `PaymentLine`s
saying which month and item each yen is for; returned transfers (振込不能) and their re-payment.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from hogo.approvals.models import Approvable, ApprovalActionBase, Status
from hogo.common.models import HouseholdRecord, InsertOnly, InsertOnlyViolation
from hogo.households.models import Household
from hogo.offices.models import Office, Role


class Method(models.TextChoices):
    BANK = "bank", "口座振込"
    COUNTER = "counter", "窓口払"


class AccountType(models.TextChoices):
    ORDINARY = "1", "普通"
    CURRENT = "2", "当座"
    SAVINGS = "4", "貯蓄"


class BankAccount(models.Model):
    """The fields of a bank account as the 全銀 file carries them."""

    bank_code = models.CharField("金融機関コード", max_length=4, blank=True)
    branch_code = models.CharField("店舗コード", max_length=3, blank=True)
    account_type = models.CharField("預金種目", max_length=1, choices=AccountType.choices, blank=True)
    account_number = models.CharField("口座番号", max_length=7, blank=True)
    account_name = models.CharField("口座名義（半角カナ）", max_length=30, blank=True)

    class Meta:
        abstract = True


class PaymentMethod(HouseholdRecord, BankAccount, InsertOnly):
    """How a household is paid from `starts_on`; a change is a new row (the history stays)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="payment_methods")
    method = models.CharField("支給方法", max_length=10, choices=Method.choices)
    starts_on = models.DateField("適用開始日")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    audit_type = "payment_method"

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = verbose_name_plural = "支給方法"
        constraints = [
            models.CheckConstraint(condition=Q(method__in=Method.values), name="payment_method_known"),
            models.CheckConstraint(
                condition=Q(method="counter") | (~Q(bank_code="") & ~Q(account_number="") & ~Q(account_name="")),
                name="payment_method_bank_needs_account",
            ),
        ]


class ProxyItem(models.TextChoices):
    HOUSING = "housing", "住宅扶助（家賃）"
    CARE_PREMIUM = "care_premium", "介護保険料"


class ProxyPayee(HouseholdRecord, BankAccount, InsertOnly):
    """代理納付: part of an item paid straight to a payee from `starts_on` (法第37条の2). A change or an
    end is a new row (`stopped` ends the payee of that item)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="proxy_payees")
    item = models.CharField("対象", max_length=20, choices=ProxyItem.choices)
    payee_name = models.CharField("納付先", max_length=100)
    monthly_amount = models.PositiveIntegerField("月額（円）")
    starts_on = models.DateField("適用開始日")
    stopped = models.BooleanField("代理納付をやめる", default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    audit_type = "proxy_payee"

    class Meta:
        ordering = ["item", "-starts_on", "-id"]
        verbose_name = verbose_name_plural = "代理納付先"


class PaymentSettings(models.Model):
    """What the office's payments need: its pay day and the 全銀 originator (the office's own account)."""

    office = models.OneToOneField(Office, on_delete=models.PROTECT, related_name="payment_settings")
    pay_day = models.PositiveSmallIntegerField(
        "定例支給日（日）", default=1, help_text="銀行の休業日なら前の営業日に繰り上げます。"
    )
    originator_code = models.CharField("振込依頼人コード（10桁）", max_length=10)
    originator_name = models.CharField("振込依頼人名（半角カナ）", max_length=40)
    bank_code = models.CharField("仕向金融機関コード", max_length=4)
    branch_code = models.CharField("仕向店舗コード", max_length=3)
    account_type = models.CharField("預金種目", max_length=1, choices=AccountType.choices, default="2")
    account_number = models.CharField("口座番号", max_length=7)

    class Meta:
        verbose_name = verbose_name_plural = "支給の設定"


class RunKind(models.TextChoices):
    MONTHLY = "monthly", "定例支給"
    EXTRA = "extra", "随時払"


class PaymentRun(Approvable):
    """One payment run of an office. Computed by a clerk, approved by the chief (支出命令), then frozen:
    an approved run, its payments and lines never change."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="payment_runs")
    month = models.DateField("支給月")
    kind = models.CharField("種類", max_length=10, choices=RunKind.choices)
    pay_on = models.DateField("支給日")
    computed_at = models.DateTimeField("計算日時")
    pending = models.JSONField("起案中の決定がある世帯（承知のうえで支給）", default=list, blank=True)
    overpaid = models.JSONField("過払いの月（法第63条の検討へ）", default=list, blank=True)
    totals = models.JSONField("集計", default=dict)

    audit_type = "payment_run"
    approval_noun = "支給"
    approval_steps = [Role.CHIEF]  # the 支出命令 is the section chief's (decision 0032)

    class Meta:
        ordering = ["-month", "-drafted_at"]
        verbose_name = verbose_name_plural = "支給"
        constraints = [
            models.UniqueConstraint(
                fields=["office", "month"], condition=Q(kind="monthly"), name="one_monthly_run_per_office_month"
            ),
            models.CheckConstraint(condition=Q(kind__in=RunKind.values), name="payment_run_known_kind"),
        ]

    @property
    def audit_id(self):
        return self.public_id

    @property
    def approval_office_id(self) -> int:
        return self.office_id

    def approval_in_scope(self, actor) -> bool:
        return True  # a run is the office's; office and role are checked by the approvals module

    @property
    def frozen(self) -> bool:
        return self.status == Status.APPROVED


class PaymentRunAction(ApprovalActionBase):
    run = models.ForeignKey(PaymentRun, on_delete=models.PROTECT, related_name="actions")

    class Meta(ApprovalActionBase.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["run", "step"], condition=Q(action="approve"), name="one_payment_run_approval_per_step"
            )
        ]


class _FrozenWithRun(models.Model):
    """Rows of a run: written while the run is drafted, never changed once it is approved."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._run_frozen():
            raise InsertOnlyViolation("決裁済みの支給は変更できません。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._run_frozen():
            raise InsertOnlyViolation("決裁済みの支給は変更できません。")
        return super().delete(*args, **kwargs)

    def _run_frozen(self) -> bool:
        return PaymentRun.objects.filter(pk=self.run_id, status=Status.APPROVED).exists()


class Payee(models.TextChoices):
    HOUSEHOLD = "household", "世帯"
    PROXY = "proxy", "代理納付先"


class Payment(BankAccount, _FrozenWithRun):
    """What one recipient receives in a run: the household, or a 代理納付 payee on its behalf."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    run = models.ForeignKey(PaymentRun, on_delete=models.CASCADE, related_name="payments")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="payments")
    payee = models.CharField("受取人の種類", max_length=10, choices=Payee.choices)
    proxy = models.ForeignKey(ProxyPayee, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    payee_name = models.CharField("受取人", max_length=100)
    method = models.CharField("支給方法", max_length=10, choices=Method.choices)
    amount = models.PositiveIntegerField("支給額（円）")
    repays = models.OneToOneField(
        "Returned", on_delete=models.PROTECT, null=True, blank=True, related_name="repaid_by", verbose_name="再支給"
    )

    class Meta:
        ordering = ["run", "household__case_number", "payee", "id"]
        verbose_name = verbose_name_plural = "支払"
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive")]
        indexes = [models.Index(fields=["household", "run"])]

    @property
    def customer_code(self) -> str:
        """The number the 全銀 file carries (顧客コード1) and the bank's result brings back."""
        return f"{self.pk:010d}"


class Item(models.TextChoices):
    LIVING = "living", "生活扶助"
    HOUSING = "housing", "住宅扶助"
    EDUCATION = "education", "教育扶助"
    OCCUPATIONAL = "occupational", "生業扶助"
    YEAR_END = "year_end", "期末一時扶助"
    TRANSPORT = "transport", "移送費"
    OFFSET = "offset", "保護金品からの徴収（法第78条の2）"
    REPAY = "repay", "振込不能の再支給"


class PaymentLine(_FrozenWithRun):
    """One month and item of a payment: positive is paid, an offset is negative."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="lines")
    run = models.ForeignKey(PaymentRun, on_delete=models.CASCADE, related_name="lines")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="payment_lines")
    month = models.DateField("対象月")
    item = models.CharField("項目", max_length=20, choices=Item.choices)
    amount = models.IntegerField("金額（円）")
    source = models.JSONField("根拠", default=dict)

    class Meta:
        ordering = ["month", "id"]
        verbose_name = verbose_name_plural = "支払の内訳"
        indexes = [models.Index(fields=["household", "month"])]


class ReturnImport(InsertOnly):
    """One 振込結果 file from the bank, imported once (SHA-256)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="payment_return_imports")
    file_name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    returned = models.PositiveIntegerField(default=0)
    paid = models.PositiveIntegerField(default=0)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)

    audit_type = "payment_return_import"

    class Meta:
        ordering = ["-imported_at"]
        constraints = [models.UniqueConstraint(fields=["office", "sha256"], name="payment_result_file_once")]

    @property
    def audit_id(self):
        return self.public_id


class Returned(InsertOnly):
    """A transfer the bank could not make (振込不能)."""

    payment = models.OneToOneField(Payment, on_delete=models.PROTECT, related_name="returned")
    imported = models.ForeignKey(ReturnImport, on_delete=models.PROTECT, related_name="returns")
    result_code = models.CharField("振込結果コード", max_length=1)
    reason = models.CharField("不能の理由", max_length=50)

    class Meta:
        ordering = ["id"]
        verbose_name = verbose_name_plural = "振込不能"


class CounterRepayment(InsertOnly):
    """A returned transfer paid at the counter instead."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    returned = models.OneToOneField(Returned, on_delete=models.PROTECT, related_name="counter_repayment")
    paid_on = models.DateField("支給日")
    amount = models.PositiveIntegerField("金額（円）")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    audit_type = "counter_repayment"

    @property
    def audit_id(self):
        return self.public_id
