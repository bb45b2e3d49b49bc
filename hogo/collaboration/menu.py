"""Who sees 参加している会議 in the header menu (registered in apps.py)."""

from hogo.offices.queries import standing_of

from .backends import agencies_on_core


def is_agency_member(request) -> bool:
    """Partner-agency members (who are never office staff) see only their conferences."""
    return agencies_on_core() and standing_of(request.user).staff is None and hasattr(request.user, "agency_member")
