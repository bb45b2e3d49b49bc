"""Visit grades, visits, case records (ケース記録) with addenda, record templates and photos.

Grade decisions and record addenda are insert-only. A case record can be edited by its author
until a supervisor signs it; after that it is never edited, only amended with a dated addendum.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from hogo.common.models import HouseholdRecord, InsertOnly
from hogo.common.versions import Versioned
from hogo.households.models import Household, VisitGrade
from hogo.offices.models import Office


class GradeDecision(InsertOnly):
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="grade_decisions")
    recommended = models.CharField("推奨の格付け", max_length=12)
    reasons = models.JSONField("推奨の理由", default=list)
    chosen = models.CharField("決めた格付け", max_length=1, choices=VisitGrade.choices, blank=True)
    override_reason = models.TextField("推奨と異なる理由", blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "訪問格付けの決定"
        ordering = ["-decided_at", "-id"]

    @property
    def overridden(self) -> bool:
        return self.chosen != self.recommended


class VisitStatus(models.TextChoices):
    PROPOSED = "proposed", "日程を提案"
    CONFIRMED = "confirmed", "日程確定"
    DECLINED = "declined", "辞退・日程変更の希望"
    ABSENT = "absent", "不在"
    DONE = "done", "訪問済み"
    CANCELLED = "cancelled", "取りやめ"


class Visit(HouseholdRecord, models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="visits")
    planned_on = models.DateField("予定日")
    slot = models.CharField("時間帯", max_length=20, blank=True, help_text="例: 10:00〜10:30")
    status = models.CharField("状態", max_length=12, choices=VisitStatus.choices, default=VisitStatus.PROPOSED)
    purpose = models.CharField("目的", max_length=200, blank=True)
    done_on = models.DateField("訪問日", null=True, blank=True)
    checklist = models.JSONField("確認事項", default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    audit_type = "visit"

    class Meta:
        verbose_name = verbose_name_plural = "訪問"
        ordering = ["planned_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=VisitStatus.values), name="visit_known_status"),
            models.CheckConstraint(
                condition=~Q(status=VisitStatus.DONE) | Q(done_on__isnull=False), name="visit_done_has_date"
            ),
        ]
        indexes = [models.Index(fields=["household", "planned_on"])]


class RecordKind(models.TextChoices):
    VISIT = "visit", "訪問"
    PHONE = "phone", "電話"
    OFFICE_VISIT = "office_visit", "来所"
    AGENCY = "agency", "関係機関との連絡"
    DECISION_NOTE = "decision_note", "決定に関する記録"


class RecordTemplate(models.Model):
    """Per office and record type: the items a record must cover (seed 000 No.12)."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="record_templates")
    kind = models.CharField("記録の種類", max_length=20, choices=RecordKind.choices)
    required_items = models.JSONField(
        "必須の記載項目", default=list, help_text="見出しの一覧。記録の本文に「【見出し】」の形で含める必要があります"
    )

    class Meta:
        verbose_name = verbose_name_plural = "ケース記録の様式"
        constraints = [models.UniqueConstraint(fields=["office", "kind"], name="one_record_template_per_kind")]


class CaseRecord(HouseholdRecord, Versioned):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="case_records")
    kind = models.CharField("種類", max_length=20, choices=RecordKind.choices)
    occurred_on = models.DateField("日付")
    members = models.JSONField("関係する世帯員", default=list, blank=True)
    body = models.TextField("記録")
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, null=True, blank=True, related_name="records")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField("CWの確定", null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_at = models.DateTimeField("査察指導員の確認", null=True, blank=True)
    search_terms = models.TextField(blank=True, editable=False)

    audit_type = "case_record"

    class Meta:
        verbose_name = verbose_name_plural = "ケース記録"
        ordering = ["-occurred_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=RecordKind.values), name="case_record_known_kind"),
            models.CheckConstraint(
                condition=Q(signed_at__isnull=True) | Q(confirmed_at__isnull=False),
                name="case_record_signed_after_confirmed",
            ),
        ]
        indexes = [
            models.Index(fields=["household", "occurred_on"]),
            models.Index(fields=["author", "occurred_on"]),
            models.Index(fields=["-occurred_on", "-id"], name="case_record_newest_first"),
        ]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values_list("signed_at", flat=True).first()
            if stored is not None:
                raise ValidationError("査察指導員が確認した記録は変更できません。追記してください。")
        super().save(*args, **kwargs)

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


class Addendum(InsertOnly):
    """A dated addition to a signed record. Insert-only."""

    record = models.ForeignKey(CaseRecord, on_delete=models.PROTECT, related_name="addenda")
    body = models.TextField("追記")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "ケース記録の追記"
        ordering = ["created_at", "id"]


class PhotoPurpose(models.TextChoices):
    ROOM = "room", "居室の状況"
    DOCUMENT = "document", "本人が提示した書類"


def photo_path(instance, filename):
    return f"photos/{instance.household.office_id}/{uuid.uuid4().hex}.jpg"


class Photo(HouseholdRecord, models.Model):
    """A photo taken on a visit. Stored re-encoded as JPEG without EXIF or GPS; served only through
    an audited view, never as a public media URL."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="photos")
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, null=True, blank=True, related_name="photos")
    declaration = models.ForeignKey(
        "followups.Declaration", on_delete=models.PROTECT, null=True, blank=True, related_name="photos"
    )
    purpose = models.CharField("目的", max_length=12, choices=PhotoPurpose.choices)
    caption = models.CharField("説明", max_length=200, blank=True)
    image = models.FileField(upload_to=photo_path)
    original_type = models.CharField(max_length=10)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    audit_type = "photo"

    class Meta:
        verbose_name = verbose_name_plural = "写真"
