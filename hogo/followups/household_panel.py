"""The household page's panel of open checks and deadlines and the latest declarations (registered
in apps.py)."""

from django.utils import timezone

from hogo.households.scoping import may_edit

from . import queries
from .models import Recognition


def context(request, household) -> dict:
    today = timezone.localdate()
    declarations = list(household.declarations.select_related("recognition").all()[:8])
    for declaration in declarations:
        try:
            declaration.recognised = declaration.recognition
        except Recognition.DoesNotExist:
            declaration.recognised = None
    return {
        "rows": queries.household_items(household, today, viewer=request.user),
        "declarations": declarations,
        "may_edit": may_edit(request.user, household),
        "today": today,
    }
