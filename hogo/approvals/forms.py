from django import forms

from hogo.common.forms import LabelledForm


class ApprovalForm(LabelledForm):
    comment = forms.CharField(
        label="意見（差戻しの場合は必須）", widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )


class InboxPageForm(LabelledForm):
    """The GET parameters of the inbox pages: which group to page through, and the page."""

    kind = forms.ChoiceField(label="種類", required=False)
    page = forms.IntegerField(label="ページ", required=False, min_value=1, max_value=100_000)

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "すべて"), *kinds]
