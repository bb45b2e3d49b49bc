"""The caseworker's 「今日の仕事」 on the home page (registered in apps.py): most urgent first,
filtered by urgency, kind and household, 20 items a page (decision 0028)."""

from django.core.paginator import Paginator
from django.utils import timezone

from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import alerts, queries
from .forms import WORK_PAGE_SIZE, WorkListForm


def _matches(row, urgency: str, kind: str, household: str) -> bool:
    item = row.item
    if urgency and row.urgency != urgency:
        return False
    if kind and item.source != kind:
        return False
    if household:
        names = (item.household.case_number or "", getattr(item, "head_name", None) or "")
        return any(household in name for name in names)
    return True


def context(request) -> dict | None:
    if not standing_of(request.user).has_role(Role.CASEWORKER):
        return None
    today = timezone.localdate()
    rows, counts = queries.work_today(request.user, today)
    form = WorkListForm(request.GET)
    # The section is rendered after the page's messages: a bad value is said inside the section
    # (a flash message added now would appear on the next page instead).
    form.is_valid()
    wanted = form.cleaned_data
    problems = [e for errors in form.errors.values() for e in errors]
    urgency, kind = wanted.get("work_urgency") or "", wanted.get("work_kind") or ""
    household = wanted.get("work_household") or ""
    shown = [r for r in rows if _matches(r, urgency, kind, household)]
    page = Paginator(shown, WORK_PAGE_SIZE).get_page(wanted.get("work_page"))
    params = request.GET.copy()
    params.pop("work_page", None)
    return {
        "rows": page,
        "work_page": page,
        "work_params": params.urlencode(),
        "work_form": form,
        "problems": problems,
        "filtered": bool(urgency or kind or household),
        "total": len(rows),
        "counts": counts,
        "today": today,
        "alert_groups": alerts.own_groups(request.user, today),
    }
