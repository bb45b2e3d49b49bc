"""Form building blocks every app's forms use: messages that name the field, the date widget, and
an amount-in-yen field that accepts what people type (50,000円, full-width digits)."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# A bound for amounts typed by staff: above any monthly benefit or repayment line an office handles;
# it keeps absurd figures (and integer overflow in the database) out. Fields may set a lower one.
YEN_MAX = 100_000_000


class LabelledForm(forms.Form):
    """Required-field and invalid-value messages name the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.name_fields_in_messages()

    def name_fields_in_messages(self):
        for field in self.fields.values():
            field.error_messages["required"] = f"{field.label}を入力してください。"
            if isinstance(field, forms.DateField):
                field.error_messages["invalid"] = f"{field.label}は正しい日付で入力してください（例: 2026-04-01）。"
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = f"{field.label}は一覧から選んでください。"
            if isinstance(field, forms.IntegerField):
                field.error_messages["invalid"] = f"{field.label}は数字で入力してください。"
                field.error_messages["min_value"] = f"{field.label}は%(limit_value)s以上で入力してください。"
                field.error_messages["max_value"] = f"{field.label}は%(limit_value)s以下で入力してください。"


def yen_from_text(text) -> int:
    """'50,000円', '５００００', ' 50000 ' → 50000; ValueError for anything that is not whole yen."""
    cleaned = unicodedata.normalize("NFKC", str(text)).strip().removesuffix("円").replace(",", "").strip()
    if not cleaned.isdigit():
        raise ValueError(text)
    return int(cleaned)


class YenField(forms.IntegerField):
    """A whole number of yen, as typed (commas and 円 allowed), between min_value (default 1) and
    max_value (default YEN_MAX)."""

    def __init__(self, *, min_value=1, max_value=YEN_MAX, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return yen_from_text(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
