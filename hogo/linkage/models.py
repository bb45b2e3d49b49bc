"""Data from other systems (情報連携・他課のデータ) brought in as runs of rows (issue 18, decision 0029).

A run is one file of one source for one office, kept with its SHA-256 so the same file twice changes
nothing. Each row keeps its values as read, the member it was matched to and what became of it.
Rows are the CW's work list: an exception waits for a caseworker to say who the row is about; a 住民異動
waits for a caseworker to confirm it; a large change waits for a caseworker's look before bulk approval.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from hogo.decisions.models import Decision
from hogo.households.models import Household, Member
from hogo.offices.models import Office

from . import layouts


class Source(models.TextChoices):
    PENSION = layouts.PENSION, "年金（情報連携）"
    CARE_PREMIUM = layouts.CARE_PREMIUM, "介護保険料"
    CARE_CERTIFICATION = layouts.CARE_CERTIFICATION, "要介護認定"
    DISABILITY_CERTIFICATE = layouts.DISABILITY_CERTIFICATE, "障害者手帳"
    RESIDENT_CHANGE = layouts.RESIDENT_CHANGE, "住民異動"


class LinkageRun(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="linkage_runs", verbose_name="福祉事務所")
    source = models.CharField("データの種類", max_length=30, choices=Source.choices)
    file_name = models.CharField("ファイル名", max_length=200)
    sha256 = models.CharField(max_length=64)
    encoding = models.CharField("文字コード", max_length=10)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField("取込日時", auto_now_add=True)
    rows = models.PositiveIntegerField("行数", default=0)
    matched = models.PositiveIntegerField("突合できた行", default=0)
    drafted = models.PositiveIntegerField("変更決定を起案した世帯", default=0)
    unchanged = models.PositiveIntegerField("変更のない行", default=0)
    applied = models.PositiveIntegerField("記録だけ更新した行", default=0)
    exceptions = models.PositiveIntegerField("例外の行", default=0)
    to_confirm = models.PositiveIntegerField("CWの確認待ちの行", default=0)
    minutes_per_case = models.PositiveSmallIntegerField("手作業の1件あたりの時間（分）", null=True, blank=True)

    audit_type = "linkage_run"

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = verbose_name_plural = "連携データの取込"
        constraints = [
            models.UniqueConstraint(fields=["office", "source", "sha256"], name="linkage_file_once_per_office"),
            models.CheckConstraint(condition=Q(source__in=Source.values), name="linkage_known_source"),
        ]

    def __str__(self):
        return f"{self.get_source_display()} {self.file_name}"

    @property
    def audit_id(self):
        return self.public_id

    @property
    def automatic(self) -> int:
        """Rows handled without a caseworker keying them in (matched and not left to a person)."""
        return self.drafted_rows + self.unchanged + self.applied

    @property
    def drafted_rows(self) -> int:
        return self.items.filter(outcome=Outcome.DRAFTED).count()

    @property
    def hours_saved(self) -> float | None:
        if self.minutes_per_case is None:
            return None
        return round(self.automatic * self.minutes_per_case / 60, 1)


class Outcome(models.TextChoices):
    DRAFTED = "drafted", "変更決定を起案"
    UNCHANGED = "unchanged", "変更なし"
    APPLIED = "applied", "記録を更新（金額の変更なし）"
    EXCEPTION = "exception", "例外（CWの確認が必要）"
    TO_CONFIRM = "to_confirm", "CWの確認待ち"
    CONFIRMED = "confirmed", "CWが確認・反映"
    DISMISSED = "dismissed", "対応不要とした"


WAITING = (Outcome.EXCEPTION, Outcome.TO_CONFIRM)


class LinkageRow(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    run = models.ForeignKey(LinkageRun, on_delete=models.PROTECT, related_name="items")
    line = models.PositiveIntegerField("行")
    values = models.JSONField("値")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    candidates = models.JSONField("候補の世帯員", default=list, blank=True)  # member ids, for an ambiguous match
    outcome = models.CharField("結果", max_length=20, choices=Outcome.choices)
    reason = models.CharField("理由", max_length=200, blank=True)
    change = models.CharField("変更の内容", max_length=300, blank=True)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    old_total = models.IntegerField("現在の月額", null=True, blank=True)
    new_total = models.IntegerField("新しい月額", null=True, blank=True)
    review = models.CharField("確認が必要な理由", max_length=200, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField("確認日時", null=True, blank=True)

    audit_type = "linkage_row"

    class Meta:
        ordering = ["run", "line"]
        verbose_name = verbose_name_plural = "連携データの行"
        constraints = [
            models.UniqueConstraint(fields=["run", "line"], name="linkage_row_once_per_line"),
            models.CheckConstraint(condition=Q(outcome__in=Outcome.values), name="linkage_known_outcome"),
        ]
        indexes = [models.Index(fields=["run", "outcome"]), models.Index(fields=["household", "outcome"])]

    def __str__(self):
        return f"{self.run} {self.line}行目"

    @property
    def audit_id(self):
        return self.public_id

    @property
    def office_id(self):
        return self.run.office_id

    @property
    def waiting_review(self) -> bool:
        return bool(self.review) and self.handled_at is None and self.outcome == Outcome.DRAFTED

    @property
    def who(self) -> str:
        name = self.values.get("name") or self.values.get("kana", "")
        return f"{name}（{self.values.get('kana', '')}）" if self.values.get("name") else name


class LinkageSetting(models.Model):
    """The minutes an office spends keying in one case of a source by hand (for the hours saved)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="linkage_settings", verbose_name="事務所")
    source = models.CharField("データの種類", max_length=30, choices=Source.choices)
    minutes_per_case = models.PositiveSmallIntegerField("手作業の1件あたりの時間（分）")

    class Meta:
        verbose_name = verbose_name_plural = "連携データの設定"
        constraints = [models.UniqueConstraint(fields=["office", "source"], name="linkage_setting_once")]
