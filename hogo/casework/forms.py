from django import forms

from hogo.households.forms import DATE_WIDGET, LabelledForm
from hogo.households.models import VisitGrade

from .models import PhotoPurpose, RecordKind
from .records_text import CHECKLIST

RESULTS = [("", "未確認"), ("same", "変化なし"), ("changed", "変化あり"), ("not_applicable", "該当なし")]


class GradeForm(LabelledForm):
    chosen = forms.ChoiceField(label="格付け", choices=VisitGrade.choices, required=False)
    override_reason = forms.CharField(
        label="推奨と異なる理由", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class VisitPlanForm(LabelledForm):
    planned_on = forms.DateField(label="予定日", widget=DATE_WIDGET)
    slot = forms.CharField(label="時間帯", max_length=20, required=False, help_text="例: 10:00〜10:30")
    purpose = forms.CharField(label="目的", max_length=200, required=False)


class VisitRecordForm(LabelledForm):
    """The checklist filled in during or after a visit, and up to three photos."""

    done_on = forms.DateField(label="訪問日", widget=DATE_WIDGET)
    met = forms.CharField(label="面接者", max_length=100, help_text="例: 世帯主 本人")
    policy = forms.CharField(label="今後の方針", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    photo_purpose = forms.ChoiceField(label="写真の目的", choices=PhotoPurpose.choices, required=False)
    photo = forms.FileField(
        label="写真（JPEG・PNG・HEIC）",
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/heic,image/heif", "capture": "environment"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in CHECKLIST:
            self.fields[f"{key}_result"] = forms.ChoiceField(
                label=label, choices=RESULTS, required=False, widget=forms.RadioSelect
            )
            self.fields[f"{key}_note"] = forms.CharField(
                label=f"{label}（内容）", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
        self.name_fields_in_messages()

    def checklist_rows(self):
        return [(label, self[f"{key}_result"], self[f"{key}_note"]) for key, label in CHECKLIST]


class RecordForm(LabelledForm):
    kind = forms.ChoiceField(label="種類", choices=RecordKind.choices)
    occurred_on = forms.DateField(label="日付", widget=DATE_WIDGET)
    body = forms.CharField(label="記録", widget=forms.Textarea(attrs={"rows": 10}))


class RecordEditForm(LabelledForm):
    body = forms.CharField(label="記録", widget=forms.Textarea(attrs={"rows": 14}))


class AddendumForm(LabelledForm):
    body = forms.CharField(label="追記", widget=forms.Textarea(attrs={"rows": 3}))


class RecordSearchForm(forms.Form):
    q = forms.CharField(label="ことば", max_length=200, required=False)
    kind = forms.ChoiceField(label="種類", choices=[("", "すべて")] + list(RecordKind.choices), required=False)
    date_from = forms.DateField(label="から", widget=DATE_WIDGET, required=False)
    date_to = forms.DateField(label="まで", widget=DATE_WIDGET, required=False)
