from hogo.offices.models import Role
from hogo.offices.queries import standing_of


def navigation(request):
    """What the header menu offers this user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    standing = standing_of(user)
    return {
        "nav": {
            "staff": standing.staff is not None,
            "cases": bool(standing.offices_with(Role.CASEWORKER, Role.SUPERVISOR, Role.CHIEF, Role.CLERK)),
            "agency": standing.staff is None and hasattr(user, "agency_member"),
            "team": standing.has_role(Role.SUPERVISOR),
            "register": bool(standing.offices_with(Role.CASEWORKER, Role.SUPERVISOR)),
            "admin": user.is_staff,
            "recalc": bool(standing.offices_with(Role.CHIEF, Role.CLERK, Role.SUPERVISOR)),
            "visits": bool(standing.offices_with(Role.CASEWORKER)),
            "receivables": bool(standing.offices_with(Role.COLLECTOR, Role.CLERK, Role.CHIEF)),
            "records": bool(standing.offices_with(Role.CASEWORKER, Role.SUPERVISOR, Role.CHIEF, Role.CLERK)),
        }
    }
