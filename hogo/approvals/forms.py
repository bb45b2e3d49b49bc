from django import forms

from hogo.common.forms import LabelledForm


class ApprovalForm(LabelledForm):
    comment = forms.CharField(
        label="意見（差戻しの場合は必須）", widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )
