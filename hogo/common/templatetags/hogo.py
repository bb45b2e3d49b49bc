from datetime import date, datetime

from django import template
from django.utils import timezone

from hogo.common.people import name_of
from hogo.common.wareki import age_on
from hogo.common.wareki import seireki as to_seireki
from hogo.common.wareki import wareki as to_wareki
from hogo.common.wareki import wareki_month as to_wareki_month
from hogo.common.wareki import wareki_text as to_wareki_text

register = template.Library()


@register.filter
def person(user) -> str:
    """The name of the person behind an account (staff or agency member), never the login id when a name
    is known."""
    return name_of(user)


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
    """令和8年11月23日（2026年11月23日）: 和暦 with the Western date, where the office wants both."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return f"{to_wareki(value)}（{seireki(value)}）"


@register.filter
def wareki_dt(value):
    """令和8年12月2日 09:42 for a moment (taken in Asia/Tokyo): the date in 和暦 with the time of day."""
    if value in (None, ""):
        return ""
    if not isinstance(value, datetime):
        return wareki(value)
    local = timezone.localtime(value)
    return f"{to_wareki(local.date())} {local:%H:%M}"


@register.filter
def seireki(value):
    """2026年11月23日: the Western date written the Japanese way, next to a 和暦 date."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return to_seireki(value)


@register.filter
def wareki_text(value):
    """Text with every ISO date in it written in 和暦 (a standards version "2026-10-01" → 令和8年10月1日)."""
    return to_wareki_text(str(value)) if value not in (None, "") else ""


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
