from datetime import date, datetime

from django import template
from django.utils import timezone

from hogo.common.wareki import age_on
from hogo.common.wareki import wareki as to_wareki
from hogo.common.wareki import wareki_month as to_wareki_month

register = template.Library()


@register.filter
def wareki(value):
    """令和8年11月23日 for a date (a datetime is taken in Asia/Tokyo)."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return to_wareki(value)


@register.filter
def wareki_month(value):
    """令和8年11月 for a date's month."""
    return to_wareki_month(value) if value else ""


@register.filter
def seireki_wareki(value):
    """2026-11-23（令和8年11月23日）: both calendars, as forms show dates."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return f"{value.isoformat()}（{to_wareki(value)}）"


@register.filter
def age(birth_date):
    if not isinstance(birth_date, date):
        return ""
    return age_on(birth_date, timezone.localdate())


@register.filter
def yen(value):
    if value in (None, ""):
        return ""
    return f"{int(value):,}円"


@register.filter
def km(metres) -> str:
    """Whole metres as kilometres with one decimal (1,234 → 1.2 km)."""
    if metres in (None, ""):
        return ""
    return f"{int(metres) / 1000:.1f} km"
