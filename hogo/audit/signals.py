"""Logins, logouts and failed logins (axes included) are sent while a request is handled, inside the
request's audit context: the entry's address comes from there."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .models import Action
from .services import record


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    record(user, Action.LOGIN)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        record(user, Action.LOGOUT)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    record(
        None,
        Action.LOGIN_FAILED,
        detail={"username": str(credentials.get("username", ""))[:150]},
    )
