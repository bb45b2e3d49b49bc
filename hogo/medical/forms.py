from django import forms

from hogo.common.forms import DATE_WIDGET, LabelledForm

from .models import Care, Verdict

MONTH_WIDGET = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")


class RequestForm(LabelledForm):
    member = forms.TypedChoiceField(label="受診者", coerce=int)
    received_on = forms.DateField(label="届出日", widget=DATE_WIDGET)
    complaint = forms.CharField(label="症状・届出の内容", max_length=200)
    institution = forms.TypedChoiceField(label="受診する指定医療機関", coerce=int)

    def __init__(self, *args, members=(), institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [(m.pk, m.name) for m in members]
        self.fields["institution"].choices = [("", "—"), *[(i.pk, str(i)) for i in institutions]]


class ReplyForm(LabelledForm):
    replied_on = forms.DateField(label="回答日（主治医の記入日）", widget=DATE_WIDGET)
    diagnosis = forms.CharField(label="傷病名", max_length=200)
    care = forms.ChoiceField(label="入院・入院外", choices=[("", "—"), *Care.choices])
    expected_months = forms.IntegerField(label="今後の診療見込み期間（か月）", min_value=1, max_value=12)
    doctor_name = forms.CharField(label="主治医", max_length=100)
    doctor_remarks = forms.CharField(
        label="主治医の意見", max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReviewForm(LabelledForm):
    verdict = forms.ChoiceField(label="判断", choices=Verdict.choices, widget=forms.RadioSelect)
    remarks = forms.CharField(label="意見", max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PeriodForm(LabelledForm):
    starts_on = forms.DateField(label="医療扶助の開始日", widget=DATE_WIDGET)
    pharmacy = forms.TypedChoiceField(label="院外処方の薬局（調剤券）", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, pharmacies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pharmacy"].choices = [("", "—（院外処方なし）"), *[(p.pk, str(p)) for p in pharmacies]]


class MonthForm(LabelledForm):
    month = forms.DateField(label="対象月", widget=MONTH_WIDGET, input_formats=["%Y-%m"])


class CorrectForm(LabelledForm):
    self_pay = forms.IntegerField(label="本人支払額（円）", min_value=0)
    cost = forms.IntegerField(label="費用の額（円・分かるとき）", min_value=0, required=False)
    reason = forms.CharField(label="訂正の理由", max_length=200)
