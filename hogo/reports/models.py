"""A stored report run (issue 24, decision 0035): which report, for which office and month, who asked,
how far it got, what it found and the state of the records it read, so a figure filed months ago can be
shown again as it was, and an office's setting for suppressing small cells."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

from hogo.offices.models import Office

from .catalogue import REPORTS


class ReportSettings(models.Model):
    """An office's choices for its reports. Without a row there is no suppression."""

    office = models.OneToOneField(
        Office, on_delete=models.CASCADE, related_name="report_settings", verbose_name="福祉事務所"
    )
    suppression_threshold = models.PositiveSmallIntegerField(
        "秘匿の基準（世帯数・人数）",
        default=0,
        validators=[MaxValueValidator(99)],
        help_text="この数より少ない件数の欄を「秘匿」と表示します。0 は秘匿しません。",
    )

    class Meta:
        verbose_name = verbose_name_plural = "統計の設定"


class ReportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "待機中"
        RUNNING = "running", "集計中"
        DONE = "done", "完了"
        FAILED = "failed", "失敗"

    class Scope(models.TextChoices):
        OFFICE = "office", "事務所全体"
        TEAM = "team", "係"
        OWN = "own", "担当世帯"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="report_runs", verbose_name="福祉事務所")
    report = models.CharField("統計", max_length=20, choices=[(key, r.title) for key, r in REPORTS.items()])
    month = models.DateField("対象月（基準日の月）")
    reference_date = models.DateField("基準日")
    scope = models.CharField("範囲", max_length=10, choices=Scope.choices, default=Scope.OFFICE)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="依頼した職員"
    )
    status = models.CharField("状態", max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField("進み具合（%）", default=0)
    step = models.CharField("処理中の段階", max_length=100, blank=True)
    result = models.JSONField("集計結果", default=dict, blank=True)
    data_version = models.JSONField("集計に使った記録の版", default=dict, blank=True)
    threshold = models.PositiveSmallIntegerField("秘匿の基準（実行時）", default=0)
    error = models.TextField("失敗の理由", blank=True)
    created_at = models.DateTimeField("依頼日時", auto_now_add=True)
    finished_at = models.DateTimeField("完了日時", null=True, blank=True)

    audit_type = "report_run"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = "統計の集計"
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_run_progress_to_100"),
            models.CheckConstraint(condition=Q(report__in=list(REPORTS)), name="report_run_known_report"),
        ]

    def __str__(self):
        return f"{self.get_report_display()} {self.month:%Y-%m}"

    @property
    def audit_id(self):
        return self.public_id

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
