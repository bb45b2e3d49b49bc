from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from hogo.common.bounds import NOTE_MAX, RECORD_MAX
from hogo.common.forms import DATE_WIDGET, YEN_MAX, LabelledForm, YenField, yen_from_text

from .models import Cause


def parse_rows(text: str, field: str, columns: int) -> list[list[str]]:
    rows = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) < columns:
            raise ValidationError(f"{number}行目: 項目が足りません（{line}）。")
        rows.append(parts[: columns - 1] + [" ".join(parts[columns - 1 :])])
    return rows


def yen_in_row(text: str) -> int:
    """An amount in a row of a textarea, as people write it (50,000円): ValueError unless whole yen;
    refused above YEN_MAX — a larger number would overflow the database's integer."""
    amount = yen_from_text(text)
    if amount > YEN_MAX:
        raise ValidationError(f"金額は{YEN_MAX:,}円以下で入力してください（{text[:30]}）。")
    return amount


class DeterminationForm(LabelledForm):
    lines = forms.CharField(
        label="対象の月・扶助・金額",
        max_length=RECORD_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=(
            "1行に1件: 2026-04 living 35000（扶助: living 生活 / housing 住宅 / education 教育 / medical 医療 …）"
        ),
    )
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
    deductions = forms.CharField(
        label="控除（法第63条）",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="1行に1件: 20000 就職のための被服費（自立更生）",
    )
    surcharge_percent = forms.IntegerField(
        label="加算金の割合（％、法第78条のみ）", min_value=0, max_value=40, initial=0
    )
    due_on = forms.DateField(label="納期限", widget=DATE_WIDGET)

    def clean_lines(self):
        rows = parse_rows(self.cleaned_data["lines"], "lines", 3)
        try:
            return [{"month": m, "assistance": a, "amount": yen_in_row(n)} for m, a, n in rows]
        except ValueError:
            raise ValidationError("金額は数字で入力してください。") from None

    def clean_deductions(self):
        try:
            return [
                {"amount": yen_in_row(a), "reason": r}
                for a, r in parse_rows(self.cleaned_data["deductions"], "deductions", 2)
            ]
        except ValueError:
            raise ValidationError("控除の金額は数字で入力してください。") from None


# Amounts are typed as people write them (50,000円), so the input is text with a numeric keypad.
YEN_INPUT = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})


class PaymentForm(LabelledForm):
    amount = YenField(label="入金額（円）", widget=YEN_INPUT)
    on = forms.DateField(label="入金日", widget=DATE_WIDGET)
    channel = forms.ChoiceField(
        label="入金の方法", choices=[("bank", "口座振込"), ("counter", "窓口"), ("convenience", "コンビニ")]
    )
    note = forms.CharField(label="摘要", max_length=200, required=False)


class PlanForm(LabelledForm):
    instalments = forms.CharField(
        label="分納の計画",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="1行に1回: 2026-12-25 10000（合計が残高と一致すること）",
    )

    def clean_instalments(self):
        rows = parse_rows(self.cleaned_data["instalments"], "instalments", 2)
        try:
            return [(date.fromisoformat(d), yen_in_row(a)) for d, a in rows]
        except ValueError:
            raise ValidationError("日付は YYYY-MM-DD、金額は数字で入力してください。") from None


class OffsetForm(LabelledForm):
    """法第78条の2: this month's amount taken from the benefit."""

    amount = YenField(label="今月の徴収額", widget=YEN_INPUT)


class ContactForm(LabelledForm):
    """The debtor's phone number for dunning by SMS; the service checks its format (empty clears it)."""

    phone = forms.CharField(label="電話番号（督促のSMS用）", max_length=20, required=False)


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


class DunningForm(forms.Form):
    min_days = forms.IntegerField(label="納期限からの日数（以上）", min_value=0, initial=30)
    min_amount = forms.IntegerField(label="未納額（円以上）", min_value=0, initial=1000)
    kinds = forms.MultipleChoiceField(
        label="種類",
        choices=[("63", "法第63条"), ("78", "法第78条")],
        initial=["63", "78"],
        widget=forms.CheckboxSelectMultiple,
    )
