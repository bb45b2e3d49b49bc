"""The portal's end of visit appointments and check-ins (decision 0037). Slots and check-ins are the core's
(upserted by key from `visit_slot` / `checkin` records); answers are the recipient's, sent to the core once
(`sent_at`), again only when changed."""

from django.db import models
from django.db.models import Q

from hogo.recipient_portal.models import RecipientAccount, RecipientHousehold


class SlotStatus(models.TextChoices):
    PROPOSED = "proposed", "日程の確認をお願いしています"
    CONFIRMED = "confirmed", "この日時で決まりました"
    DECLINED = "declined", "日程を調整しています"
    ABSENT = "absent", "ご不在でした"
    DONE = "done", "訪問しました"
    CANCELLED = "cancelled", "取りやめになりました"


class VisitSlot(models.Model):
    office = models.CharField("団体コード", max_length=6)
    key = models.CharField("キー", max_length=40)
    household = models.ForeignKey(RecipientHousehold, on_delete=models.CASCADE, related_name="visit_slots")
    date = models.DateField("日付")
    slot = models.CharField("時間帯", max_length=20, blank=True)
    purpose = models.CharField("目的", max_length=200)
    status = models.CharField("状態", max_length=12, choices=SlotStatus.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "訪問の日程（ポータル）"
        ordering = ["date", "slot", "pk"]
        constraints = [models.UniqueConstraint(fields=["office", "key"], name="visit_slot_key_once")]

    @property
    def answerable(self) -> bool:
        return self.status in (SlotStatus.PROPOSED, SlotStatus.CONFIRMED, SlotStatus.DECLINED)


class Answer(models.TextChoices):
    CONFIRM = "confirm", "この日時で大丈夫です"
    DECLINE = "decline", "都合が悪いです"
    OTHER_TIME = "other_time", "別の日時にしてほしい"


class VisitAnswer(models.Model):
    slot = models.OneToOneField(VisitSlot, on_delete=models.CASCADE, related_name="answer")
    account = models.ForeignKey(RecipientAccount, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField("回答", max_length=12, choices=Answer.choices)
    wish = models.CharField("希望の日時", max_length=200, blank=True)
    answered_at = models.DateTimeField("回答日時")
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_bundle = models.CharField(max_length=60, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)  # the core accepted sent_bundle

    class Meta:
        verbose_name = verbose_name_plural = "訪問の日程への回答"
        constraints = [models.CheckConstraint(condition=Q(answer__in=Answer.values), name="portal_visit_answer_known")]


class CheckinStatus(models.TextChoices):
    OPEN = "open", "回答をお願いしています"
    ANSWERED = "answered", "回答をいただきました"
    CANCELLED = "cancelled", "取りやめになりました"


class Checkin(models.Model):
    office = models.CharField("団体コード", max_length=6)
    key = models.CharField("キー", max_length=40)
    household = models.ForeignKey(RecipientHousehold, on_delete=models.CASCADE, related_name="checkins")
    due_on = models.DateField("報告日")
    window_closes_on = models.DateField("締切")
    status = models.CharField("状態", max_length=12, choices=CheckinStatus.choices)

    class Meta:
        verbose_name = verbose_name_plural = "近況報告（ポータル）"
        ordering = ["-due_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["office", "key"], name="portal_checkin_key_once")]


class Health(models.TextChoices):
    GOOD = "good", "良い"
    FAIR = "fair", "ふつう"
    POOR = "poor", "よくない"


class Living(models.TextChoices):
    FINE = "fine", "困っていない"
    SOME = "some", "少し困っている"
    TROUBLED = "troubled", "困っている"


class CheckinAnswer(models.Model):
    """The self-report; one per check-in (a second submit changes nothing)."""

    checkin = models.OneToOneField(Checkin, on_delete=models.CASCADE, related_name="answer")
    account = models.ForeignKey(RecipientAccount, on_delete=models.PROTECT, related_name="+")
    health = models.CharField("体調", max_length=8, choices=Health.choices)
    living = models.CharField("暮らし", max_length=8, choices=Living.choices)
    changed = models.BooleanField("変わったこと")
    change_text = models.CharField("変わったことの内容", max_length=500, blank=True)
    message = models.TextField("伝えたいこと", max_length=2000, blank=True)
    answered_at = models.DateTimeField("回答日時")
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_bundle = models.CharField(max_length=60, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)  # the core accepted sent_bundle

    class Meta:
        verbose_name = verbose_name_plural = "近況報告の回答"
