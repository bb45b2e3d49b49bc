from django import forms

from hogo.common.forms import DATE_WIDGET, LabelledForm

from .models import Interval


class PlanForm(LabelledForm):
    active = forms.TypedChoiceField(
        label="近況報告",
        choices=[("1", "実施する"), ("0", "やめる")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    interval_months = forms.TypedChoiceField(label="間隔", choices=Interval.choices, coerce=int)
    starts_on = forms.DateField(label="最初の報告日", widget=DATE_WIDGET)
    reason = forms.CharField(label="対象とする理由", max_length=200, required=False, help_text="例: 高齢単身で安定")
