"""Partner agencies, household issues, consent, need assessments, case conferences (法第27条の3
調整会議) with pledges and materials, and versioned support plans (支援計画) with assignments and
evaluations. Pledges, consents, withdrawals, plans and evaluations are insert-only."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from hogo.common.models import HouseholdRecord, InsertOnly
from hogo.common.versions import Versioned
from hogo.households.models import Household, Member
from hogo.offices.models import Office

from . import matching


class Agency(models.Model):
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="agencies", verbose_name="福祉事務所")
    name = models.CharField("名称", max_length=120)
    kind = models.CharField("種別", max_length=40, choices=matching.kinds() + [("other", "その他")])
    area = models.CharField("担当地域", max_length=120, blank=True)
    contact = models.TextField("連絡先", blank=True)
    extra_issues = models.JSONField(
        "扱う課題（表24以外も）", default=list, blank=True, help_text='例: ["多頭飼育"]。表24の課題コードも書けます'
    )
    active = models.BooleanField("有効", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "関係機関"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def listed(self) -> matching.Listed:
        return matching.Listed(self.pk, self.name, self.kind, tuple(self.extra_issues or ()))


class AgencyMember(models.Model):
    """A partner-agency person's login. They see only conferences they belong to."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="agency_member", verbose_name="ログインID"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="members", verbose_name="関係機関")
    name = models.CharField("氏名", max_length=100)
    valid_from = models.DateField("開始日")
    valid_to = models.DateField("終了日", null=True, blank=True)
    # ポータルの利用開始コード: only its SHA-256 is kept and sent to the portal (issue 22); the code itself is
    # shown once to the office, which hands it to the member on paper
    portal_code_hash = models.CharField("ポータル利用開始コード（ハッシュ）", max_length=64, blank=True, editable=False)
    portal_code_issued_at = models.DateTimeField("利用開始コードの発行日時", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = "関係機関の担当者"

    def __str__(self):
        return f"{self.name}（{self.agency.name}）"


class HouseholdIssue(models.Model):
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="issues")
    code = models.CharField("課題", max_length=40, help_text="表24の課題コード、又は事務所の課題名（例: 多頭飼育）")
    note = models.CharField("内容", max_length=200, blank=True)
    noted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    noted_on = models.DateField("記録日")
    resolved_on = models.DateField("解消日", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "世帯の課題"
        constraints = [
            models.UniqueConstraint(
                fields=["household", "code"], condition=Q(resolved_on__isnull=True), name="one_open_issue_per_code"
            )
        ]

    @property
    def label(self):
        return matching.issue_label(self.code)


class Consent(InsertOnly):
    """A member's consent to share information with agencies (scope: which agencies, what
    information), how and when obtained. Withdrawn by a `ConsentWithdrawal`, at once."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="consents")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="consents")
    agencies = models.ManyToManyField(Agency, related_name="consents", blank=True)
    all_conference_members = models.BooleanField("会議の構成員すべて", default=False)
    information = models.TextField("共有してよい情報")
    given_on = models.DateField("同意日")
    how = models.CharField("取得方法", max_length=20, choices=[("written", "書面"), ("oral", "口頭（記録あり）")])
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "情報共有の同意"


class ConsentWithdrawal(InsertOnly):
    consent = models.OneToOneField(Consent, on_delete=models.PROTECT, related_name="withdrawal")
    withdrawn_on = models.DateField("撤回日")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "同意の撤回"


class Trigger(models.TextChoices):
    DECISION = "decision", "保護決定時"
    SV_ADVICE = "sv_advice", "査察指導員の助言"
    AGENCY_REQUEST = "agency_request", "関係機関からの依頼"
    CW_JUDGEMENT = "cw_judgement", "CWの判断"


class NeedAssessment(InsertOnly):
    """Should we hold a conference? The trigger, the points of 表22/表23, and the suggestions as
    they were shown."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="need_assessments")
    trigger = models.CharField("きっかけ", max_length=20, choices=Trigger.choices)
    points = models.JSONField("検討の観点", default=list)
    background = models.TextField("表出している課題の背景")
    purpose = models.CharField(
        "連携の型",
        max_length=20,
        choices=[
            ("other_measures", "他法他施策などの活用を前に進めるための連携"),
            ("finding_a_way", "どのように支援していけばよいかを考えるための連携"),
        ],
    )
    hold = models.BooleanField("会議を開く")
    reason = models.TextField("判断の理由")
    suggestions = models.JSONField("提案された関係機関", default=list)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_on = models.DateField("検討日")

    class Meta:
        verbose_name = verbose_name_plural = "会議開催の要否検討"
        ordering = ["-assessed_on", "-id"]


class Conference(HouseholdRecord, Versioned):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="conferences")
    assessment = models.ForeignKey(NeedAssessment, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    purpose = models.TextField("会議の目的")
    legal_basis = models.TextField(
        "開催の根拠", default="生活保護法第27条の3（調整会議）。構成員は同条第6項により守秘義務を負う。"
    )
    held_on = models.DateField("開催日", null=True, blank=True)
    minutes = models.TextField("会議録", blank=True)
    conclusions = models.TextField("結論", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    audit_type = "conference"

    class Meta:
        verbose_name = verbose_name_plural = "調整会議"
        ordering = ["-created_at"]


class Invitation(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.PROTECT, related_name="invitations")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="invitations")
    reason = models.TextField("招集する目的")
    attended = models.BooleanField("出席", null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conference", "agency"], name="one_invitation_per_agency")]


class CandidateDate(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.PROTECT, related_name="candidate_dates")
    starts_at = models.DateTimeField("候補日時")

    class Meta:
        ordering = ["starts_at"]


class DateAnswer(models.Model):
    candidate = models.ForeignKey(CandidateDate, on_delete=models.PROTECT, related_name="answers")
    member = models.ForeignKey(AgencyMember, on_delete=models.PROTECT, related_name="+")
    available = models.BooleanField("参加できる")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["candidate", "member"], name="one_answer_per_date_and_member")]


class ConferenceMember(models.Model):
    """Membership of an agency person in one conference; leaving ends their access."""

    conference = models.ForeignKey(Conference, on_delete=models.PROTECT, related_name="memberships")
    member = models.ForeignKey(AgencyMember, on_delete=models.PROTECT, related_name="memberships")
    joined_on = models.DateField("参加日")
    left_on = models.DateField("離脱日", null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "member"], condition=Q(left_on__isnull=True), name="one_open_membership"
            )
        ]


class Pledge(InsertOnly):
    """A member's signed confidentiality pledge (守秘義務, 法第27条の3第6項)."""

    conference = models.ForeignKey(Conference, on_delete=models.PROTECT, related_name="pledges")
    member = models.ForeignKey(AgencyMember, on_delete=models.PROTECT, related_name="pledges")
    text = models.TextField("誓約の文面")
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conference", "member"], name="one_pledge_per_member")]


class Material(InsertOnly):
    """Conference materials: only the facts the CW chose (minimum necessary), frozen as shared."""

    conference = models.ForeignKey(Conference, on_delete=models.PROTECT, related_name="materials")
    facts = models.JSONField("含めた項目", default=list)
    content = models.TextField("資料")
    consent_basis = models.TextField("共有の根拠")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)


class SupportPlan(HouseholdRecord, InsertOnly):
    """A version of a household's 支援計画 (表25). A change is a new version."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="support_plans")
    conference = models.ForeignKey(Conference, on_delete=models.PROTECT, null=True, blank=True, related_name="plans")
    version = models.PositiveSmallIntegerField("版")
    basic_info = models.TextField("基本情報")
    purpose = models.TextField("支援の目的")
    issues = models.TextField("解決すべき課題")
    period_from = models.DateField("計画の期間（から）")
    period_to = models.DateField("計画の期間（まで）")
    contingencies = models.TextField("状況が変わったときの取り決め", blank=True)
    meeting_dates = models.TextField("会議の開催日", blank=True)
    next_monitoring_on = models.DateField("次回モニタリング予定日")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    audit_type = "support_plan"

    class Meta:
        verbose_name = verbose_name_plural = "支援計画"
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["household", "version"], name="support_plan_version_unique"),
            models.CheckConstraint(condition=Q(period_to__gte=F("period_from")), name="support_plan_period_ordered"),
        ]


class Assignment(models.Model):
    """Who does what in a plan version. Kept with its dates, so history stays after a case closes."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.PROTECT, related_name="assignments")
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        help_text="空欄は福祉事務所",
    )
    person = models.CharField("担当者", max_length=100)
    task = models.TextField("実施すること")
    for_whom = models.CharField("対象者", max_length=100)
    frequency = models.CharField("頻度", max_length=60, blank=True)
    valid_from = models.DateField("開始日")
    valid_to = models.DateField("終了日")

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(valid_to__gte=F("valid_from")), name="assignment_period_ordered"),
            models.CheckConstraint(condition=~Q(person=""), name="assignment_has_owner"),
        ]


class Evaluation(InsertOnly):
    plan = models.ForeignKey(SupportPlan, on_delete=models.PROTECT, related_name="evaluations")
    evaluator = models.CharField("評価担当者", max_length=100)
    evaluated_on = models.DateField("記入日")
    economic = models.TextField("見られた変化（経済面）", blank=True)
    daily_life = models.TextField("見られた変化（日常生活面）", blank=True)
    social_life = models.TextField("見られた変化（社会生活面）", blank=True)
    remaining = models.TextField("今後解決すべき課題", blank=True)
    plan_must_change = models.BooleanField("計画変更の必要性")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
