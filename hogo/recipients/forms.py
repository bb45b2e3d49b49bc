from django import forms

from .models import AccountRole


class IssueForm(forms.Form):
    role = forms.ChoiceField(label="立場", choices=AccountRole.choices)
    member = forms.ChoiceField(label="世帯員", required=False, help_text="世帯主・世帯員のとき")
    proxy_name = forms.CharField(label="代理人の氏名", max_length=100, required=False, help_text="代理人のとき")

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {str(m.public_id): m for m in household.members.filter(left_on__isnull=True).order_by("pk")}
        self.fields["member"].choices = [("", "—")] + [(k, m.name) for k, m in self.members.items()]

    def clean_member(self):
        value = self.cleaned_data.get("member")
        return self.members.get(value) if value else None


class LetterForm(forms.Form):
    code = forms.CharField(label="利用開始コード", max_length=40)


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label="差し戻しの理由",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="受給者がポータルで読みます。何を直して出し直せばよいか、わかりやすく書いてください。",
    )
