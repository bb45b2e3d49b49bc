"""Visit appointments and check-ins through the recipient portal (issue 23, decision 0037).

- `VisitAnswer`: the recipient's answer to a proposed visit (confirm, decline, another time with a wish),
  as it came from the portal; the visit's status is set from it (hogo/checkins/services.py).
- `CheckinPlan`: a household the CW/SV chose for regular check-ins (stable or elderly households), and how
  often; `Checkin`: one due check-in with its answer window and, once answered, the self-report."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from hogo.casework.models import Visit
from hogo.common.models import HouseholdRecord
from hogo.followups.models import FollowUp
from hogo.households.models import Household


class Answer(models.TextChoices):
    CONFIRM = "confirm", "この日時で大丈夫"
    DECLINE = "decline", "都合が悪い"
    OTHER_TIME = "other_time", "別の日時を希望"


class VisitAnswer(models.Model):
    """The latest answer from the portal to one visit; a later answer replaces it."""

    visit = models.OneToOneField(Visit, on_delete=models.PROTECT, related_name="portal_answer")
    answer = models.CharField("回答", max_length=12, choices=Answer.choices)
    wish = models.CharField("希望", max_length=200, blank=True)
    answered_at = models.DateTimeField("回答日時")
    account = models.CharField("回答したアカウント", max_length=20)
    bundle_id = models.CharField("バンドルID", max_length=40)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "訪問日程へのポータルの回答"
        constraints = [models.CheckConstraint(condition=Q(answer__in=Answer.values), name="visit_answer_known")]


class Interval(models.IntegerChoices):
    MONTHLY = 1, "月1回"
    BIMONTHLY = 2, "2か月に1回"
    QUARTERLY = 3, "3か月に1回"


class CheckinPlan(HouseholdRecord, models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.OneToOneField(Household, on_delete=models.PROTECT, related_name="checkin_plan")
    interval_months = models.PositiveSmallIntegerField("間隔", choices=Interval.choices, default=Interval.MONTHLY)
    starts_on = models.DateField("最初の報告日")
    active = models.BooleanField("実施中", default=True)
    reason = models.CharField("対象とする理由", max_length=200, blank=True, help_text="例: 高齢単身で安定")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    audit_type = "checkin_plan"

    class Meta:
        verbose_name = verbose_name_plural = "近況報告の設定"
        constraints = [
            models.CheckConstraint(condition=Q(interval_months__in=Interval.values), name="checkin_plan_interval")
        ]


class Health(models.TextChoices):
    GOOD = "good", "良い"
    FAIR = "fair", "ふつう"
    POOR = "poor", "よくない"


class Living(models.TextChoices):
    FINE = "fine", "困っていない"
    SOME = "some", "少し困っている"
    TROUBLED = "troubled", "困っている"


class Checkin(HouseholdRecord, models.Model):
    """One check-in: open from `due_on` to `window_closes_on` (both days included)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(CheckinPlan, on_delete=models.PROTECT, related_name="checkins")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="checkins")
    due_on = models.DateField("報告日")
    window_closes_on = models.DateField("回答の締切")
    cancelled = models.BooleanField("取りやめ", default=False)
    answered_at = models.DateTimeField("回答日時", null=True, blank=True)
    health = models.CharField("体調", max_length=8, choices=Health.choices, blank=True)
    living = models.CharField("暮らし", max_length=8, choices=Living.choices, blank=True)
    changed = models.BooleanField("変化があった", null=True, blank=True)
    change_text = models.CharField("変化の内容", max_length=500, blank=True)
    message = models.TextField("伝えたいこと", blank=True)
    account = models.CharField("回答したアカウント", max_length=20, blank=True)
    followup = models.ForeignKey(FollowUp, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    audit_type = "checkin"

    class Meta:
        verbose_name = verbose_name_plural = "近況報告"
        ordering = ["-due_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "due_on"], name="checkin_once_per_due_date"),
            models.CheckConstraint(condition=Q(window_closes_on__gte=models.F("due_on")), name="checkin_window"),
        ]

    @property
    def urgent(self) -> bool:
        return self.health == Health.POOR or self.living == Living.TROUBLED or bool(self.changed)
