"""The household page's visits and case records panel."""

from django import template

from hogo.households.scoping import may_edit

from ..models import VisitStatus

register = template.Library()


@register.inclusion_tag("casework/_household_panel.html", takes_context=True)
def visits_and_records(context, household):
    return {
        "household": household,
        "may_edit": may_edit(context["request"].user, household),
        "visits": household.visits.exclude(status=VisitStatus.CANCELLED).order_by("-planned_on")[:5],
        "records": household.case_records.select_related("author__staff")[:5],
        "statuses": [(s, label) for s, label in VisitStatus.choices if s != VisitStatus.DONE],
    }
