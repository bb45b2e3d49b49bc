"""The CW home's work list, as a template tag so the households app's home page includes it without
importing this app."""

from django import template
from django.utils import timezone

from .. import queries

register = template.Library()


@register.inclusion_tag("followups/_work_today.html", takes_context=True)
def work_today(context):
    today = timezone.localdate()
    rows, counts = queries.work_today(context["request"].user, today)
    return {"rows": rows, "counts": counts, "today": today}
