"""The income form: it parses every field (amounts as YenField, months as YYYY-MM); the service
checks the rules and its messages go back onto the named fields."""

from django import forms

from hogo.common.forms import DATE_WIDGET, LabelledForm, YenField

from .income_services import PAY_SLIP_FIELDS, rules_of
from .models import Income, IncomeKind, SourceDocument

MONTH_WIDGET = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
INTERVALS = [
    (1, "毎月"),
    (2, "2か月ごと（年金）"),
    (3, "3か月ごと"),
    (4, "4か月ごと（児童手当など）"),
    (6, "半年ごと"),
    (12, "年1回"),
]
DETAIL_SUGGESTIONS = (
    "給与",
    "賞与",
    "老齢基礎年金",
    "老齢厚生年金",
    "障害基礎年金",
    "障害厚生年金",
    "遺族基礎年金",
    "遺族厚生年金",
    "児童手当",
    "児童扶養手当",
    "特別児童扶養手当",
    "特別障害者手当",
    "家賃収入",
    "利子・配当",
)


class MonthField(forms.DateField):
    """A month typed as YYYY-MM (the month picker) or as a date; the first day of that month."""

    input_formats = ["%Y-%m", "%Y-%m-%d", "%Y/%m"]

    def __init__(self, **kwargs):
        super().__init__(widget=MONTH_WIDGET, **kwargs)

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class IncomeForm(LabelledForm):
    member = forms.ChoiceField(label="世帯員")
    kind = forms.ChoiceField(label="収入の種類", choices=IncomeKind.choices)
    detail = forms.CharField(
        label="内訳", max_length=40, required=False, help_text="例: 給与、賞与、老齢基礎年金、児童扶養手当"
    )
    payer = forms.CharField(label="支払者・勤務先", max_length=100, required=False)
    source_document = forms.ChoiceField(label="確認した書類", choices=SourceDocument.choices, required=False)
    received_on = forms.DateField(
        label="受け取った日（支給日）",
        widget=DATE_WIDGET,
        required=False,
        help_text="認定開始月を空けると、事務所の設定に従いこの日から認定月を決めます",
    )
    since = MonthField(label="認定開始月", required=False)
    until = MonthField(label="認定終了月", required=False, help_text="続く収入は空けてください")
    monthly_amount = YenField(label="月額（総支給額）", min_value=0, required=False)
    payment_amount = YenField(
        label="1回の支給額", min_value=0, required=False, help_text="年金など何か月分かまとめて支給されるとき"
    )
    payment_interval = forms.TypedChoiceField(label="支給の間隔", choices=INTERVALS, coerce=int, initial=1)
    income_tax = YenField(label="所得税", min_value=0, required=False)
    resident_tax = YenField(label="住民税", min_value=0, required=False)
    social_insurance = YenField(label="社会保険料", min_value=0, required=False)
    commuting = YenField(label="通勤費（実費）", min_value=0, required=False)
    other_expenses = YenField(label="その他の必要経費", min_value=0, required=False)
    new_job = forms.BooleanField(label="新規就労（就労して6か月以内）", required=False)
    note = forms.CharField(label="備考・訂正の理由", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    confirm_large = forms.BooleanField(label="高額ですが、この金額で正しい", required=False)

    GROUPS = (
        ("誰の、どの収入か", ("member", "kind", "detail", "payer", "source_document")),
        ("いつの収入か", ("received_on", "since", "until")),
        ("金額", ("monthly_amount", "payment_amount", "payment_interval")),
        ("変動する就労収入（平均する場合）", ()),
        ("給与明細の控除（就労収入のみ）", (*PAY_SLIP_FIELDS, "new_job")),
        ("確認", ("note", "confirm_large")),
    )

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.averaging_months = rules_of(household.office).averaging_months
        self.recent_names = [f"recent_{i}" for i in range(self.averaging_months)]
        for i, name in enumerate(self.recent_names):
            before = self.averaging_months - i
            self.fields[name] = YenField(label=f"{before}か月前の総支給額", min_value=0, required=False)
        if self.recent_names:
            self.fields[self.recent_names[-1]].help_text = (
                f"月によって変わる給与は、直近{self.averaging_months}か月の総支給額を入れると平均して月額にします"
                "（そのときは「月額」を空けてください）"
            )
        self.name_fields_in_messages()
        self.members = {str(m.public_id): m for m in household.members.filter(left_on__isnull=True).order_by("pk")}
        self.fields["member"].choices = [(key, m.name) for key, m in self.members.items()]
        for name in ("monthly_amount", "payment_amount", *PAY_SLIP_FIELDS, *self.recent_names):
            # Text, not a number input: people type 50,000円 or full-width digits, and YenField reads them.
            self.fields[name].widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
        self.fields["detail"].widget.attrs["list"] = "income-details"

    def clean_member(self):
        return self.members[self.cleaned_data["member"]]

    def clean(self):
        data = super().clean()
        data["recent_amounts"] = tuple(data[n] for n in self.recent_names if data.get(n) is not None)
        return data

    def groups(self):
        groups = []
        for title, names in self.GROUPS:
            names = names or self.recent_names
            groups.append((title, [self[name] for name in names]))
        return groups

    @classmethod
    def initial_from(cls, income: Income) -> dict:
        """The form's values for a correction of `income`."""
        values = {name: getattr(income, name) for name in cls.base_fields if hasattr(income, name)}
        values["member"] = str(income.member.public_id)
        values["note"] = ""
        values["confirm_large"] = False
        return values
