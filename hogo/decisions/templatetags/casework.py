"""The household page's consultation, application and decision panel (only where the household
was already opened through the scoping function)."""

from django import template
from django.utils import timezone

from hogo.households.scoping import may_edit

from ..deadlines import urgency

register = template.Library()


@register.inclusion_tag("decisions/_household_panel.html", takes_context=True)
def casework_panel(context, household):
    today = timezone.localdate()
    applications = [
        (a, urgency(a.deadline, today) if not a.decided_on else "done", (a.deadline - today).days)
        for a in household.applications.all()[:5]
    ]
    return {
        "household": household,
        "consultations": household.consultations.all()[:5],
        "applications": applications,
        "decisions": household.decisions.all()[:10],
        "may_edit": may_edit(context["request"].user, household),
    }
