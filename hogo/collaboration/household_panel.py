"""The household page's panel of issues, consent, conference need, conferences and support plans
(registered in apps.py)."""

from hogo.households.scoping import may_edit

from . import services


def context(request, household) -> dict:
    return {
        "may_edit": may_edit(request.user, household),
        "issues": household.issues.filter(resolved_on__isnull=True),
        "consents": services.consent_status(household),
        "conferences": household.conferences.order_by("-created_at")[:5],
        "plans": household.support_plans.order_by("-version")[:3],
        "assessments": household.need_assessments.all()[:3],
    }
