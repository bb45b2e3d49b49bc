from django import forms
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordMixin
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from hogo.common.forms import LabelledForm


class ActingOfficeForm(LabelledForm):
    # A plain number, not a choice among the user's offices: an office where they hold no role is
    # refused with 403 by the service, not answered as a mistyped field.
    office = forms.IntegerField(label="作業する事務所", min_value=1)


class OwnPasswordForm(LabelledForm, PasswordChangeForm):
    """Django's password change (the current password, then the new one twice, checked against
    AUTH_PASSWORD_VALIDATORS), with its labels in Japanese and messages naming the field."""

    old_password = forms.CharField(
        label="現在のパスワード",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    new_password1, new_password2 = SetPasswordMixin.create_password_fields(
        label1="新しいパスワード", label2="新しいパスワード（確認）"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages = {
            **self.error_messages,
            "password_incorrect": "現在のパスワード: 正しくありません。もう一度入力してください。",
            "password_mismatch": "新しいパスワード（確認）: 新しいパスワードと一致しません。",
        }

    def validate_password_for_user(self, user, password_field_name="password2"):
        """The policy's messages (Django's validators say 「このパスワードは…」), naming the field."""
        password = self.cleaned_data.get(password_field_name)
        if password:
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.add_error(password_field_name, [f"新しいパスワード: {message}" for message in error.messages])
