"""Partner-agency members sign in to the portal, not the core (issue 22, decision 0033): the core refuses
their password unless the office decided otherwise (`HOGO_AGENCIES_ON_CORE`)."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


def agencies_on_core() -> bool:
    return bool(getattr(settings, "HOGO_AGENCIES_ON_CORE", False))


class CoreStaffBackend(ModelBackend):
    def user_can_authenticate(self, user) -> bool:
        if not agencies_on_core() and hasattr(user, "agency_member"):
            return False
        return super().user_can_authenticate(user)
