"""Consultations, applications, investigation checklists, need tests, decisions and approvals.

Need tests, approval actions and approved decisions are insert-only: a correction is a new record.
A decision keeps a snapshot of what it was based on (the need test's input and result, the
addressee), so it can be re-explained after the household has changed.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from hogo.approvals.models import Approvable, ApprovalActionBase, Status
from hogo.common.bounds import NOTE_MAX, text_validators
from hogo.common.fields import JSONField
from hogo.common.models import HouseholdRecord, InsertOnly
from hogo.common.versions import Versioned
from hogo.households.models import Household
from hogo.offices.models import Office

from .deadlines import decision_deadline


class ConsultationOutcome(models.TextChoices):
    APPLICATION = "application", "申請"
    REFERRAL = "referral", "他機関・他制度へのつなぎ"
    NONE_YET = "none_yet", "今回は申請なし"


class Consultation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="consultations")
    held_on = models.DateField("相談日")
    visitor_name = models.CharField("来所者", max_length=100)
    visitor_relation = models.CharField("世帯との関係", max_length=50, default="本人")
    said = models.TextField("相談内容（主訴）")
    explained = models.TextField("説明した内容")
    right_explained = models.BooleanField("保護の申請が権利であることを説明した", default=False)
    outcome = models.CharField("結果", max_length=20, choices=ConsultationOutcome.choices)
    referred_to = models.CharField("つないだ先", max_length=100, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = verbose_name_plural = "面接相談"


DOCUMENTS = [
    ("application_form", "保護申請書"),
    ("asset_declaration", "資産申告書"),
    ("income_declaration", "収入申告書"),
    ("consent", "同意書"),
    ("rent_contract", "賃貸借契約書の写し"),
    ("bankbooks", "預貯金通帳の写し"),
]


class Application(HouseholdRecord, models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="applications")
    received_on = models.DateField("申請日")
    applicant_name = models.CharField("申請者", max_length=100)
    applicant_relation = models.CharField("要保護者との関係", max_length=50, default="本人")
    reason = models.TextField("保護を受けようとする理由")
    documents = models.JSONField("受理した書類", default=list)
    extended_days = models.PositiveSmallIntegerField("延長後の日数", null=True, blank=True)
    extension_reason = models.TextField("延長の理由（法第24条第5項ただし書）", blank=True)
    decided_on = models.DateField("決定日", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    recorded_at = models.DateTimeField(auto_now_add=True)

    audit_type = "application"

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = verbose_name_plural = "保護申請"
        constraints = [
            models.CheckConstraint(
                condition=Q(extended_days__isnull=True) | Q(extended_days__gte=15, extended_days__lte=30),
                name="application_extension_15_to_30_days",
            ),
            models.CheckConstraint(
                condition=Q(extended_days__isnull=True) | ~Q(extension_reason=""),
                name="application_extension_needs_reason",
            ),
        ]

    @property
    def document_labels(self) -> list[str]:
        labels = dict(DOCUMENTS)
        return [labels.get(code, code) for code in self.documents]

    @property
    def deadline(self):
        return decision_deadline(self.received_on, self.extended_days)


class ItemStatus(models.TextChoices):
    PENDING = "pending", "未了"
    DONE = "done", "済"
    NOT_NEEDED = "not_needed", "不要（理由あり）"


class ChecklistItemTemplate(models.Model):
    """The investigation items an office uses for every application."""

    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="checklist_templates", verbose_name="事務所"
    )
    code = models.SlugField("コード", max_length=40)
    label = models.CharField("項目", max_length=100)
    basis = models.CharField("根拠", max_length=200, blank=True)
    due_days = models.PositiveSmallIntegerField("申請から何日以内", null=True, blank=True)
    order = models.PositiveSmallIntegerField("表示順", default=0)
    active = models.BooleanField("使用中", default=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="checklist_code_unique_per_office")]
        verbose_name = verbose_name_plural = "調査項目（事務所の設定）"

    def __str__(self):
        return self.label


class SupportInquiryExemption(models.TextChoices):
    """Why a support inquiry (扶養照会) is not sent — the 令和3年 relaxation (社援保発0226第1号)."""

    NONE = "", "—"
    NO_CONTACT_10_YEARS = "no_contact", "概ね10年程度音信不通など交流が断絶している"
    ABUSE = "abuse", "DV・虐待など照会が本人の自立を阻害する"
    CANNOT_SUPPORT = (
        "cannot_support",
        "扶養義務者が被保護者・施設入所者・長期入院・未成年・概ね70歳以上の高齢者など、扶養を期待できない",
    )
    OTHER = "other", "その他（理由を記入）"


class ChecklistItem(Versioned):
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="checklist")
    code = models.SlugField(max_length=40)
    label = models.CharField(max_length=100)
    basis = models.CharField(max_length=200, blank=True)
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField("状況", max_length=20, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    done_on = models.DateField("実施日", null=True, blank=True)
    note = models.TextField("メモ", blank=True, max_length=NOTE_MAX, validators=text_validators("メモ"))
    exemption = models.CharField(
        "扶養照会を行わない理由", max_length=20, choices=SupportInquiryExemption.choices, blank=True
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["application", "code"], name="checklist_item_once")]


class NeedTest(InsertOnly):
    """One run of the benefit engine on the household's facts, kept with those facts."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="need_tests")
    application = models.ForeignKey(Application, on_delete=models.PROTECT, null=True, related_name="need_tests")
    as_of = models.DateField("判定の基準日")
    facts = JSONField("判定に使った世帯の状況")
    result = JSONField("計算結果")
    standards_version = models.CharField(max_length=10)
    minimum_cost_of_living = models.PositiveIntegerField()
    recognized_income = models.PositiveIntegerField()
    benefit = models.PositiveIntegerField()
    need = models.BooleanField()
    # rarely-queried references carry no index: a mass recalculation writes these rows by the hundred thousand
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, db_index=False)
    run_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-run_at", "-id"]
        verbose_name = verbose_name_plural = "要否判定"


class DecisionKind(models.TextChoices):
    START = "start", "保護開始"
    CHANGE = "change", "保護変更"
    SUSPENSION = "suspension", "保護停止"
    TERMINATION = "termination", "保護廃止"
    REJECTION = "rejection", "申請却下"


DecisionStatus = Status  # the decisions' name for the approvals' statuses (起案中・差戻し・決裁済)


class Decision(HouseholdRecord, Approvable):
    """A decision: drafted by a CW, approved step by step; once approved it never changes."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField("種類", max_length=20, choices=DecisionKind.choices)
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, null=True, blank=True, related_name="decisions"
    )
    need_test = models.ForeignKey(
        NeedTest, on_delete=models.PROTECT, null=True, blank=True, related_name="decisions", db_index=False
    )
    effective_from = models.DateField("効力発生日")
    amounts = models.JSONField("扶助別の月額", default=dict)
    benefit_total = models.PositiveIntegerField("扶助額の合計（月額）", default=0)
    # one-time items of the months the decision covers, frozen from the need test at drafting (decision 0016):
    # {"year_end": 14500, "month": "2026-12"} — 期末一時扶助, paid once in that month on top of the monthly amounts
    one_time = models.JSONField("一時扶助（対象月に1回限り）", default=dict, blank=True)
    reasons = models.TextField("理由")
    late_reason = models.TextField("14日を超えた理由（法第24条第6項）", blank=True)
    retroactive_reason = models.TextField("遡及の理由", blank=True)
    snapshot = models.JSONField("通知に載せる事項（起案時）", default=dict)

    audit_type = "decision"

    class Meta:
        ordering = ["-effective_from", "-id"]
        verbose_name = verbose_name_plural = "決定"
        indexes = [models.Index(fields=["household", "status", "effective_from"])]


class NoticeNumber(InsertOnly):
    """The 文書番号 of an approved decision's notice: the office's prefix and a running number per
    office and 年度, assigned at the last approval and never reused (rows are never deleted)."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="notice_number")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+", db_index=False)
    fiscal_year = models.PositiveSmallIntegerField("年度（西暦）")
    serial = models.PositiveIntegerField("番号")
    text = models.CharField("文書番号", max_length=60)
    issuer = models.CharField("実施機関の長（付番時）", max_length=100)
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "通知書の文書番号"
        constraints = [
            models.UniqueConstraint(
                fields=["office", "fiscal_year", "serial"], name="notice_number_once_per_office_year"
            ),
            models.CheckConstraint(condition=Q(serial__gte=1), name="notice_number_from_one"),
        ]

    def __str__(self):
        return self.text


class ApprovalAction(ApprovalActionBase):
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="actions")

    class Meta(ApprovalActionBase.Meta):
        constraints = [
            # a step is approved once: the service checks it, and this holds even under a race
            models.UniqueConstraint(
                fields=["decision", "step"], condition=Q(action="approve"), name="one_approval_per_step"
            ),
        ]


class RecalcRun(models.Model):
    """A mass recalculation (一斉更正) of an office's households under the standards of a day."""

    class Status(models.TextChoices):
        RUNNING = "running", "実行中"
        DONE = "done", "完了"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="recalc_runs")
    as_of = models.DateField("適用日")
    reason = models.TextField("理由")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)

    audit_type = "recalc_run"

    class Meta:
        ordering = ["-created_at"]
        verbose_name = verbose_name_plural = "一斉更正"

    @property
    def audit_id(self):
        return self.public_id


class RecalcResult(models.Model):
    """One household's outcome in a run: at most one per household and run, so a chunk that runs
    twice drafts nothing twice."""

    class Outcome(models.TextChoices):
        CHANGED = "changed", "変更あり（起案）"
        UNCHANGED = "unchanged", "変更なし"
        SKIPPED = "skipped", "対象外"

    # (run, household) is unique, which indexes run; the other references are rarely looked up
    run = models.ForeignKey(RecalcRun, on_delete=models.PROTECT, related_name="results", db_index=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="recalc_results", db_index=False)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    old_total = models.PositiveIntegerField(null=True)
    new_total = models.PositiveIntegerField(null=True)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, null=True, related_name="+", db_index=False)
    exception = models.CharField("要確認の理由", max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "household"], name="recalc_once_per_household")]
        indexes = [models.Index(fields=["run", "outcome"])]


class LedgerAdjustment(InsertOnly):
    """A difference for a past month that a retroactive decision made: an extra payment to the
    household, or a candidate for repayment under 法第63条 for the receivables work."""

    class Kind(models.TextChoices):
        EXTRA_PAYMENT = "extra_payment", "追加支給"
        REPAYMENT_CANDIDATE = "repayment_candidate", "返還金の候補（法第63条）"

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="adjustments")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="ledger_adjustments")
    month = models.DateField("対象月")
    assistance = models.CharField("扶助", max_length=20)
    amount = models.IntegerField("差額（円、＋は追加支給、－は過払い）")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["month", "id"]
        verbose_name = verbose_name_plural = "遡及による差額"
        constraints = [
            models.UniqueConstraint(fields=["decision", "month", "assistance"], name="one_adjustment_per_month")
        ]
