"""The core's end of the recipients' voice (issue 23, decision 0038): certificates a household asks for on
the portal and how the office fulfilled them, opinions from the portal's opinion box, the office's surveys
and their answers, and the plain-language guides the office publishes. What travels to the portal is
computed from these and from the decisions, follow-ups and receivables (hogo/voice/transfer.py)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from hogo.common.models import HouseholdRecord
from hogo.households.models import Household, Member
from hogo.offices.models import Office


class CertificateKind(models.TextChoices):
    RECEIPT = "receipt", "受給証明書"
    MEDICAL = "medical", "診療依頼書"


class Delivery(models.TextChoices):
    PORTAL = "portal", "ポータルでPDF"
    POST = "post", "郵送"


class RequestState(models.TextChoices):
    OPEN = "open", "未対応"
    ISSUED = "issued", "ポータルで交付済み"
    POSTED = "posted", "郵送済み"


class CertificateRequest(HouseholdRecord, models.Model):
    """A certificate a household asked for on the portal; fulfilled once (a PDF in the portal, or posted)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="certificate_requests")
    key = models.CharField("ポータルのキー", max_length=40, unique=True)
    account_key = models.CharField("申請したアカウント", max_length=20)
    kind = models.CharField("種類", max_length=10, choices=CertificateKind.choices)
    purpose = models.CharField("使う目的", max_length=200, blank=True)
    delivery = models.CharField("受け取り方", max_length=10, choices=Delivery.choices)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    clinic = models.CharField("病院・診療所", max_length=100, blank=True)
    reason = models.TextField("受診の理由", blank=True, max_length=1000)
    requested_at = models.DateTimeField("申請日時")
    bundle_id = models.CharField("届いたバンドル", max_length=40)
    state = models.CharField("状態", max_length=10, choices=RequestState.choices, default=RequestState.OPEN)
    fulfilled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    fulfilled_at = models.DateTimeField("対応日時", null=True, blank=True)
    pdf = models.BinaryField("交付したPDF", null=True, blank=True)

    audit_type = "certificate_request"

    class Meta:
        verbose_name = verbose_name_plural = "証明書の申請"
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=CertificateKind.values), name="certificate_known_kind"),
            models.CheckConstraint(condition=Q(state__in=RequestState.values), name="certificate_known_state"),
            models.CheckConstraint(
                condition=Q(state="open") | Q(fulfilled_at__isnull=False), name="certificate_fulfilled_has_time"
            ),
        ]


class Opinion(models.Model):
    """An opinion from the portal's opinion box. An anonymous one names no household (none travelled)."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    key = models.CharField("ポータルのキー", max_length=40, unique=True)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    name = models.CharField("名前（記名のとき）", max_length=100, blank=True)
    category = models.CharField("分類", max_length=20)
    text = models.TextField("内容", max_length=2000)
    submitted_at = models.DateTimeField("送信日時")
    bundle_id = models.CharField("届いたバンドル", max_length=40)

    audit_type = "opinion"

    class Meta:
        verbose_name = verbose_name_plural = "ご意見"
        ordering = ["-submitted_at", "-pk"]

    @property
    def audit_id(self):
        return self.key


class Survey(models.Model):
    """A survey the office asks on the portal while it is open. Its questions:
    [{"key": "q1", "text": "…", "choices": ["…", …]}] — no choices means a free-text answer."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    title = models.CharField("題名", max_length=100)
    intro = models.TextField("はじめの説明", blank=True, max_length=1000)
    questions = models.JSONField("質問", default=list)
    opens_on = models.DateField("開始日")
    closes_on = models.DateField("終了日")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    audit_type = "survey"

    class Meta:
        verbose_name = verbose_name_plural = "アンケート"
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="survey_closes_after_open")
        ]

    @property
    def audit_id(self):
        return self.public_id

    @property
    def key(self) -> str:
        return f"sv-{self.public_id}"


class SurveyAnswer(models.Model):
    """A household's answers to a survey (once per household); shown only as counts."""

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="answers")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="+")
    key = models.CharField("ポータルのキー", max_length=40, unique=True)
    answers = models.JSONField("回答", default=dict)
    answered_at = models.DateTimeField("回答日時")
    bundle_id = models.CharField("届いたバンドル", max_length=40)

    class Meta:
        verbose_name = verbose_name_plural = "アンケートの回答"
        constraints = [models.UniqueConstraint(fields=["survey", "household"], name="survey_answer_once")]


class Guide(models.Model):
    """A plain-language page the office publishes on the portal (保護のしおり …). The body is paragraphs
    separated by blank lines; a line starting with "## " is a heading, "- " a list item."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    title = models.CharField("題名", max_length=100)
    body = models.TextField("本文", max_length=20000)
    order = models.PositiveSmallIntegerField("並び順", default=10)
    published = models.BooleanField("ポータルに載せる", default=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    audit_type = "guide"

    class Meta:
        verbose_name = verbose_name_plural = "案内のページ"
        ordering = ["order", "pk"]

    @property
    def audit_id(self):
        return self.public_id

    @property
    def key(self) -> str:
        return f"gd-{self.public_id}"
