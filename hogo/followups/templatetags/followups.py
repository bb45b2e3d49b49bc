"""The CW home's work list and the household page's follow-up panel, as template tags so the
households app's templates include them without importing this app."""

from django import template
from django.utils import timezone

from hogo.households.scoping import may_edit

from .. import queries
from ..models import Recognition

register = template.Library()


@register.inclusion_tag("followups/_work_today.html", takes_context=True)
def work_today(context):
    today = timezone.localdate()
    rows, counts = queries.work_today(context["request"].user, today)
    return {"rows": rows, "counts": counts, "today": today}


@register.inclusion_tag("followups/_household_followups.html", takes_context=True)
def followups_panel(context, household):
    today = timezone.localdate()
    declarations = list(household.declarations.select_related("recognition").all()[:8])
    for declaration in declarations:
        try:
            declaration.recognised = declaration.recognition
        except Recognition.DoesNotExist:
            declaration.recognised = None
    return {
        "household": household,
        "rows": queries.household_items(household, today),
        "declarations": declarations,
        "may_edit": may_edit(context["request"].user, household),
        "today": today,
    }
