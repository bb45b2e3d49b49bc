"""Japanese labels for the codes a determination stores in its lines."""

from django import template

from hogo.receivables.rules import ASSISTANCE_CODES

register = template.Library()


@register.filter
def assistance_label(code) -> str:
    """生活扶助 for "living": the kind of assistance of a determination's line, never its code."""
    return ASSISTANCE_CODES.get(code, code)
