"""Follow-up rules (data per office), the items they generate, received declarations and their
recognition, and in-app notices.

A follow-up's owner is the household's current caseworker (derived, not stored), so reassigning a
household moves its follow-ups at once; the caseworker's supervisor sees them on the dashboard.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hogo.common.models import HouseholdRecord, InsertOnly
from hogo.households.models import Household
from hogo.offices.models import Office

from . import schedule as rules_schedule


class DeclarationKind(models.TextChoices):
    INCOME = "income", "収入申告"
    ASSETS = "assets", "資産申告"
    JOB_SEARCH = "job_search", "求職活動報告"
    OTHER = "other", "その他の届出"


class FollowupRule(models.Model):
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="followup_rules", verbose_name="福祉事務所"
    )
    code = models.SlugField("コード", max_length=40)
    title = models.CharField("確認事項", max_length=100)
    schedule = models.CharField("周期の種類", max_length=20, choices=list(rules_schedule.SCHEDULES.items()))
    applies_when = models.JSONField(
        "対象世帯の条件",
        default=list,
        blank=True,
        help_text="すべて満たす世帯が対象。使える項目: " + ", ".join(rules_schedule.FACTS),
    )
    interval_months = models.PositiveSmallIntegerField("間隔（月）", null=True, blank=True)
    interval_days = models.PositiveSmallIntegerField("期限（受付からの日数）", null=True, blank=True)
    month = models.PositiveSmallIntegerField("月", null=True, blank=True)
    day = models.PositiveSmallIntegerField("日", null=True, blank=True)
    date_field = models.CharField(
        "期限日の項目", max_length=40, blank=True, help_text="使える項目: " + ", ".join(rules_schedule.DATE_FIELDS)
    )
    grade_months = models.JSONField("訪問格付けごとの間隔（月）", default=dict, blank=True)
    warn_days = models.PositiveSmallIntegerField("何日前から知らせるか", default=14)
    closed_by = models.CharField("この届出の受付で完了", max_length=20, choices=DeclarationKind.choices, blank=True)
    basis = models.TextField("根拠")
    basis_confirmed = models.BooleanField("根拠の原文を確認済み", default=False)
    effective_from = models.DateField(
        "適用開始日", default=timezone.localdate, help_text="この日より前が期限の確認事項は作りません"
    )
    active = models.BooleanField("有効", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "確認事項のルール"
        ordering = ["office", "id"]
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="followup_rule_code_unique_per_office")]

    def __str__(self):
        return self.title

    def clean(self):
        problems = rules_schedule.rule_problems(
            {
                "schedule": self.schedule,
                "applies_when": self.applies_when,
                "interval_months": self.interval_months,
                "interval_days": self.interval_days,
                "day": self.day,
                "month": self.month,
                "date_field": self.date_field,
                "grade_months": self.grade_months,
                "warn_days": self.warn_days,
            }
        )
        if problems:
            raise ValidationError(problems)

    def spec(self) -> rules_schedule.RuleSpec:
        return rules_schedule.RuleSpec(
            id=self.pk,
            schedule=self.schedule,
            applies_when=tuple(self.applies_when or ()),
            interval_months=self.interval_months,
            interval_days=self.interval_days,
            day=self.day,
            month=self.month,
            date_field=self.date_field,
            grade_months=dict(self.grade_months or {}),
            warn_days=self.warn_days,
            effective_from=self.effective_from,
        )


class Source(models.TextChoices):
    RULE = "rule", "定期確認"
    APPLICATION = "application", "保護申請"
    DECLARATION = "declaration", "申告の認定"
    SUPPORT_PLAN = "support_plan", "支援計画"
    CHECKIN = "checkin", "近況報告（ポータル）"


class State(models.TextChoices):
    OPEN = "open", "未了"
    SNOOZED = "snoozed", "保留"
    DONE = "done", "完了"
    WITHDRAWN = "withdrawn", "対象外"


class FollowUp(HouseholdRecord, models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="followups")
    rule = models.ForeignKey(FollowupRule, on_delete=models.PROTECT, null=True, blank=True, related_name="items")
    source = models.CharField("発生元", max_length=20, choices=Source.choices)
    key = models.CharField(max_length=80)
    subject_id = models.CharField(max_length=40, blank=True, help_text="申請・申告の public_id")
    title = models.CharField("確認事項", max_length=120)
    period_label = models.CharField("対象期間", max_length=40, blank=True)
    basis = models.TextField("根拠", blank=True)
    due_on = models.DateField("期限")
    warn_on = models.DateField("通知開始日")
    state = models.CharField("状態", max_length=12, choices=State.choices, default=State.OPEN)
    snoozed_until = models.DateField("保留期限", null=True, blank=True)
    snooze_reason = models.TextField("保留の理由", blank=True)
    done_on = models.DateField("完了日", null=True, blank=True)
    done_note = models.TextField("完了の内容", blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    audit_type = "followup"

    class Meta:
        verbose_name = verbose_name_plural = "確認事項"
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["household", "key"], name="followup_key_unique_per_household"),
            models.CheckConstraint(condition=Q(state__in=State.values), name="followup_known_state"),
            models.CheckConstraint(
                condition=~Q(state=State.SNOOZED) | (~Q(snooze_reason="") & Q(snoozed_until__isnull=False)),
                name="followup_snooze_needs_reason_and_date",
            ),
            models.CheckConstraint(
                condition=~Q(state=State.DONE) | Q(done_on__isnull=False), name="followup_done_has_date"
            ),
        ]
        indexes = [models.Index(fields=["household", "state"]), models.Index(fields=["state", "warn_on"])]

    @property
    def shown_basis(self) -> str:
        return self.basis or (self.rule.basis if self.rule_id else "")

    def urgency(self, today) -> str:
        return rules_schedule.urgency(self.due_on, self.warn_on, today)


class Channel(models.TextChoices):
    PAPER = "paper", "紙（窓口・郵送）"
    VISIT = "visit", "訪問時に受領"
    ELECTRONIC = "electronic", "電子申請"


class Declaration(HouseholdRecord, models.Model):
    """A declaration as received (収入申告・資産申告 …). It must be recognised by its deadline."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField("種類", max_length=20, choices=DeclarationKind.choices)
    received_on = models.DateField("受付日")
    channel = models.CharField("受付方法", max_length=12, choices=Channel.choices, default=Channel.PAPER)
    period_label = models.CharField("対象期間", max_length=40, blank=True, help_text="例: 2026年10月分")
    note = models.TextField("内容の要点", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    audit_type = "declaration"

    class Meta:
        verbose_name = verbose_name_plural = "受け付けた申告"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=DeclarationKind.values), name="declaration_known_kind")
        ]


class Outcome(models.TextChoices):
    REFLECTED = "reflected", "決定に反映"
    NO_CHANGE = "no_change", "変更なし"


class Recognition(InsertOnly):
    """How a declaration was recognised. Insert-only: one per declaration."""

    declaration = models.OneToOneField(Declaration, on_delete=models.PROTECT, related_name="recognition")
    outcome = models.CharField("認定の結果", max_length=12, choices=Outcome.choices)
    decision = models.ForeignKey(
        "decisions.Decision", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField("理由", blank=True)
    recognised_on = models.DateField("認定日")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "申告の認定"
        constraints = [
            models.CheckConstraint(condition=Q(outcome__in=Outcome.values), name="recognition_known_outcome"),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.REFLECTED) | Q(decision__isnull=False),
                name="recognition_reflected_names_decision",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.NO_CHANGE) | ~Q(reason=""), name="recognition_no_change_needs_reason"
            ),
        ]


class Notice(models.Model):
    """An in-app notice; the daily digest is one per user and day, also sent by e-mail."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    day = models.DateField("日付")
    title = models.CharField("件名", max_length=120)
    body = models.TextField("本文")
    read_at = models.DateTimeField(null=True, blank=True)
    emailed = models.BooleanField(default=False)

    class Meta:
        verbose_name = verbose_name_plural = "お知らせ"
        ordering = ["-day", "-id"]
        constraints = [models.UniqueConstraint(fields=["recipient", "day"], name="one_digest_per_user_and_day")]


class DeclaredIncome(InsertOnly):
    """An income entry made from a received declaration (the pay-slip figures entered on its page), so
    the declaration page shows what was declared next to what was recognised."""

    declaration = models.ForeignKey(Declaration, on_delete=models.PROTECT, related_name="incomes")
    income = models.OneToOneField("households.Income", on_delete=models.PROTECT, related_name="declared_in")

    class Meta:
        verbose_name = verbose_name_plural = "申告から登録した収入"
