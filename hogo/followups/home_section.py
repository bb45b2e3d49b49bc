"""The caseworker's 「今日の仕事」 on the home page (registered in apps.py)."""

from django.utils import timezone

from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import queries


def context(request) -> dict | None:
    if not standing_of(request.user).has_role(Role.CASEWORKER):
        return None
    today = timezone.localdate()
    rows, counts = queries.work_today(request.user, today)
    return {"rows": rows, "counts": counts, "today": today}
