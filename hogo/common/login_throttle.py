"""Login throttling with one limit per combination (decision 0024).

django-axes counts failures per combination of AXES_LOCKOUT_PARAMETERS and compares the largest count
with one AXES_FAILURE_LIMIT. With [["username", "ip_address"], ["ip_address"]] the address count is
always the largest, so one limit would lock a whole office's shared address after five typos. This
handler keeps axes' records and gives each combination its own limit:

- a username from one address: AXES_FAILURE_LIMIT failures in the cool-off window;
- an address, whatever the usernames: HOGO_LOGIN_ADDRESS_FAILURE_LIMIT failures in the window.

A successful login clears only that username's failures from that address: clearing the whole
address (axes' default with ["ip_address"]) would let someone with one valid account wipe the count of
their guesses at everybody else's."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class LoginThrottle(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        """The username+address count, raised to the limit when the address as a whole is locked
        (axes compares this one number with AXES_FAILURE_LIMIT)."""
        from_address = self._recent_from_address(request)
        for_account = _failures(from_address.filter(username=get_client_username(request, credentials)))
        if _failures(from_address) >= settings.HOGO_LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(for_account, settings.AXES_FAILURE_LIMIT)
        return for_account

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        count, _ = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address, username=get_client_username(request, credentials)
        ).delete()
        return count

    def _recent_from_address(self, request):
        attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
        if settings.AXES_COOLOFF_TIME is None:
            return attempts
        return attempts.filter(attempt_time__gte=get_cool_off_threshold(request))


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
