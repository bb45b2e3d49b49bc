from django import forms

from hogo.common.forms import DATE_WIDGET, LabelledForm
from hogo.common.wareki import wareki

from .models import Channel, DeclarationKind, Outcome, Source


class DeclarationKindForm(LabelledForm):
    """The kind of declaration to receive, from the link that opens the form (?kind=…); none is unchosen."""

    kind = forms.ChoiceField(label="種類", choices=DeclarationKind.choices, required=False)


class DeclarationForm(LabelledForm):
    kind = forms.ChoiceField(label="種類", choices=DeclarationKind.choices)
    received_on = forms.DateField(label="受付日", widget=DATE_WIDGET)
    channel = forms.ChoiceField(label="受付方法", choices=Channel.choices)
    period_label = forms.CharField(label="対象期間", max_length=40, required=False, help_text="例: 令和8年10月分")
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


WORK_PAGE_SIZE = 20
TEAM_PAGE_SIZE = 20
URGENCIES = [("", "すべて"), ("overdue", "期限切れ"), ("due", "期限間近"), ("upcoming", "予定")]
WORK_KINDS = [("", "すべて"), *Source.choices]


class WorkListForm(LabelledForm):
    """How the 「今日の仕事」 list is filtered and paged (?work_urgency=…&work_kind=…&work_household=…
    &work_page=…), beside the household list's own parameters on the same page."""

    work_urgency = forms.ChoiceField(label="緊急度", choices=URGENCIES, required=False)
    work_kind = forms.ChoiceField(label="種類", choices=WORK_KINDS, required=False)
    work_household = forms.CharField(
        label="世帯",
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "ケース番号・氏名", "size": 14}),
    )
    work_page = forms.IntegerField(label="今日の仕事のページ", min_value=1, max_value=10_000, required=False)

    def clean_work_household(self) -> str:
        return self.cleaned_data["work_household"].strip()


class TeamOverdueForm(LabelledForm):
    """How the SV's 「期限切れの確認事項」 list is filtered and paged (?cw=…&kind=…&page=…)."""

    cw = forms.TypedChoiceField(label="ケースワーカー", coerce=int, empty_value=None, required=False)
    kind = forms.ChoiceField(label="種類", choices=WORK_KINDS, required=False)
    page = forms.IntegerField(label="ページ", min_value=1, max_value=10_000, required=False)

    def __init__(self, *args, caseworkers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cw"].choices = [("", "すべて"), *((cw.pk, cw.name) for cw in caseworkers)]
