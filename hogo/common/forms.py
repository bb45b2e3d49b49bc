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


def field_name(label) -> str:
    """The field as a message names it: the label without its trailing note in brackets
    (「家賃・間代（月額・円）」 → 「家賃・間代」)."""
    text = str(label or "この項目").strip()
    if text.endswith("）") and "（" in text and not text.startswith("（"):
        text = text[: text.rindex("（")].strip() or text
    return text


def unit_of(field) -> str:
    """円 for an amount (a YenField, or a label that says 円), else nothing."""
    return "円" if isinstance(field, YenField) or "円" in str(field.label or "") else ""


def limit_text(value, unit: str) -> str:
    """A bound as the office writes it: 100,000,000円, 0円, 12, 35.5."""
    return f"{value:,}{unit}" if isinstance(value, int) else f"{value}{unit}"


def office_messages(field) -> dict[str, str]:
    """The office's wording of the messages of one form field, each naming the field: 「家賃・間代は0円以上で
    入力してください。」 rather than Django's 「この値は 0 以上でなければなりません。」."""
    name, unit = field_name(field.label), unit_of(field)
    messages = {"required": f"{field.label}を入力してください。"}
    if getattr(field, "max_length", None):
        messages["max_length"] = f"{name}は%(limit_value)d文字以内で入力してください（いま%(show_value)d文字）。"
    if getattr(field, "min_length", None):
        messages["min_length"] = f"{name}は%(limit_value)d文字以上で入力してください（いま%(show_value)d文字）。"
    if isinstance(field, forms.ChoiceField):
        messages["invalid_choice"] = f"{field.label}は一覧から選んでください。"
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        messages["invalid_list"] = f"{field.label}は一覧から選んでください。"
        messages["invalid_pk_value"] = f"{field.label}は一覧から選んでください。"
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        kind = "数値" if isinstance(field, forms.DecimalField | forms.FloatField) else "数字"
        messages["invalid"] = f"{field.label}は{kind}で入力してください。"
        for code, bound, word in (("min_value", field.min_value, "以上"), ("max_value", field.max_value, "以下")):
            limit = limit_text(bound, unit) if bound is not None else f"%(limit_value)s{unit}"
            messages[code] = f"{name}は{limit}{word}で入力してください。"
    if isinstance(field, forms.DateField):
        messages["invalid"] = f"{field.label}は正しい日付で入力してください（例: 2026-04-01）。"
    if isinstance(field, forms.DecimalField):
        messages["max_digits"] = f"{name}は全体で%(max)s桁以内で入力してください。"
        messages["max_decimal_places"] = f"{name}の小数点以下は%(max)s桁以内で入力してください。"
        messages["max_whole_digits"] = f"{name}の整数部分は%(max)s桁以内で入力してください。"
    return messages


def written_by_the_form(field) -> set[str]:
    """The codes whose message the form wrote itself (error_messages={...}): those are kept. Ours, written
    by an earlier call (a form that relabels a field calls name_fields_in_messages again), are not."""
    stock = {}
    for cls in reversed(type(field).__mro__):
        stock.update(getattr(cls, "default_error_messages", {}))
    ours = getattr(field, "office_messages", {})
    return {
        code
        for code, message in field.error_messages.items()
        if stock.get(code) != message and ours.get(code) != message
    }


class LabelledForm(forms.Form):
    """Every message names its field, in the office's wording (office_messages)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.name_fields_in_messages()

    def name_fields_in_messages(self):
        for field in self.fields.values():
            if isinstance(field, forms.IntegerField) and field.max_value is None:
                # an id or a count: beyond this it overflows the database's integer
                field.max_value = DB_INT_MAX
                field.validators.append(validators.MaxValueValidator(DB_INT_MAX))
            own = written_by_the_form(field)
            field.office_messages = {k: v for k, v in office_messages(field).items() if k not in own}
            field.error_messages.update(field.office_messages)
            if isinstance(field, forms.DateField | forms.DateTimeField):
                field.validators = [v for v in field.validators if not getattr(v, "calendar_bound", False)]
                field.validators.append(within_the_calendar(field.label))


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

    check.calendar_bound = True  # one per field, under the field's latest label
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
