"""Who sees a header menu link: predicates on the request's user, for the entries apps register."""

from collections.abc import Callable

from django.http import HttpRequest

from .models import Role
from .queries import standing_of


def is_office_staff(request: HttpRequest) -> bool:
    return standing_of(request.user).staff is not None


def holds_any(*roles: str) -> Callable[[HttpRequest], bool]:
    """True for users holding one of `roles` in some office today."""

    def holds(request: HttpRequest) -> bool:
        return bool(standing_of(request.user).offices_with(*roles))

    return holds


works_cases = holds_any(Role.CASEWORKER, Role.SUPERVISOR, Role.CHIEF, Role.CLERK)


def collects_only(request: HttpRequest) -> bool:
    """Staff whose only role is the collection team's (債権管理)."""
    roles = standing_of(request.user).roles
    return bool(roles) and set(roles) <= {Role.COLLECTOR}


def is_site_administrator(request: HttpRequest) -> bool:
    return request.user.is_staff
