"""Template filters of the income pages."""

from django import template

register = template.Library()


@register.filter
def signed_yen(value) -> str:
    """+1,000円 / −1,000円 / ±0円: a difference, with its sign always shown."""
    if value in (None, ""):
        return ""
    value = int(value)
    if value == 0:
        return "±0円"
    return f"{'+' if value > 0 else '−'}{abs(value):,}円"
