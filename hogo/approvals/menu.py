"""The header entries 決裁待ち and 差戻し with their counts (registered in apps.py). Each count is
one query, kept on the request so that deciding whether to show an entry and its badge ask once."""

from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import inbox


def _once(request, name: str, compute) -> int:
    key = f"_hogo_inbox_{name}"
    if not hasattr(request, key):
        setattr(request, key, compute(request.user))
    return getattr(request, key)


def shows_waiting(request) -> bool:
    return inbox.approves_anything(request.user)


def waiting_badge(request) -> int:
    return _once(request, "waiting", inbox.waiting_count)


def returned_badge(request) -> int:
    return _once(request, "returned", inbox.returned_count)


def shows_returned(request) -> bool:
    """Caseworkers always; others who draft (supervisors; chiefs and clerks through 一斉更正) when one came back."""
    if standing_of(request.user).offices_with(Role.CASEWORKER):
        return True
    return inbox.drafts_anything(request.user) and returned_badge(request) > 0
