"""Households (世帯), their members, status history and caseworker assignments.

A household is addressed from outside by `public_id` (a random UUID), never by its database id.
Status, members and assignments change only through `services.py`, which records the date, the
reason and an audit entry.
"""

import uuid
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from hogo.common.bounds import NOTE_MAX, RENT_MAX, text_validators, yen_validators
from hogo.common.models import HouseholdRecord, InsertOnly
from hogo.common.prefectures import PREFECTURES
from hogo.common.versions import Versioned
from hogo.common.wareki import wareki
from hogo.offices.models import GRADE_AREAS, WINTER_REGIONS, Office, Staff

from . import circumstance_rules, lifecycle

# 郵便番号: seven digits written NNN-NNNN (the form accepts them without the hyphen or in full width).
POSTAL_CODE = RegexValidator(
    r"^[0-9]{3}-[0-9]{4}\Z", "郵便番号は 100-0001 のように7桁で入力してください。", code="postal_code"
)


class HouseholdType(models.TextChoices):
    ELDERLY = "elderly", "高齢者世帯"
    DISABLED = "disabled", "障害者世帯"
    SICK = "sick", "傷病者世帯"
    SINGLE_PARENT = "single_parent", "母子世帯"
    OTHER = "other", "その他の世帯"


class Status(models.TextChoices):
    CONSULTATION = lifecycle.CONSULTATION, lifecycle.LABELS[lifecycle.CONSULTATION]
    CONSULTATION_CLOSED = lifecycle.CONSULTATION_CLOSED, lifecycle.LABELS[lifecycle.CONSULTATION_CLOSED]
    APPLYING = lifecycle.APPLYING, lifecycle.LABELS[lifecycle.APPLYING]
    ACTIVE = lifecycle.ACTIVE, lifecycle.LABELS[lifecycle.ACTIVE]
    SUSPENDED = lifecycle.SUSPENDED, lifecycle.LABELS[lifecycle.SUSPENDED]
    TERMINATED = lifecycle.TERMINATED, lifecycle.LABELS[lifecycle.TERMINATED]
    REJECTED = lifecycle.REJECTED, lifecycle.LABELS[lifecycle.REJECTED]


class VisitGrade(models.TextChoices):
    """訪問格付け: how often the household is visited; the intervals are a follow-up rule's data."""

    NONE = "", "未設定"
    A = "A", "A"
    B = "B", "B"
    C = "C", "C"
    D = "D", "D"


class Residence(models.TextChoices):
    HOME = "home", "居宅"
    HOSPITAL = "hospital", "入院"
    FACILITY = "facility", "施設入所"


class Household(Versioned):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="households", verbose_name="福祉事務所")
    case_number = models.CharField("ケース番号", max_length=20)
    postal_code = models.CharField("郵便番号", max_length=8, blank=True, validators=[POSTAL_CODE])
    prefecture = models.CharField(
        "都道府県",
        max_length=10,
        blank=True,
        choices=PREFECTURES,
        help_text="住宅扶助の限度額に使います",
        error_messages={"invalid_choice": "都道府県は一覧から選んでください。"},
    )
    municipality = models.CharField(
        "市区町村", max_length=40, blank=True, help_text="指定都市・中核市は市の限度額を使います"
    )
    address = models.CharField("住所", max_length=200)
    rent = models.PositiveIntegerField(
        "家賃・間代（月額・円）", default=0, validators=yen_validators("家賃・間代", RENT_MAX)
    )
    latitude = models.DecimalField("緯度", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("経度", max_digits=9, decimal_places=6, null=True, blank=True)
    grade_area = models.CharField("級地", max_length=3, choices=GRADE_AREAS)
    winter_region = models.CharField("冬季加算地区", max_length=3, choices=WINTER_REGIONS)
    household_type = models.CharField("世帯類型", max_length=20, choices=HouseholdType.choices)
    status = models.CharField("状態", max_length=20, choices=Status.choices, default=Status.CONSULTATION)
    residence = models.CharField("居住の状況", max_length=10, choices=Residence.choices, default=Residence.HOME)
    visit_grade = models.CharField("訪問格付け", max_length=1, choices=VisitGrade.choices, blank=True)
    assistance_policy = models.TextField(
        "援助方針", blank=True, max_length=NOTE_MAX, validators=text_validators("援助方針")
    )
    cautions = models.TextField("留意事項", blank=True, max_length=NOTE_MAX, validators=text_validators("留意事項"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    audit_type = "household"

    class Meta:
        verbose_name = verbose_name_plural = "世帯"
        constraints = [
            models.UniqueConstraint(fields=["office", "case_number"], name="case_number_unique_per_office"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="household_known_status"),
            models.CheckConstraint(condition=Q(household_type__in=HouseholdType.values), name="household_known_type"),
        ]
        indexes = [models.Index(fields=["office", "status"])]

    def __str__(self):
        return f"{self.case_number}"

    @property
    def audit_id(self):
        return self.public_id


class Sex(models.TextChoices):
    MALE = "male", "男"
    FEMALE = "female", "女"


class Relation(models.TextChoices):
    HEAD = "head", "世帯主"
    SPOUSE = "spouse", "妻・夫"
    CHILD = "child", "子"
    PARENT = "parent", "父母"
    SIBLING = "sibling", "兄弟姉妹"
    GRANDCHILD = "grandchild", "孫"
    GRANDPARENT = "grandparent", "祖父母"
    OTHER = "other", "その他"


class DisabilityKind(models.TextChoices):
    NONE = "", "なし"
    PHYSICAL = "physical", "身体障害"
    INTELLECTUAL = "intellectual", "知的障害"
    MENTAL = "mental", "精神障害"


class CareLevel(models.TextChoices):
    NONE = "", "なし"
    SUPPORT_1 = "support_1", "要支援1"
    SUPPORT_2 = "support_2", "要支援2"
    CARE_1 = "care_1", "要介護1"
    CARE_2 = "care_2", "要介護2"
    CARE_3 = "care_3", "要介護3"
    CARE_4 = "care_4", "要介護4"
    CARE_5 = "care_5", "要介護5"


class SchoolStage(models.TextChoices):
    NONE = "", "なし"
    PRESCHOOL = "preschool", "未就学"
    ELEMENTARY = "elementary", "小学校"
    JUNIOR_HIGH = "junior_high", "中学校"
    HIGH_SCHOOL = "high_school", "高等学校"
    HIGHER = "higher", "大学等"


class MedicalCare(models.TextChoices):
    NONE = "", "なし"
    OUTPATIENT = "outpatient", "通院"
    INPATIENT = "inpatient", "入院"


class Member(HouseholdRecord, Versioned):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="members")
    name = models.CharField("氏名", max_length=100)
    name_kana = models.CharField("ふりがな", max_length=100)
    resident_number = models.CharField(
        "宛名番号",
        max_length=15,
        blank=True,
        db_index=True,
        help_text="住民基本台帳・税などの宛名番号（他課のデータとの突合に使います）",
    )
    search_name = models.CharField(max_length=100, db_index=True, editable=False)
    search_kana = models.CharField(max_length=100, db_index=True, editable=False)
    birth_date = models.DateField("生年月日")
    sex = models.CharField("性別", max_length=10, choices=Sex.choices)
    relation = models.CharField("続柄", max_length=20, choices=Relation.choices)
    disability_kind = models.CharField("障害の種別", max_length=20, choices=DisabilityKind.choices, blank=True)
    disability_grade = models.CharField("障害の等級", max_length=20, blank=True, help_text="例: 1級、A、2級")
    care_level = models.CharField("要介護度", max_length=20, choices=CareLevel.choices, blank=True)
    school_stage = models.CharField("就学状況", max_length=20, choices=SchoolStage.choices, blank=True)
    able_to_work = models.BooleanField("稼働能力あり（求職中）", default=False)
    medical_care = models.CharField("医療扶助", max_length=12, choices=MedicalCare.choices, blank=True)
    care_certified_until = models.DateField("要介護認定の有効期間満了日", null=True, blank=True)
    disability_certificate_until = models.DateField("障害者手帳の有効期限（再認定日）", null=True, blank=True)
    joined_on = models.DateField("世帯員となった日", null=True, blank=True)
    left_on = models.DateField("世帯を離れた日", null=True, blank=True)

    audit_type = "member"

    class Meta:
        verbose_name = verbose_name_plural = "世帯員"
        constraints = [
            models.UniqueConstraint(fields=["household"], condition=Q(relation="head"), name="one_head_per_household"),
            models.CheckConstraint(condition=Q(relation__in=Relation.values), name="member_known_relation"),
            models.CheckConstraint(condition=Q(sex__in=Sex.values), name="member_known_sex"),
        ]

    def __str__(self):
        return self.name


class IncomeKind(models.TextChoices):
    """The kinds of income the 実施要領 (次官通知 第8) names, as the engine groups them."""

    EARNINGS = "earnings", "就労収入"
    PENSION = "pension", "年金"
    ALLOWANCE = "allowance", "手当"
    SUPPORT = "support", "仕送り"
    CHILD_SUPPORT = "child_support", "養育費"
    TEMPORARY = "temporary", "臨時収入"
    PROPERTY = "property", "財産収入"
    OTHER = "other", "その他"


class SourceDocument(models.TextChoices):
    NONE = "", "未確認"
    PAY_SLIP = "pay_slip", "給与明細"
    PENSION_NOTICE = "pension_notice", "年金決定・改定通知書"
    TRANSFER_NOTICE = "transfer_notice", "振込通知"
    PASSBOOK = "passbook", "預金通帳"
    CERTIFICATE = "certificate", "受給証明書・決定通知"
    DECLARATION = "declaration", "収入申告書"
    LINKAGE = "linkage", "情報連携・他課のデータ"
    OTHER = "other", "その他"


class IncomeQuerySet(models.QuerySet):
    def current(self):
        """The entries no later entry corrected: what is recognised now."""
        return self.filter(superseded_by__isnull=True)


class Income(InsertOnly):
    """A member's income for a period of months, as recognised (yen, integer).

    `monthly_amount` is the gross amount for a month (for a pension paid every two months, the
    monthly figure the office's rounding rule gives from `payment_amount`). Employment lines carry
    the pay slip's deductions. Insert-only: a correction is a new entry that `supersedes` the old one,
    so what was recognised when stays visible.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="incomes")
    kind = models.CharField("種類", max_length=20, choices=IncomeKind.choices)
    detail = models.CharField("内訳", max_length=40, blank=True, help_text="例: 老齢基礎年金、児童手当、賞与")
    payer = models.CharField("支払者・勤務先", max_length=100, blank=True)
    monthly_amount = models.PositiveIntegerField("月額（円）")
    payment_amount = models.PositiveIntegerField("1回の支給額（円）", null=True, blank=True)
    payment_interval = models.PositiveSmallIntegerField("支給の間隔（か月）", default=1)
    income_tax = models.PositiveIntegerField("所得税（円）", default=0)
    resident_tax = models.PositiveIntegerField("住民税（円）", default=0)
    social_insurance = models.PositiveIntegerField("社会保険料（円）", default=0)
    commuting = models.PositiveIntegerField("通勤費（実費・円）", default=0)
    other_expenses = models.PositiveIntegerField("その他の必要経費（円）", default=0)
    new_job = models.BooleanField("新規就労（6か月以内）", default=False)
    since = models.DateField("認定開始月")
    until = models.DateField("認定終了月", null=True, blank=True)
    source_document = models.CharField(
        "確認した書類", max_length=20, choices=SourceDocument.choices, blank=True, default=""
    )
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by", verbose_name="訂正前"
    )
    note = models.TextField("備考・訂正の理由", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    recorded_at = models.DateTimeField("記録日時", default=timezone.now)

    objects = IncomeQuerySet.as_manager()

    audit_type = "income"

    class Meta:
        verbose_name = verbose_name_plural = "収入"
        ordering = ["since", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=IncomeKind.values), name="income_known_kind"),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=F("since")), name="income_period_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(payment_interval__gte=1), name="income_payment_interval_positive"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.monthly_amount:,}円"

    @property
    def audit_id(self):
        return self.public_id

    @property
    def office_id(self):
        return self.member.household.office_id

    @property
    def deductions(self) -> int:
        """What the pay slip takes off before the 基礎控除 (税・社会保険料・実費)."""
        return self.income_tax + self.resident_tax + self.social_insurance + self.commuting + self.other_expenses


class IncomeRuleSetting(models.Model):
    """An office's choices where the 実施要領 leaves the office to decide or the text is not confirmed
    here (decision 0017). Without a row the defaults of `income_rules` apply."""

    office = models.OneToOneField(Office, on_delete=models.CASCADE, related_name="income_rules", verbose_name="事務所")
    earnings_month = models.CharField(
        "就労収入を認定する月",
        max_length=12,
        choices=[("received", "受け取った月"), ("next", "受け取った月の翌月")],
        default="received",
    )
    averaging_months = models.PositiveSmallIntegerField(
        "変動する収入の平均に使う月数", default=3, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    pension_rounding = models.CharField(
        "年金の月額の端数", max_length=8, choices=[("floor", "1円未満切り捨て"), ("round", "四捨五入")], default="floor"
    )
    plausible_monthly_max = models.PositiveIntegerField("確認を求める月額の上限（円）", default=500_000)

    class Meta:
        verbose_name = verbose_name_plural = "収入認定の設定"


class StatusChange(models.Model):
    """Insert-only history of a household's status."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    effective_date = models.DateField("効力発生日")
    reason = models.TextField("理由")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-effective_date", "-id"]
        verbose_name = verbose_name_plural = "状態の履歴"


class CaseworkerAssignment(models.Model):
    """Who is (and was) the household's caseworker. At most one open assignment per household."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="assignments")
    caseworker = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="caseload_assignments")
    valid_from = models.DateField("担当開始日")
    valid_to = models.DateField("担当終了日", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True)

    class Meta:
        ordering = ["-valid_from", "-id"]
        verbose_name = verbose_name_plural = "担当CWの履歴"
        constraints = [
            models.UniqueConstraint(
                fields=["household"], condition=Q(valid_to__isnull=True), name="one_open_assignment"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="assignment_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["caseworker", "valid_to"]), models.Index(fields=["household", "valid_from"])]


class CircumstanceKind(models.TextChoices):
    """The changes of circumstances recorded as dated facts (issue 15 item 3, decision 0019)."""

    CARE_PREMIUM = "care_premium", "介護保険料（普通徴収の月額）"
    DISABILITY = "disability", "障害者手帳の等級"
    PREGNANCY = "pregnancy", "妊娠・出産"
    RENT = "rent", "家賃・間代"
    DEPARTURE = "departure", "世帯員の転出・死亡"
    HOSPITAL = "hospital", "入院"
    FACILITY = "facility", "介護施設入所"
    MOVE = "move", "転居"
    HOMEBOUND = "homebound", "常時在宅（冬季加算の特別基準）"
    SCHOOL = "school", "就学状況"


class PregnancyStage(models.TextChoices):
    UNDER_6_MONTHS = "under_6_months", "妊娠6か月未満"
    FROM_6_MONTHS = "from_6_months", "妊娠6か月以上"
    POSTPARTUM = "postpartum", "産後"


class SchoolingFact(models.TextChoices):
    """The school stage a 就学状況 fact records (the engine's stages; 「就学していない」 ends school
    assistance, e.g. a child of high-school age who does not attend)."""

    NONE = "none", "就学していない"
    PRESCHOOL = "preschool", "未就学"
    ELEMENTARY = "elementary", "小学校"
    JUNIOR_HIGH = "junior_high", "中学校"
    HIGH_SCHOOL = "high_school", "高等学校等"


class CircumstanceDocument(models.TextChoices):
    NONE = "", "未確認"
    CARE_PREMIUM_NOTICE = "care_premium_notice", "介護保険料納入通知書"
    DISABILITY_CERTIFICATE = "disability_certificate", "障害者手帳"
    MATERNITY = "maternity", "母子健康手帳・診断書"
    LEASE = "lease", "賃貸借契約書・家賃の領収書"
    RESIDENT_RECORD = "resident_record", "住民票・届出"
    HOSPITAL_NOTICE = "hospital_notice", "入院の連絡・医療要否意見書"
    FACILITY_NOTICE = "facility_notice", "施設の入所通知・契約書"
    DOCTOR = "doctor", "主治医の意見・診断書"
    SCHOOL = "school", "在学証明書・学校からの通知"
    LINKAGE = "linkage", "情報連携・他課のデータ"
    OTHER = "other", "その他"


class Circumstance(HouseholdRecord, InsertOnly):
    """A change of a household's circumstances as a dated fact: what holds from `effective_from`
    (to `effective_to`, when it ends). Insert-only: a correction is a new fact; among the facts of a
    kind (and member) whose period covers a day, the one effective latest — the last recorded on a
    tie — is the one in force (`hogo.decisions.facts.facts_in_force`)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="circumstances")
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, null=True, blank=True, related_name="circumstances", verbose_name="世帯員"
    )
    kind = models.CharField("変更の種類", max_length=20, choices=CircumstanceKind.choices)
    amount = models.PositiveIntegerField("月額（円）", null=True, blank=True)
    certificate = models.CharField("手帳の種類", max_length=20, choices=DisabilityKind.choices, blank=True)
    grade = models.CharField("等級", max_length=10, blank=True)
    pregnancy_stage = models.CharField("妊娠・出産の状況", max_length=20, choices=PregnancyStage.choices, blank=True)
    school_stage = models.CharField("就学状況", max_length=20, choices=SchoolingFact.choices, blank=True)
    # 転居: where the household lives from `effective_from` (the household's own fields stay as registered)
    new_postal_code = models.CharField("転居先の郵便番号", max_length=8, blank=True)
    new_address = models.CharField("転居先の住所", max_length=200, blank=True)
    new_prefecture = models.CharField("転居先の都道府県", max_length=10, blank=True)
    new_municipality = models.CharField("転居先の市区町村", max_length=40, blank=True)
    new_grade_area = models.CharField("転居先の級地", max_length=3, choices=GRADE_AREAS, blank=True)
    new_winter_region = models.CharField("転居先の冬季加算地区", max_length=3, choices=WINTER_REGIONS, blank=True)
    effective_from = models.DateField("適用開始日")
    effective_to = models.DateField("適用終了日", null=True, blank=True)
    source_document = models.CharField(
        "確認した書類", max_length=30, choices=CircumstanceDocument.choices, blank=True, default=""
    )
    note = models.TextField("備考・訂正の理由", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    recorded_at = models.DateTimeField("記録日時", default=timezone.now)

    audit_type = "circumstance"

    class Meta:
        verbose_name = verbose_name_plural = "世帯の状況の変化"
        ordering = ["effective_from", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=CircumstanceKind.values), name="circumstance_known_kind"),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gte=F("effective_from")),
                name="circumstance_period_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["household", "effective_from"])]

    def __str__(self):
        return f"{self.get_kind_display()} {wareki(self.effective_from)}"

    @property
    def value_text(self) -> str:
        """The recorded value in words (for pages and a decision's reasons)."""
        if self.kind in (CircumstanceKind.CARE_PREMIUM, CircumstanceKind.RENT):
            return f"月額 {self.amount:,}円"
        if self.kind == CircumstanceKind.FACILITY:
            stay = f"{wareki(self.effective_from)}入所"
            stay = f"{stay}・{wareki(self.effective_to)}退所" if self.effective_to else stay
            return f"{stay}（介護施設入所者基本生活費 月額 {self.amount:,}円）"
        if self.kind == CircumstanceKind.MOVE:
            return f"{self.new_address}（{self.get_new_grade_area_display()}・家賃 月額 {self.amount:,}円）"
        if self.kind == CircumstanceKind.HOMEBOUND:
            return "傷病・障害による療養のため常時在宅（冬季加算を特別基準で計上）"
        if self.kind == CircumstanceKind.SCHOOL:
            return self.get_school_stage_display()
        if self.kind == CircumstanceKind.DISABILITY:
            return f"{self.get_certificate_display()} {self.grade}".strip()
        if self.kind == CircumstanceKind.PREGNANCY:
            return self.get_pregnancy_stage_display()
        if self.kind == CircumstanceKind.HOSPITAL:
            stay = f"{wareki(self.effective_from)}入院"
            return f"{stay}・{wareki(self.effective_to)}退院" if self.effective_to else stay
        return "世帯を離れた"

    @property
    def takes_effect_on(self) -> date:
        """The day the fact first changes the computation: for 入院, the month rule's day."""
        if self.kind == CircumstanceKind.HOSPITAL:
            return circumstance_rules.inpatient_from(self.effective_from)
        return self.effective_from
