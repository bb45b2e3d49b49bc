from django import forms

from hogo.common.bounds import NOTE_MAX, RECORD_MAX
from hogo.common.forms import DATE_WIDGET, LabelledForm
from hogo.common.versions import VersionField

from . import matching
from .models import AgencyMember, Trigger

POINTS = [
    ("independence", "自立（経済的・日常生活・社会生活）に向けて望ましい支援体制を検討した（表22）"),
    ("quality", "支援の質の向上により自立が助長される見込みがある（表22）"),
    ("background", "表出している課題だけでなく、背景を分析した（表22）"),
    ("beyond_difficult", "福祉事務所が対応に困っているケース以外も検討対象とした（表22）"),
    ("specialist", "心身の重度化・ライフステージの節目など、専門的な支援が必要（表23）"),
    ("gap", "制度の狭間の課題がある（表23）"),
    ("no_way_in", "対応方針が見えない・支援のきっかけが掴めない（表23）"),
    ("refusal", "福祉事務所への不信・支援拒否、虐待の疑いなど単独では困難（表23）"),
]


class IssueForm(LabelledForm):
    code = forms.ChoiceField(
        label="課題（表24）", choices=[("", "（下の欄に入力）")] + matching.issues(), required=False
    )
    custom = forms.CharField(label="その他の課題", max_length=40, required=False, help_text="例: 多頭飼育")
    note = forms.CharField(label="内容", max_length=200, required=False)


class ConsentForm(LabelledForm):
    member = forms.ModelChoiceField(label="世帯員", queryset=None)
    agencies = forms.ModelMultipleChoiceField(
        label="共有してよい関係機関", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    all_conference_members = forms.BooleanField(label="会議の構成員すべて", required=False)
    information = forms.CharField(label="共有してよい情報", widget=forms.Textarea(attrs={"rows": 2}))
    given_on = forms.DateField(label="同意日", widget=DATE_WIDGET)
    how = forms.ChoiceField(label="取得方法", choices=[("written", "書面"), ("oral", "口頭（記録あり）")])

    def __init__(self, *args, members, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["agencies"].queryset = agencies


class AssessmentForm(LabelledForm):
    trigger = forms.ChoiceField(label="検討のきっかけ", choices=Trigger.choices)
    points = forms.MultipleChoiceField(
        label="検討の観点", choices=POINTS, widget=forms.CheckboxSelectMultiple, required=False
    )
    background = forms.CharField(label="表出している課題の背景", widget=forms.Textarea(attrs={"rows": 3}))
    purpose = forms.ChoiceField(
        label="連携の型",
        choices=[
            ("other_measures", "他法他施策などの活用を前に進めるための連携"),
            ("finding_a_way", "どのように支援していけばよいかを考えるための連携"),
        ],
    )
    hold = forms.TypedChoiceField(
        label="会議を開くか", coerce=lambda v: v == "yes", choices=[("yes", "会議を開く"), ("no", "開かない")]
    )
    reason = forms.CharField(label="判断の理由", widget=forms.Textarea(attrs={"rows": 2}))


class MeetingForm(LabelledForm):
    held_on = forms.DateField(label="開催日", widget=DATE_WIDGET)
    attended = forms.TypedMultipleChoiceField(
        label="出席した関係機関", choices=(), coerce=int, widget=forms.CheckboxSelectMultiple, required=False
    )
    minutes = forms.CharField(label="会議録", max_length=RECORD_MAX, widget=forms.Textarea(attrs={"rows": 6}))
    conclusions = forms.CharField(
        label="結論", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    version = VersionField()

    def __init__(self, *args, invitations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(str(i.agency_id), i.agency.name) for i in invitations]


class ChosenAssessmentForm(LabelledForm):
    """The need assessment a conference follows from (its id comes in the address after the assessment)."""

    assessment = forms.ModelChoiceField(
        label="会議を開くかの検討", queryset=None, required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessment"].queryset = household.need_assessments.all()


class ConferenceForm(ChosenAssessmentForm):
    """A conference: its purpose, and for each agency whether to invite it and why (表26・27).
    `candidates` are (agency, suggested, reason); the cleaned data gives the service `invitations`,
    [(agency, reason)] for the agencies ticked. The service asks for what is missing."""

    purpose = forms.CharField(label="会議の目的", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, household, candidates, **kwargs):
        super().__init__(*args, household=household, **kwargs)
        self.candidates = candidates
        for agency, _suggested, reason in candidates:
            self.fields[f"invite_{agency.pk}"] = forms.BooleanField(label=agency.name, required=False)
            self.fields[f"reason_{agency.pk}"] = forms.CharField(
                label=f"{agency.name}を招集する目的", required=False, initial=reason
            )
        self.name_fields_in_messages()

    def rows(self) -> list[dict]:
        return [
            {
                "agency": agency,
                "suggested": suggested,
                "checked": self[f"invite_{agency.pk}"].value(),
                "reason": self[f"reason_{agency.pk}"].value() or "",
            }
            for agency, suggested, _reason in self.candidates
        ]

    def clean(self):
        data = super().clean()
        return {
            "purpose": data.get("purpose", ""),
            "assessment": data.get("assessment"),
            "invitations": [
                (agency, data.get(f"reason_{agency.pk}", ""))
                for agency, _suggested, _reason in self.candidates
                if data.get(f"invite_{agency.pk}")
            ],
        }


class CandidateDateForm(LabelledForm):
    """A date and time proposed for the conference; the service refuses one in the past."""

    starts_at = forms.DateTimeField(
        label="候補日時",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        error_messages={"invalid": "候補日時は正しい日時で入力してください（例: 2026-04-01 14:00）。"},
    )


class AddMemberForm(LabelledForm):
    """A person of an agency of the office; the service checks the agency was invited."""

    member = forms.ModelChoiceField(label="担当者", queryset=None)

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = AgencyMember.objects.filter(agency__office=office)


class RemoveMemberForm(LabelledForm):
    membership = forms.ModelChoiceField(label="構成員", queryset=None)

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = conference.memberships.filter(left_on__isnull=True)


class MaterialsForm(LabelledForm):
    """The facts to put in the materials; none chosen is the service's refusal (必要最小限)."""

    facts = forms.MultipleChoiceField(label="資料に含める項目", choices=(), required=False)

    def __init__(self, *args, facts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facts"].choices = facts


class DateAnswersForm(LabelledForm):
    """A partner-agency member's answer to each candidate date; a date left unanswered stays so."""

    def __init__(self, *args, candidates, **kwargs):
        self.candidates = list(candidates)
        super().__init__(*args, **kwargs)
        for candidate in self.candidates:
            self.fields[f"date_{candidate.pk}"] = forms.ChoiceField(
                label=f"{candidate.starts_at:%Y-%m-%d %H:%M}",
                choices=[("yes", "参加できる"), ("no", "参加できない")],
                required=False,
                widget=forms.RadioSelect,
            )
        self.name_fields_in_messages()

    def clean(self):
        data = super().clean()
        return {
            "answers": [
                (candidate, data[f"date_{candidate.pk}"] == "yes")
                for candidate in self.candidates
                if data.get(f"date_{candidate.pk}")
            ]
        }


class PlanForm(LabelledForm):
    basic_info = forms.CharField(label="基本情報", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 4}))
    purpose = forms.CharField(label="支援の目的", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2}))
    issues = forms.CharField(label="解決すべき課題", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2}))
    period_from = forms.DateField(label="計画の期間（から）", widget=DATE_WIDGET)
    period_to = forms.DateField(label="計画の期間（まで）", widget=DATE_WIDGET)
    contingencies = forms.CharField(
        label="状況が変わったときの取り決め",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="例: 本人が受診に前向きになったら、CWが保健所の○○さんに連絡し、同行受診を依頼する",
    )
    meeting_dates = forms.CharField(label="会議の開催日", required=False)
    next_monitoring_on = forms.DateField(label="次回モニタリング予定日", widget=DATE_WIDGET)
    # The version this new one was written from (0: the first); a newer one made meanwhile is refused.
    based_on = forms.IntegerField(label="元にした版", min_value=0, required=False, widget=forms.HiddenInput)


class AssignmentRowForm(LabelledForm):
    agency = forms.ModelChoiceField(label="関係機関", queryset=None, required=False, empty_label="福祉事務所")
    person = forms.CharField(label="担当者", max_length=100, required=False)
    task = forms.CharField(label="実施すること", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    for_whom = forms.CharField(label="対象者", max_length=100, required=False)
    frequency = forms.CharField(label="頻度", max_length=60, required=False)
    valid_from = forms.DateField(label="開始日", widget=DATE_WIDGET, required=False)
    valid_to = forms.DateField(label="終了日", widget=DATE_WIDGET, required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def is_blank(self):
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return not any(data.get(k) for k in ("person", "task", "for_whom"))


class EvaluationForm(LabelledForm):
    evaluator = forms.CharField(label="評価担当者", max_length=100)
    evaluated_on = forms.DateField(label="記入日", widget=DATE_WIDGET)
    economic = forms.CharField(label="見られた変化（経済面）", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    daily_life = forms.CharField(
        label="見られた変化（日常生活面）", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    social_life = forms.CharField(
        label="見られた変化（社会生活面）", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    remaining = forms.CharField(label="今後解決すべき課題", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    plan_must_change = forms.BooleanField(label="計画の変更が必要", required=False)
