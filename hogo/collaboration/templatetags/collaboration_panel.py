"""The household page's panel: issues, consent, conference need, conferences and support plans."""

from django import template

from hogo.households.scoping import may_edit

from .. import services

register = template.Library()


@register.inclusion_tag("collaboration/_household_panel.html", takes_context=True)
def collaboration(context, household):
    return {
        "household": household,
        "may_edit": may_edit(context["request"].user, household),
        "issues": household.issues.filter(resolved_on__isnull=True),
        "consents": services.consent_status(household),
        "conferences": household.conferences.order_by("-created_at")[:5],
        "plans": household.support_plans.order_by("-version")[:3],
        "assessments": household.need_assessments.all()[:3],
    }
