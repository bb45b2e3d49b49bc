from django import forms

from hogo.common.forms import DATE_WIDGET, LabelledForm
from hogo.common.wareki import wareki

from .models import Channel, DeclarationKind, Outcome


class DeclarationKindForm(LabelledForm):
    """The kind of declaration to receive, from the link that opens the form (?kind=…); none is unchosen."""

    kind = forms.ChoiceField(label="種類", choices=DeclarationKind.choices, required=False)


class DeclarationForm(LabelledForm):
    kind = forms.ChoiceField(label="種類", choices=DeclarationKind.choices)
    received_on = forms.DateField(label="受付日", widget=DATE_WIDGET)
    channel = forms.ChoiceField(label="受付方法", choices=Channel.choices)
    period_label = forms.CharField(label="対象期間", max_length=40, required=False, help_text="例: 2026年10月分")
    note = forms.CharField(
        label="内容の要点",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="例: 10月分給与 82,000円（明細あり）",
    )


class RecognitionForm(LabelledForm):
    outcome = forms.ChoiceField(label="認定の結果", choices=Outcome.choices, widget=forms.RadioSelect)
    decision = forms.ModelChoiceField(
        label="反映した決定",
        queryset=None,
        required=False,
        help_text="「決定に反映」のとき選びます。起案中の決定も選べます。",
    )
    recognised_on = forms.DateField(label="認定日", widget=DATE_WIDGET)
    reason = forms.CharField(
        label="理由",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="「変更なし」のときは必須です（例: 申告額が認定中の額と同じ）。",
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions
        self.fields["decision"].label_from_instance = lambda d: (
            f"{d.get_kind_display()}（効力発生日 {wareki(d.effective_from)}・{d.get_status_display()}）"
        )


class SnoozeForm(LabelledForm):
    until = forms.DateField(label="保留期限", widget=DATE_WIDGET)
    reason = forms.CharField(label="保留の理由", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class CompleteForm(LabelledForm):
    done_on = forms.DateField(label="実施日", widget=DATE_WIDGET)
    note = forms.CharField(label="実施した内容", widget=forms.Textarea(attrs={"rows": 2}), required=False)
