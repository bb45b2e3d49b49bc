"""Partner agencies on the portal (issue 22): what the core sent in transfer bundles (members, conferences,
their candidate dates and materials) and what members did here (pledges, date answers), which the portal
sends back. Keys are the core's (`am-<pk>`, the conference's public id, `cd-<pk>`, `mt-<pk>`); offices are
団体コード: the portal has no Office table."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class PortalMember(models.Model):
    """A partner agency's member who may sign in here. The password is set once, on 利用開始, with the
    one-time code the office handed over (only its SHA-256 travels in bundles)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portal_member")
    key = models.CharField("キー", max_length=40)
    office = models.CharField("団体コード", max_length=6)
    agency = models.CharField("機関", max_length=200)
    name = models.CharField("氏名", max_length=100)
    valid_from = models.DateField("有効期間（開始）")
    valid_to = models.DateField("有効期間（終了）", null=True, blank=True)
    code_hash = models.CharField("利用開始コードの SHA-256", max_length=64, blank=True)
    activated_at = models.DateTimeField("利用開始日時", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "関係機関の担当者"
        # `am-<pk>` is unique within one core; a portal serving several offices keeps them apart
        constraints = [models.UniqueConstraint(fields=["office", "key"], name="portal_member_key_once")]

    def __str__(self):
        return f"{self.name}（{self.agency}）"

    def in_force(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.valid_from <= today and (self.valid_to is None or self.valid_to >= today)


class PortalConference(models.Model):
    key = models.CharField("キー", max_length=40, unique=True)
    office = models.CharField("団体コード", max_length=6)
    purpose = models.TextField("会議の目的")
    held_on = models.DateField("開催日", null=True, blank=True)
    minutes = models.TextField("議事録", blank=True)
    conclusions = models.TextField("結論", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "調整会議"

    def __str__(self):
        return self.purpose[:40]


class PortalMembership(models.Model):
    conference = models.ForeignKey(PortalConference, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(PortalMember, on_delete=models.CASCADE, related_name="memberships")
    reason = models.TextField("招集する目的", blank=True)
    active = models.BooleanField("構成員", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "会議の構成員"
        constraints = [models.UniqueConstraint(fields=["conference", "member"], name="portal_membership_once")]


class PortalCandidate(models.Model):
    key = models.CharField("キー", max_length=40)
    conference = models.ForeignKey(PortalConference, on_delete=models.CASCADE, related_name="candidates")
    starts_at = models.DateTimeField("候補日時")

    class Meta:
        verbose_name = verbose_name_plural = "候補日"
        ordering = ["starts_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["conference", "key"], name="portal_candidate_key_once")]


class PortalMaterial(models.Model):
    key = models.CharField("キー", max_length=40)
    conference = models.ForeignKey(PortalConference, on_delete=models.CASCADE, related_name="materials")
    content = models.TextField("内容")
    created_at = models.DateTimeField("作成日時")

    class Meta:
        verbose_name = verbose_name_plural = "会議資料"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["conference", "key"], name="portal_material_key_once")]


class PortalPledge(models.Model):
    """A member's signed confidentiality pledge; sent to the core once (`sent_bundle`: the export that
    carried it)."""

    conference = models.ForeignKey(PortalConference, on_delete=models.CASCADE, related_name="pledges")
    member = models.ForeignKey(PortalMember, on_delete=models.CASCADE, related_name="pledges")
    text = models.TextField("誓約文")
    signed_at = models.DateTimeField("署名日時")
    sent_bundle = models.CharField("送ったバンドル", max_length=64, blank=True)
    acknowledged_at = models.DateTimeField("受入の確認日時", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "守秘義務の誓約"
        constraints = [models.UniqueConstraint(fields=["conference", "member"], name="portal_pledge_once")]


class PortalDateAnswer(models.Model):
    """A member's answer to one candidate date; `sent_at` is cleared when the answer changes, so the
    next bundle carries it again."""

    candidate = models.ForeignKey(PortalCandidate, on_delete=models.CASCADE, related_name="answers")
    member = models.ForeignKey(PortalMember, on_delete=models.CASCADE, related_name="date_answers")
    available = models.BooleanField("参加できる")
    answered_at = models.DateTimeField("回答日時")
    sent_at = models.DateTimeField("送った日時", null=True, blank=True)
    sent_bundle = models.CharField("送ったバンドル", max_length=64, blank=True)
    acknowledged_at = models.DateTimeField("受入の確認日時", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "日程の回答"
        constraints = [models.UniqueConstraint(fields=["candidate", "member"], name="portal_date_answer_once")]
