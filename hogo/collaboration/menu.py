"""Who sees 参加している会議 in the header menu (registered in apps.py)."""

from hogo.offices.queries import standing_of


def is_agency_member(request) -> bool:
    """Partner-agency members (who are never office staff) see only their conferences."""
    return standing_of(request.user).staff is None and hasattr(request.user, "agency_member")
