from django import forms

from hogo.common.bounds import NOTE_MAX
from hogo.common.forms import DATE_WIDGET, LabelledForm
from hogo.common.versions import VersionField
from hogo.common.wareki import wareki, wareki_text

from .models import DOCUMENTS, ConsultationOutcome, DecisionKind, ItemStatus, SupportInquiryExemption


class ConsultationForm(LabelledForm):
    held_on = forms.DateField(label="相談日", widget=DATE_WIDGET)
    visitor_name = forms.CharField(label="来所者", max_length=100)
    visitor_relation = forms.CharField(label="世帯との関係", max_length=50, initial="本人")
    said = forms.CharField(label="相談内容（主訴）", widget=forms.Textarea(attrs={"rows": 4}))
    explained = forms.CharField(
        label="説明した内容",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="制度の説明、他法他施策、必要な書類など",
    )
    right_explained = forms.BooleanField(
        label="保護の申請が権利であること、申請の意思があればいつでも申請できることを説明した", required=False
    )
    outcome = forms.ChoiceField(label="結果", choices=ConsultationOutcome.choices)
    referred_to = forms.CharField(label="つないだ先", max_length=100, required=False)


class ApplicationForm(LabelledForm):
    received_on = forms.DateField(label="申請日", widget=DATE_WIDGET)
    applicant_name = forms.CharField(label="申請者", max_length=100)
    applicant_relation = forms.CharField(label="要保護者との関係", max_length=50, initial="本人")
    reason = forms.CharField(label="保護を受けようとする理由", widget=forms.Textarea(attrs={"rows": 3}))
    documents = forms.MultipleChoiceField(
        label="受理した書類", choices=DOCUMENTS, required=False, widget=forms.CheckboxSelectMultiple
    )


class ExtensionForm(LabelledForm):
    days = forms.IntegerField(label="延長後の日数", min_value=15, max_value=30)
    reason = forms.CharField(label="延長の理由（通知書に明示します）", widget=forms.Textarea(attrs={"rows": 2}))


class ChecklistItemForm(LabelledForm):
    status = forms.ChoiceField(label="状況", choices=ItemStatus.choices)
    done_on = forms.DateField(label="実施日", widget=DATE_WIDGET, required=False)
    exemption = forms.ChoiceField(
        label="扶養照会を行わない理由", choices=SupportInquiryExemption.choices, required=False
    )
    note = forms.CharField(label="メモ", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2}), required=False)
    version = VersionField()


class DecisionKindQuery(LabelledForm):
    """`?kind=` on the drafting page: which kind of decision to start from."""

    kind = forms.ChoiceField(label="決定の種類", choices=DecisionKind.choices, required=False)


class NeedTestForm(LabelledForm):
    as_of = forms.DateField(label="判定の基準日（月）", widget=DATE_WIDGET)


class DecisionForm(LabelledForm):
    kind = forms.ChoiceField(label="決定の種類", choices=DecisionKind.choices)
    effective_from = forms.DateField(label="効力発生日", widget=DATE_WIDGET)
    application = forms.ModelChoiceField(
        label="申請", queryset=None, required=False, empty_label="（なし）", to_field_name="public_id"
    )
    need_test = forms.ModelChoiceField(
        label="要否判定", queryset=None, required=False, empty_label="（なし）", to_field_name="public_id"
    )
    reasons = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 4}))
    late_reason = forms.CharField(
        label="14日を超えた理由（期限を過ぎた場合）", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    retroactive_reason = forms.CharField(
        label="遡及の理由（さかのぼる場合）", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = household.applications.all()
        self.fields["application"].label_from_instance = lambda a: f"{wareki(a.received_on)} 申請（{a.applicant_name}）"
        self.fields["need_test"].queryset = household.need_tests.all()
        self.fields["need_test"].label_from_instance = lambda t: (
            f"{wareki(t.as_of)} 判定: {'要' if t.need else '否'}・"
            f"扶助額 {t.benefit:,}円（基準 {wareki_text(t.standards_version)}）"
        )


class ChangeDraftForm(LabelledForm):
    """The button 「この内容で変更決定を起案」: the day the change takes effect, and the page to return
    to when nothing is drafted (a path on this site only)."""

    effective_from = forms.DateField(label="効力発生日", widget=forms.HiddenInput)
    back = forms.CharField(label="戻り先", max_length=200, required=False, widget=forms.HiddenInput)

    def clean_back(self):
        back = self.cleaned_data["back"]
        if back and (not back.startswith("/") or back.startswith("//") or "\\" in back):
            raise forms.ValidationError("戻り先はこのサイトのページにしてください。")
        return back
