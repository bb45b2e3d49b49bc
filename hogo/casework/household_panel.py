"""The household page's panel of visits and case records (registered in apps.py)."""

from hogo.households.scoping import may_edit

from .models import VisitStatus


def context(request, household) -> dict:
    return {
        "may_edit": may_edit(request.user, household),
        "visits": household.visits.exclude(status=VisitStatus.CANCELLED).order_by("-planned_on")[:5],
        "records": household.case_records.select_related("author__staff")[:5],
        "statuses": [(s, label) for s, label in VisitStatus.choices if s != VisitStatus.DONE],
    }
