from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet, formset_factory
from django.utils import timezone

from hogo.common.bounds import NOTE_MAX
from hogo.common.forms import DATE_WIDGET, YEN_MAX, LabelledForm, YenField, yen_from_text
from hogo.common.versions import VersionField
from hogo.households.income_forms import MonthField

from . import rules
from .models import Cause

# Amounts are typed as people write them (50,000円), so the input is text with a numeric keypad.
YEN_INPUT = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})


def yen_in_row(text: str) -> int:
    """An amount in a row of a list, as people write it (50,000円): ValueError unless whole yen;
    refused above YEN_MAX — a larger number would overflow the database's integer."""
    amount = yen_from_text(text)
    if amount > YEN_MAX:
        raise ValidationError(f"金額は{YEN_MAX:,}円以下で入力してください（{text[:30]}）。")
    return amount


class RowYenField(YenField):
    """An amount in a row of a list, as people write it (50,000円), refused above YEN_MAX by `yen_in_row`."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return yen_in_row(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class RowForm(LabelledForm):
    """One row of a list of rows. A row left empty is ignored; a row with anything typed needs every
    field in `needed`. Fields are optional on their own so that empty rows pass."""

    needed: tuple[str, ...] = ()

    def is_blank(self) -> bool:
        return not any(str(self.data.get(self.add_prefix(name), "")).strip() for name in self.fields)

    def clean(self):
        data = super().clean()
        if not self.is_blank():
            for name in self.needed:
                if name not in self.errors and data.get(name) in (None, ""):
                    self.add_error(name, self.fields[name].error_messages["required"])
        return data


class Rows(BaseFormSet):
    """A list of row forms: empty rows are ignored; each error is said with its row and field
    (「2行目の金額は数字で入力してください。」)."""

    default_error_messages = {
        "missing_management_form": "行の数が送られていません。画面を開き直してから入力してください。",
        "too_many_forms": "行は%(num)d行までです。",
        "too_few_forms": "行を%(num)d行以上入力してください。",
    }

    def filled(self) -> list:
        return [form for form in self.forms if form.is_bound and not form.is_blank()]

    def values(self) -> list[dict]:
        return [form.cleaned_data for form in self.filled()]

    def messages(self) -> list[str]:
        said = list(self.non_form_errors())
        for number, form in enumerate(self.forms, start=1):
            if not form.is_bound or form.is_blank():
                continue
            for name, errors in form.errors.items():
                label = form.fields[name].label if name in form.fields else ""
                for error in errors:
                    if label and error.startswith(label):
                        said.append(f"{number}行目の{error}")
                    else:
                        said.append(f"{number}行目の{label}: {error}" if label else f"{number}行目: {error}")
        return said


def rows_of(formset_class, data, prefix: str, initial: list[dict] | None = None, *, adding: str | None = None):
    """The formset of a list of rows. `adding` (the 「行を追加」 button, naming the list that grows): the
    rows as posted, unchecked, with one more empty row in that list."""
    if adding is None:
        return formset_class(data, prefix=prefix, initial=initial)
    kept = [
        {name: data.get(f"{prefix}-{i}-{name}", "") for name in formset_class.form.base_fields}
        for i in range(_count(data.get(f"{prefix}-TOTAL_FORMS")))
    ]
    grown = formset_factory(
        formset_class.form, formset=Rows, extra=1 if adding == prefix else 0, max_num=formset_class.max_num
    )
    return grown(prefix=prefix, initial=kept)


def _count(text) -> int:
    try:
        return max(0, min(int(text), rules.LINES_MAX))
    except (TypeError, ValueError):
        return 0


ASSISTANCE_CHOICES = [("", "選んでください"), *rules.ASSISTANCE_CODES.items()]


class DeterminationLineForm(RowForm):
    """One month of one kind of assistance paid in excess."""

    needed = ("month", "assistance", "amount")
    month = MonthField(label="月", required=False)
    assistance = forms.ChoiceField(label="扶助", choices=ASSISTANCE_CHOICES, required=False)
    amount = RowYenField(label="金額", required=False, widget=YEN_INPUT)

    def clean(self):
        data = super().clean()
        if not self.errors and not self.is_blank():
            line = rules.Overpayment(data["month"], data["assistance"], data["amount"])
            try:
                rules.check_line(line, timezone.localdate().replace(day=1))
            except rules.RuleError as exc:
                self.add_error(None, str(exc))
        return data


class DeductionForm(RowForm):
    """A deduction from the 法第63条 amount, with its reason (自立更生のための費用など)."""

    needed = ("amount", "reason")
    amount = RowYenField(label="控除額", required=False, widget=YEN_INPUT)
    reason = forms.CharField(label="控除の理由", max_length=rules.DEDUCTION_REASON_MAX, required=False)


# Three empty rows beyond what is filled in: enough for most determinations without a click.
LineRows = formset_factory(DeterminationLineForm, formset=Rows, extra=3, max_num=rules.LINES_MAX, validate_max=True)
DeductionRows = formset_factory(DeductionForm, formset=Rows, extra=1, max_num=50, validate_max=True)


class DeterminationForm(LabelledForm):
    """The determination, with its lines (月・扶助・金額) and deductions as lists of rows."""

    cause = forms.ChoiceField(label="発生の原因", choices=Cause.choices)
    means_existed = forms.CharField(
        label="資力があった事実（法第63条）",
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    dishonest_from = forms.DateField(
        label="不正な手段が始まった日（法第78条）",
        widget=DATE_WIDGET,
        required=False,
        help_text="この日の属する月から後が法第78条、前は法第63条になります。空欄はすべて法第63条。",
    )
    dishonest_facts = forms.CharField(
        label="不実の申請その他不正な手段の事実（法第78条）",
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    surcharge_percent = forms.IntegerField(
        label="加算金の割合（％、法第78条のみ）", min_value=0, max_value=40, initial=0
    )
    due_on = forms.DateField(label="納期限", widget=DATE_WIDGET)

    def __init__(self, data=None, *, initial=None, lines=None, adding: str | None = None):
        posted = data
        if adding:  # the form as typed, unchecked, with one more row
            initial, data = {name: posted.get(name, "") for name in self.base_fields}, None
        super().__init__(data, initial=initial)
        self.lines = rows_of(LineRows, posted, "lines", lines, adding=adding)
        self.deductions = rows_of(DeductionRows, posted, "deductions", adding=adding)

    def clean(self):
        data = super().clean()
        for rows in (self.lines, self.deductions):
            for message in rows.messages():
                self.add_error(None, message)
        if self.lines.is_valid() and self.deductions.is_valid():
            data["lines"] = [
                {"month": row["month"].isoformat()[:7], "assistance": row["assistance"], "amount": row["amount"]}
                for row in self.lines.values()
            ]
            data["deductions"] = [
                {"amount": row["amount"], "reason": row["reason"]} for row in self.deductions.values()
            ]
        return data


class PaymentForm(LabelledForm):
    amount = YenField(label="入金額（円）", widget=YEN_INPUT)
    on = forms.DateField(label="入金日", widget=DATE_WIDGET)
    channel = forms.ChoiceField(
        label="入金の方法", choices=[("bank", "口座振込"), ("counter", "窓口"), ("convenience", "コンビニ")]
    )
    note = forms.CharField(label="摘要", max_length=200, required=False)


class InstalmentForm(RowForm):
    """One instalment of a plan: its due date and amount."""

    needed = ("due_on", "amount")
    due_on = forms.DateField(label="納期限", widget=DATE_WIDGET, required=False)
    amount = RowYenField(label="金額", required=False, widget=YEN_INPUT)


# Six empty rows: a half-year plan without a click; 「行を追加」 for more (a plan of 5 years is 60 rows).
InstalmentRows = formset_factory(InstalmentForm, formset=Rows, extra=6, max_num=rules.LINES_MAX, validate_max=True)


class PlanForm(LabelledForm):
    """分納の計画: a list of rows (納期限・金額); the total must equal the balance (the service checks)."""

    plan_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0, label="計画の版")

    def __init__(self, data=None, *, adding: str | None = None, plan_version: int | None = None):
        super().__init__(None if adding else data, initial={"plan_version": plan_version})
        self.instalments = rows_of(InstalmentRows, data, "instalments", adding=adding)
        if adding and data is not None:
            self.initial["plan_version"] = data.get("plan_version")

    def clean(self):
        data = super().clean()
        for message in self.instalments.messages():
            self.add_error(None, message)
        if self.instalments.is_valid():
            data["instalments"] = [(row["due_on"], row["amount"]) for row in self.instalments.values()]
        return data


class OffsetForm(LabelledForm):
    """法第78条の2: this month's amount taken from the benefit."""

    amount = YenField(label="今月の徴収額", widget=YEN_INPUT)


class ContactForm(LabelledForm):
    """The debtor's phone number for dunning by SMS; the service checks its format (empty clears it)."""

    phone = forms.CharField(label="電話番号（督促のSMS用）", max_length=20, required=False)
    version = VersionField()


class WriteOffForm(LabelledForm):
    """不納欠損; the service asks for the reason (時効の完成など) when it is empty."""

    reason = forms.CharField(label="不納欠損の理由", max_length=200, required=False)


# A delivery-results file has one short line per message sent; far below this (decision 0023).
MAX_RESULTS_BYTES = 5 * 1024 * 1024


class DeliveryResultsForm(LabelledForm):
    results = forms.FileField(label="配信結果（CSV: reference,status）")

    def clean_results(self):
        results = self.cleaned_data["results"]
        if results.size > MAX_RESULTS_BYTES:
            raise ValidationError(f"配信結果のファイルが大きすぎます。{MAX_RESULTS_BYTES // 1024 // 1024}MBまでです。")
        return results


class DunningForm(LabelledForm):
    min_days = forms.IntegerField(label="納期限からの日数（以上）", min_value=0, initial=30)
    min_amount = forms.IntegerField(label="未納額（円以上）", min_value=0, initial=1000)
    kinds = forms.MultipleChoiceField(
        label="種類",
        choices=[("63", "法第63条"), ("78", "法第78条")],
        initial=["63", "78"],
        widget=forms.CheckboxSelectMultiple,
    )
