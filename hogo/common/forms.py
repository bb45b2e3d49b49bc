"""Form building blocks every app's forms use: messages that name the field, the date widget, and
an amount-in-yen field that accepts what people type (50,000円, full-width digits)."""

import unicodedata
from datetime import date, datetime

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError

from hogo.common.wareki import ERAS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# A bound for amounts typed by staff: above any monthly benefit or repayment line an office handles;
# it keeps absurd figures (and integer overflow in the database) out. Fields may set a lower one.
YEN_MAX = 100_000_000
# The largest integer every database column of ours holds (PostgreSQL integer); a number field of a
# LabelledForm without its own max_value is bounded by it, so a huge number is a message, not a 500.
DB_INT_MAX = 2_147_483_647


class LabelledForm(forms.Form):
    """Required-field and invalid-value messages name the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.name_fields_in_messages()

    def name_fields_in_messages(self):
        for field in self.fields.values():
            field.error_messages["required"] = f"{field.label}を入力してください。"
            if getattr(field, "max_length", None):
                field.error_messages["max_length"] = (
                    f"{field.label}は%(limit_value)d文字以内で入力してください（いま%(show_value)d文字）。"
                )
            if isinstance(field, forms.DateField):
                field.error_messages["invalid"] = f"{field.label}は正しい日付で入力してください（例: 2026-04-01）。"
            if isinstance(field, forms.DateField | forms.DateTimeField):
                field.validators.append(within_the_calendar(field.label))
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = f"{field.label}は一覧から選んでください。"
            if isinstance(field, forms.IntegerField):
                field.error_messages["invalid"] = f"{field.label}は数字で入力してください。"
                field.error_messages["min_value"] = f"{field.label}は%(limit_value)s以上で入力してください。"
                field.error_messages["max_value"] = f"{field.label}は%(limit_value)s以下で入力してください。"
                if field.max_value is None:  # an id or a count: beyond this it overflows the database's integer
                    field.max_value = DB_INT_MAX
                    field.validators.append(validators.MaxValueValidator(DB_INT_MAX))


# The days a date field takes: from 明治元年 (every day has a 和暦 year) to the last year the month pages
# show. Beyond them a date is a typing error, and date arithmetic near year 1 or 9999 overflows.
FIRST_DAY, LAST_DAY = ERAS[-1][1], date(2199, 12, 31)


def within_the_calendar(label: str):
    """A validator for a date (or date and time) field: a message naming the field outside FIRST_DAY–LAST_DAY."""

    def check(value) -> None:
        day = value.date() if isinstance(value, datetime) else value
        if not FIRST_DAY <= day <= LAST_DAY:
            raise ValidationError(
                f"{label}は{FIRST_DAY.year}年（明治元年）から{LAST_DAY.year}年までの日付で入力してください。",
                code="outside_the_calendar",
            )

    return check


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
