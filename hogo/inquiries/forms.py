from django import forms
from django.core.exceptions import ValidationError

from hogo.common.forms import DATE_WIDGET, LabelledForm

from .models import InquiryKind

BANK_ROWS = 5
LETTER_KINDS = [(k.value, k.label) for k in InquiryKind if k != InquiryKind.DEPOSIT]
ASKED = {
    InquiryKind.LIFE_INSURANCE: "生命保険契約の有無、契約がある場合は保険の種類・契約日・解約返戻金の額",
    InquiryKind.SALARY: "直近3か月の給与の支給額（総支給額・控除額・手取額）と支給日、賞与の有無",
    InquiryKind.PENSION: "年金の受給の有無、受給している場合は年金の種類・年額・支払月",
    InquiryKind.SUPPORT: "扶養（金銭的な援助・精神的な支援）をしていただけるかどうか、その内容",
}
# A reply file of one office's day is small; far below this (decision 0030).
MAX_REPLY_BYTES = 10 * 1024 * 1024


class BankSearchForm(LabelledForm):
    q = forms.CharField(label="金融機関を探す（名称・カナ・コード）", max_length=40, required=False)


class DepositInquiryForm(LabelledForm):
    """Who is asked about and at which banks: up to five (bank, branch) codes; a blank branch asks every
    branch (本店一括)."""

    member = forms.TypedChoiceField(label="照会の対象者", coerce=int)
    balance_date = forms.DateField(label="残高を求める日", widget=DATE_WIDGET)
    second_balance_date = forms.DateField(label="残高を求める日（2つ目・任意）", widget=DATE_WIDGET, required=False)
    with_transactions = forms.BooleanField(label="取引履歴も求める", required=False)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [(m.pk, f"{m.name}（{m.get_relation_display()}）") for m in members]
        for i in range(1, BANK_ROWS + 1):
            self.fields[f"bank_{i}"] = forms.CharField(label=f"金融機関コード（{i}）", max_length=4, required=i == 1)
            self.fields[f"branch_{i}"] = forms.CharField(label=f"店舗コード（{i}）", max_length=3, required=False)
        self.name_fields_in_messages()

    def clean(self):
        data = super().clean()
        pairs = []
        for i in range(1, BANK_ROWS + 1):
            bank, branch = (data.get(f"bank_{i}") or "").strip(), (data.get(f"branch_{i}") or "").strip()
            if branch and not bank:
                self.add_error(f"bank_{i}", "店舗コードだけでは照会できません。金融機関コードを入力してください。")
            elif bank:
                pairs.append((bank, branch))
        data["bank_codes"] = pairs
        data["balance_dates"] = [d for d in (data.get("balance_date"), data.get("second_balance_date")) if d]
        return data


class LetterInquiryForm(LabelledForm):
    kind = forms.ChoiceField(label="照会の種類", choices=[("", "—"), *LETTER_KINDS])
    member = forms.TypedChoiceField(label="照会の対象者（世帯員）", coerce=int, required=False, empty_value=None)
    person_name = forms.CharField(label="対象者の氏名（世帯員でない扶養義務者など）", max_length=100, required=False)
    person_kana = forms.CharField(label="対象者の氏名カナ", max_length=100, required=False)
    person_birth_date = forms.DateField(label="対象者の生年月日", widget=DATE_WIDGET, required=False)
    person_address = forms.CharField(label="対象者の住所", max_length=200, required=False)
    institution_name = forms.CharField(label="照会先（会社名・事務所名・氏名）", max_length=100)
    institution_address = forms.CharField(label="照会先の住所", max_length=200)
    asked = forms.CharField(label="照会事項", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [("", "—（世帯員でない人）"), *[(m.pk, m.name) for m in members]]


class CancelForm(LabelledForm):
    reason = forms.CharField(label="取消の理由", max_length=200)


class ReplyForm(LabelledForm):
    answered_on = forms.DateField(label="回答日", widget=DATE_WIDGET)
    found = forms.TypedChoiceField(
        label="回答",
        choices=[("1", "該当あり"), ("0", "該当なし")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    amount = forms.IntegerField(label="金額（円・任意）", min_value=0, required=False)
    detail = forms.CharField(
        label="回答の内容", max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReplyFileForm(LabelledForm):
    data = forms.FileField(label="回答ファイル（CSV）")

    def clean_data(self):
        data = self.cleaned_data["data"]
        if data.size > MAX_REPLY_BYTES:
            raise ValidationError(f"ファイルが大きすぎます。{MAX_REPLY_BYTES // 1024 // 1024}MBまでです。")
        return data
