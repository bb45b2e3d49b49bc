"""The stated bounds of what staff type (decision 0021): every amount, code, month and text has
one, and a value outside it is refused on its field before anything is saved. The figures and their
reasons are in the decision record; fields use these names so a bound is changed in one place."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator

# Texts. A note (援助方針, 留意事項, a reason, the facts of a determination) is read on one screen of
# the household page and printed on one page: 2,000 characters is about an A4 page of Japanese.
NOTE_MAX = 2_000
# A written record (ケース記録, 会議録) may run over several pages, never a book.
RECORD_MAX = 20_000

# Amounts in yen. 家賃・間代 (monthly): the highest 住宅扶助 limit in the engine's table
# (standards/housing.json: 東京都 1級地, 7人以上) is 83,800円; 300,000円 leaves room for a household
# that pays more than the limit and still refuses an extra digit (3,000,000円) or the probe's 9,999,999円.
RENT_MAX = 300_000


def text_validators(label: str, limit: int = NOTE_MAX) -> list:
    """For a model TextField: Django does not check a TextField's max_length; this does, naming it."""
    return [MaxLengthValidator(limit, f"{label}は{limit:,}文字以内で入力してください（いま%(show_value)d文字）。")]


def yen_validators(label: str, limit: int) -> list:
    """For a model amount field: its upper bound, naming it."""
    return [MaxValueValidator(limit, f"{label}は{limit:,}円以下で入力してください。")]


def check_lengths(model, values: dict) -> None:
    """Refuse texts longer than their model field's max_length, naming each field."""
    errors = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        if field.max_length and len(value or "") > field.max_length:
            errors[name] = (
                f"{field.verbose_name}は{field.max_length:,}文字以内で入力してください（いま{len(value):,}文字）。"
            )
    if errors:
        raise ValidationError(errors)
