from django import forms
from django.contrib.auth.forms import AuthenticationForm


class PortalLoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "ログイン名かパスワードが違います。初めての方は「利用開始」から始めてください。",
        "inactive": "このアカウントは使えません。",
    }


class ActivationForm(forms.Form):
    username = forms.CharField(
        label="ログイン名",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    code = forms.CharField(
        label="利用開始コード",
        max_length=40,
        help_text="福祉事務所から渡された XXXX-XXXX-XXXX-XXXX の形のコード（ハイフンは省略できます）",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    password1 = forms.CharField(
        label="新しいパスワード", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label="新しいパスワード（確認）",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", "確認のパスワードが一致しません。")
        return data


class DateAnswersForm(forms.Form):
    """参加できる / できない for each candidate date of the conference (unanswered ones may stay blank)."""

    CHOICES = [("yes", "参加できる"), ("no", "参加できない")]

    def __init__(self, *args, candidates, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        answers = answers or {}
        for c in candidates:
            initial = {True: "yes", False: "no"}.get(answers.get(c.pk))
            self.fields[f"date_{c.pk}"] = forms.ChoiceField(
                label=c.starts_at, choices=self.CHOICES, widget=forms.RadioSelect, required=False, initial=initial
            )
            self.fields[f"date_{c.pk}"].candidate = c

    def answers(self) -> dict[int, bool]:
        return {int(name[5:]): value == "yes" for name, value in self.cleaned_data.items() if value in ("yes", "no")}
