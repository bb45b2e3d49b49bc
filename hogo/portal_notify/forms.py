"""The recipient's notification settings and 既読: every parameter through a form, errors naming the field."""

import re
import unicodedata

from django import forms

MOBILE = re.compile(r"0[789]0\d{8}")
LINE_ID = re.compile(r"U[0-9a-f]{32}")


class ContactForm(forms.Form):
    email = forms.EmailField(
        label="メールアドレス",
        required=False,
        max_length=254,
        error_messages={"invalid": "メールアドレスの形が正しくありません（例: hogo@example.jp）。"},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    sms = forms.CharField(
        label="携帯電話の番号（SMS）",
        required=False,
        max_length=20,
        help_text="例: 090-1234-5678",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    line = forms.CharField(
        label="LINE のユーザーID",
        required=False,
        max_length=40,
        help_text="福祉事務所の LINE 公式アカウントが知らせる「U」で始まる33文字の ID です。",
        widget=forms.TextInput(attrs={"autocapitalize": "none", "spellcheck": "false"}),
    )
    consent = forms.BooleanField(
        label="ここに入れた宛先へ、お知らせが届いたことを送ることに同意します",
        required=False,
    )

    next = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)  # the page to go back to

    def clean_sms(self):
        value = unicodedata.normalize("NFKC", self.cleaned_data["sms"]).replace("-", "").replace(" ", "")
        if value and not MOBILE.fullmatch(value):
            raise forms.ValidationError("携帯電話の番号は 070・080・090 で始まる11けたで入れてください。")
        return value

    def clean_line(self):
        value = unicodedata.normalize("NFKC", self.cleaned_data["line"]).strip()
        if value and not LINE_ID.fullmatch(value):
            raise forms.ValidationError("LINE のユーザーIDは「U」と32文字の英数字です。")
        return value

    def clean(self):
        data = super().clean()
        if any(data.get(f) for f in ("email", "sms", "line")) and not data.get("consent"):
            self.add_error("consent", "宛先を入れたときは、送ることへの同意にチェックを入れてください。")
        return data


class MarkReadForm(forms.Form):
    """既読にする: one notification of the household (its number), or every unread one when empty."""

    notification = forms.IntegerField(required=False, min_value=1)
