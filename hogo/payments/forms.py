from django import forms

from hogo.common.forms import DATE_WIDGET, LabelledForm, YenField
from hogo.households.income_forms import MonthField

from .models import AccountType, Method, ProxyItem, RunKind


class RunForm(LabelledForm):
    month = MonthField(label="支給月")
    kind = forms.ChoiceField(label="種類", choices=RunKind.choices, initial=RunKind.MONTHLY)
    pay_on = forms.DateField(
        label="支給日（随時払のみ）",
        widget=DATE_WIDGET,
        required=False,
        help_text="定例支給は事務所の支給日から決まります。",
    )
    include_pending = forms.BooleanField(
        label="起案中の決定がある世帯も、決裁済みの額で計算する（世帯は支給に記録されます）", required=False
    )


class AccountFields(LabelledForm):
    bank_code = forms.CharField(label="金融機関コード（4桁）", max_length=4, required=False)
    branch_code = forms.CharField(label="店舗コード（3桁）", max_length=3, required=False)
    account_type = forms.ChoiceField(
        label="預金種目", choices=[("", "—"), *AccountType.choices], required=False, initial=AccountType.ORDINARY
    )
    account_number = forms.CharField(label="口座番号（7桁）", max_length=7, required=False)
    account_name = forms.CharField(label="口座名義（カナ）", max_length=60, required=False)

    ACCOUNT = ("bank_code", "branch_code", "account_type", "account_number", "account_name")


class MethodForm(AccountFields):
    method = forms.ChoiceField(label="支給方法", choices=Method.choices, widget=forms.RadioSelect)
    starts_on = forms.DateField(label="適用開始日", widget=DATE_WIDGET)

    field_order = ["method", "starts_on", *AccountFields.ACCOUNT]


class ProxyForm(AccountFields):
    item = forms.ChoiceField(label="代理納付の対象", choices=ProxyItem.choices)
    payee_name = forms.CharField(label="納付先（家主・保険者）", max_length=100, required=False)
    monthly_amount = YenField(label="月額", required=False)
    starts_on = forms.DateField(label="適用開始日", widget=DATE_WIDGET)
    stopped = forms.BooleanField(label="この日から代理納付をやめる", required=False)

    field_order = ["item", "payee_name", "monthly_amount", "starts_on", "stopped", *AccountFields.ACCOUNT]


class ResultFileForm(LabelledForm):
    data = forms.FileField(label="振込結果ファイル（全銀形式）")


class RepayForm(LabelledForm):
    paid_on = forms.DateField(label="窓口で支給した日", widget=DATE_WIDGET)


class RecomputeForm(LabelledForm):
    include_pending = forms.BooleanField(label="起案中の決定がある世帯も、決裁済みの額で計算する", required=False)
    pay_on = forms.DateField(label="支給日（随時払のみ・変えるとき）", widget=DATE_WIDGET, required=False)
