from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .models import Action
from .services import client_address, record


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    record(user, Action.LOGIN, source=client_address(request))


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        record(user, Action.LOGOUT, source=client_address(request))


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    record(
        None,
        Action.LOGIN_FAILED,
        source=client_address(request),
        detail={"username": str(credentials.get("username", ""))[:150]},
    )
