"""The portal's end of the recipients' voice (issue 23, decision 0038): the notices the core sends for a
household (a delivered certificate's PDF with them), the certificates a household asks for, the opinion box,
the office's surveys and guides, and a household's survey answers. Rows made here carry the export that
sent them to the core (`sent_bundle`, empty until sent)."""

from django.db import models

from hogo.recipient_portal.models import RecipientAccount, RecipientHousehold


class PortalNotice(models.Model):
    household = models.ForeignKey(RecipientHousehold, on_delete=models.CASCADE, related_name="voice_notices")
    key = models.CharField("キー", max_length=80)
    kind = models.CharField("種類", max_length=20)
    title = models.CharField("件名", max_length=120)
    body = models.TextField("本文")
    dated = models.DateField("日付")
    pdf = models.BinaryField("添付のPDF", null=True, blank=True)
    pdf_label = models.CharField("添付の名前", max_length=60, blank=True)
    read_at = models.DateTimeField("読んだ日時", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "お知らせ（ポータル）"
        ordering = ["-dated", "-pk"]
        constraints = [models.UniqueConstraint(fields=["household", "key"], name="portal_notice_key_once")]


class CertificateRequest(models.Model):
    household = models.ForeignKey(RecipientHousehold, on_delete=models.CASCADE, related_name="certificate_requests")
    account = models.ForeignKey(RecipientAccount, on_delete=models.CASCADE, related_name="+")
    key = models.CharField("キー", max_length=40, unique=True)
    kind = models.CharField("種類", max_length=10, choices=[("receipt", "受給証明書"), ("medical", "診療依頼書")])
    purpose = models.CharField("使う目的", max_length=200, blank=True)
    delivery = models.CharField("受け取り方", max_length=10, choices=[("portal", "ポータルでPDF"), ("post", "郵送")])
    person_key = models.CharField("受診する人", max_length=40, blank=True)
    person_name = models.CharField("受診する人の氏名", max_length=100, blank=True)
    clinic = models.CharField("病院・診療所", max_length=100, blank=True)
    reason = models.TextField("受診の理由", blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    sent_bundle = models.CharField(max_length=60, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)  # the core accepted sent_bundle

    class Meta:
        verbose_name = verbose_name_plural = "証明書の申請（ポータル）"
        ordering = ["-requested_at", "-pk"]


class Opinion(models.Model):
    """An opinion for the office. Anonymous: no household and no account is kept, here or in the bundle."""

    office = models.CharField("団体コード", max_length=6)
    key = models.CharField("キー", max_length=40, unique=True)
    household = models.ForeignKey(RecipientHousehold, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    account = models.ForeignKey(RecipientAccount, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    name = models.CharField("名前", max_length=100, blank=True)
    category = models.CharField("分類", max_length=20)
    text = models.TextField("内容")
    submitted_at = models.DateTimeField(auto_now_add=True)
    sent_bundle = models.CharField(max_length=60, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)  # the core accepted sent_bundle

    class Meta:
        verbose_name = verbose_name_plural = "ご意見（ポータル）"


class Content(models.Model):
    """A guide or a survey of the office as the core last sent it; one no longer sent is not listed."""

    office = models.CharField("団体コード", max_length=6)
    key = models.CharField("キー", max_length=60)
    kind = models.CharField("種類", max_length=10, choices=[("guide", "案内"), ("survey", "アンケート")])
    title = models.CharField("題名", max_length=100)
    body = models.TextField("本文", blank=True)
    questions = models.JSONField("質問", default=list, blank=True)
    opens_on = models.DateField(null=True, blank=True)
    closes_on = models.DateField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=10)
    listed = models.BooleanField("掲載中", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "案内・アンケート（ポータル）"
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["office", "key"], name="portal_content_key_once")]


class SurveyAnswer(models.Model):
    household = models.ForeignKey(RecipientHousehold, on_delete=models.CASCADE, related_name="+")
    account = models.ForeignKey(RecipientAccount, on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Content, on_delete=models.CASCADE, related_name="answers")
    key = models.CharField("キー", max_length=40, unique=True)
    answers = models.JSONField("回答", default=dict)
    answered_at = models.DateTimeField(auto_now_add=True)
    sent_bundle = models.CharField(max_length=60, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)  # the core accepted sent_bundle

    class Meta:
        verbose_name = verbose_name_plural = "アンケートの回答（ポータル）"
        constraints = [models.UniqueConstraint(fields=["household", "survey"], name="portal_survey_answer_once")]
