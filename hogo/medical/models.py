"""Medical and care assistance (医療扶助・介護扶助, issue 20, decision 0031).

医療扶助: a request (傷病届) → a 医療要否意見書 issued to a 指定医療機関, with a reference that brings the
reply back → the doctor's reply → the 嘱託医's review → the caseworker's decision, which opens a medical
assistance period → each month, one 医療券 (or 調剤券) per institution in bulk. 介護扶助: a care plan →
one 介護券 per provider and month. 移送費: an approved routine monthly amount, and occasional claims.
Reviews, decisions, tickets and runs are insert-only; a correction is a new ticket that voids the old one.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from hogo.approvals.models import Approvable, ApprovalActionBase
from hogo.common.models import HouseholdRecord, InsertOnly
from hogo.households.models import Household, Member
from hogo.offices.models import Office


class InstitutionKind(models.TextChoices):
    MEDICAL = "medical", "指定医療機関（病院・診療所）"
    PHARMACY = "pharmacy", "指定医療機関（薬局）"
    CARE = "care", "指定介護機関"


class Institution(models.Model):
    """The directory of 指定医療機関 and 指定介護機関 (生活保護法第49条・第54条の2) an office deals with."""

    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="medical_institutions", verbose_name="福祉事務所"
    )
    code = models.CharField("機関コード", max_length=10)
    name = models.CharField("名称", max_length=100)
    address = models.CharField("所在地", max_length=200)
    kind = models.CharField("種類", max_length=10, choices=InstitutionKind.choices)
    designated_from = models.DateField("指定日")
    designated_until = models.DateField("指定の終了日（廃止・辞退・取消）", null=True, blank=True)

    class Meta:
        ordering = ["kind", "code"]
        verbose_name = verbose_name_plural = "指定医療機関・指定介護機関"
        constraints = [
            models.UniqueConstraint(fields=["office", "code"], name="institution_code_once_per_office"),
            models.CheckConstraint(condition=Q(kind__in=InstitutionKind.values), name="institution_known_kind"),
        ]

    def __str__(self):
        return f"{self.name}（{self.code}）"

    def designated_on(self, day) -> bool:
        return self.designated_from <= day and (self.designated_until is None or day <= self.designated_until)


class Care(models.TextChoices):
    OUTPATIENT = "outpatient", "入院外（通院）"
    INPATIENT = "inpatient", "入院"


class MedicalRequest(HouseholdRecord, models.Model):
    """A 傷病届 (or the medical part of a 保護変更申請): a member asks for medical assistance."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="medical_requests")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="medical_requests", verbose_name="受診者")
    received_on = models.DateField("届出日")
    complaint = models.CharField("症状・届出の内容", max_length=200)
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="requests", verbose_name="受診する指定医療機関"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    audit_type = "medical_request"

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = verbose_name_plural = "傷病届"


class Verdict(models.TextChoices):
    AGREE = "agree", "要（意見のとおり）"
    ASK = "ask", "照会が必要（主治医に確認）"
    DISAGREE = "disagree", "否（医療扶助は不要）"


class Opinion(models.Model):
    """A 医療要否意見書 issued to the institution; the doctor's reply is entered on it once."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField("意見書番号", max_length=20, unique=True)
    request = models.ForeignKey(MedicalRequest, on_delete=models.PROTECT, related_name="opinions")
    issued_on = models.DateField("発行日")
    renewal_of = models.ForeignKey("MedicalPeriod", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # the doctor's reply
    replied_on = models.DateField("回答日", null=True, blank=True)
    diagnosis = models.CharField("傷病名", max_length=200, blank=True)
    care = models.CharField("入院・入院外", max_length=12, choices=Care.choices, blank=True)
    expected_months = models.PositiveSmallIntegerField("今後の診療見込み期間（か月）", null=True, blank=True)
    doctor_name = models.CharField("主治医", max_length=100, blank=True)
    doctor_remarks = models.TextField("主治医の意見", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    audit_type = "medical_opinion"

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = verbose_name_plural = "医療要否意見書"

    def __str__(self):
        return self.reference

    @property
    def audit_id(self):
        return self.public_id

    @property
    def office_id(self):
        return self.request.household.office_id

    @property
    def household(self):
        return self.request.household

    def latest_review(self):
        return self.reviews.order_by("-at", "-id").first()


class Review(InsertOnly):
    """The 嘱託医's review of a reply: agrees, asks, or disagrees, with remarks. A second review is a new row."""

    opinion = models.ForeignKey(Opinion, on_delete=models.PROTECT, related_name="reviews")
    verdict = models.CharField("嘱託医の判断", max_length=10, choices=Verdict.choices)
    remarks = models.TextField("嘱託医の意見", blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = verbose_name_plural = "嘱託医の検討"


class MedicalPeriod(HouseholdRecord, InsertOnly):
    """The caseworker's decision: medical assistance for a member at an institution from a day to a day."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="medical_periods")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="medical_periods")
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="periods")
    opinion = models.ForeignKey(Opinion, on_delete=models.PROTECT, related_name="periods")
    care = models.CharField("入院・入院外", max_length=12, choices=Care.choices)
    with_dispensing = models.BooleanField("院外処方（調剤券を発行）", default=False)
    pharmacy = models.ForeignKey(
        Institution, on_delete=models.PROTECT, null=True, blank=True, related_name="dispensing_periods"
    )
    starts_on = models.DateField("開始日")
    ends_on = models.DateField("終了日")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    audit_type = "medical_period"

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = verbose_name_plural = "医療扶助の期間"
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="medical_period_ends_after_start")
        ]


class CarePlan(HouseholdRecord, InsertOnly):
    """A member's care plan (ケアプラン) as 介護扶助 pays it: the 居宅介護支援事業者, the services by
    provider with their monthly cost, the 区分支給限度額; 介護扶助 pays the 1割 the insurance does not."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="care_plans")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="care_plans")
    planner = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="planned", verbose_name="居宅介護支援事業者"
    )
    in_facility = models.BooleanField("施設入所", default=False)
    limit_units = models.PositiveIntegerField("区分支給限度基準額（単位）")
    services = models.JSONField("サービス")  # [{"provider": institution id, "service": str, "cost": yen a month}]
    starts_on = models.DateField("開始日")
    ends_on = models.DateField("終了日", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    audit_type = "care_plan"

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = verbose_name_plural = "介護扶助の計画"


class TicketKind(models.TextChoices):
    MEDICAL = "medical", "医療券"
    DISPENSING = "dispensing", "調剤券"
    CARE = "care", "介護券"


class TicketRun(models.Model):
    """The monthly bulk issue of an office: once a month (a second run for the month is refused)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="ticket_runs")
    month = models.DateField("対象月")
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    run_at = models.DateTimeField(default=timezone.now)
    count = models.PositiveIntegerField("発行枚数", default=0)

    audit_type = "ticket_run"

    class Meta:
        ordering = ["-month"]
        verbose_name = verbose_name_plural = "券の一括発行"
        constraints = [models.UniqueConstraint(fields=["office", "month"], name="one_ticket_run_a_month")]

    @property
    def audit_id(self):
        return self.public_id


class Ticket(models.Model):
    """One 医療券・調剤券・介護券 for a member, an institution and a month. Void, never changed: a correction
    is a new ticket that `replaces` the old one."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField("券番号", max_length=20, unique=True)
    kind = models.CharField("種類", max_length=12, choices=TicketKind.choices)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="tickets")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="tickets")
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="tickets")
    month = models.DateField("対象月")
    period = models.ForeignKey(MedicalPeriod, on_delete=models.PROTECT, null=True, blank=True, related_name="tickets")
    care_plan = models.ForeignKey(CarePlan, on_delete=models.PROTECT, null=True, blank=True, related_name="tickets")
    self_pay = models.PositiveIntegerField("本人支払額（円）", default=0)
    self_pay_basis = models.CharField("本人支払額の根拠", max_length=300, blank=True)
    cost = models.PositiveIntegerField("介護扶助の額（1割・円）", null=True, blank=True)
    run = models.ForeignKey(TicketRun, on_delete=models.PROTECT, null=True, blank=True, related_name="tickets")
    replaces = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by", verbose_name="訂正前の券"
    )
    void = models.BooleanField("無効", default=False)
    void_reason = models.CharField("無効の理由", max_length=200, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)

    audit_type = "ticket"

    class Meta:
        ordering = ["month", "number"]
        verbose_name = verbose_name_plural = "医療券・調剤券・介護券"
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=TicketKind.values), name="ticket_known_kind"),
            models.UniqueConstraint(
                fields=["kind", "member", "institution", "month"],
                condition=Q(void=False),
                name="one_live_ticket_per_member_institution_month",
            ),
        ]
        indexes = [models.Index(fields=["household", "month"])]

    def __str__(self):
        return self.number

    @property
    def audit_id(self):
        return self.public_id

    @property
    def office_id(self):
        return self.household.office_id


class Transport(HouseholdRecord, Approvable):
    """通院移送費: a routine amount a month (fare × trips), approved once and paid each month without
    re-deciding; or an occasional claim (one month, with the receipts' total)."""

    approval_noun = "移送費の決定"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="transports")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="transports")
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="transports")
    route = models.CharField("経路", max_length=200)
    means = models.CharField("交通手段", max_length=40)
    fare = models.PositiveIntegerField("片道の運賃（円）")
    trips = models.PositiveSmallIntegerField("月の通院回数")
    doctor_reason = models.CharField("主治医の意見（タクシー等が必要な理由）", max_length=200, blank=True)
    routine = models.BooleanField("毎月定例で支給", default=True)
    starts_on = models.DateField("開始月")
    ends_on = models.DateField("終了月", null=True, blank=True)
    receipts_total = models.PositiveIntegerField("領収書の合計（円・臨時の請求）", null=True, blank=True)

    audit_type = "transport"

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = verbose_name_plural = "移送費"

    @property
    def monthly_amount(self) -> int:
        """A round trip per visit: fare × 2 × trips (an occasional claim: the receipts' total)."""
        if self.receipts_total is not None:
            return self.receipts_total
        return self.fare * 2 * self.trips


class TransportAction(ApprovalActionBase):
    transport = models.ForeignKey(Transport, on_delete=models.PROTECT, related_name="actions")

    class Meta(ApprovalActionBase.Meta):
        verbose_name = verbose_name_plural = "移送費の決裁"
        constraints = [
            models.UniqueConstraint(
                fields=["transport", "step"], condition=Q(action="approve"), name="transport_step_approved_once"
            )
        ]
