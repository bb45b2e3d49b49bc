"""The household page's panel of consultations, applications and decisions (registered in apps.py)."""

from django.utils import timezone

from hogo.households.scoping import may_edit

from .deadlines import urgency


def context(request, household) -> dict:
    today = timezone.localdate()
    applications = [
        (a, urgency(a.deadline, today) if not a.decided_on else "done", (a.deadline - today).days)
        for a in household.applications.all()[:5]
    ]
    return {
        "consultations": household.consultations.all()[:5],
        "applications": applications,
        "decisions": household.decisions.all()[:10],
        "may_edit": may_edit(request.user, household),
    }
