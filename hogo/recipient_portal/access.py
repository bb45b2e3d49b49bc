"""One rule decides what a recipient sees: the household of their account, while the account is in force.
Every recipient page takes the household from here, never from a parameter."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .models import RecipientAccount, RecipientHousehold

NOT_A_RECIPIENT = "このページは、生活保護を受けている世帯のアカウントで使います。"


def account_of(user) -> RecipientAccount | None:
    """The user's recipient account in force, or None."""
    if not user.is_authenticated:
        return None
    account = RecipientAccount.objects.select_related("household").filter(user=user).first()
    if account is None or not account.in_force():
        return None
    return account


def household_of(user) -> RecipientHousehold | None:
    account = account_of(user)
    return account.household if account else None


TOTP_DONE = "recipient_totp_done"


def needs_second_step(request, account) -> bool:
    """An account with TOTP on has signed in with its password but not yet typed the 6-digit code."""
    return bool(account.totp_secret) and request.session.get(TOTP_DONE) != account.pk


def recipient_required(view):
    """A recipient page: signed in with an account in force; `request.recipient` is the account and
    `request.household` its household. Anyone else is sent to sign in (anonymous) or refused."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        account = account_of(request.user)
        if account is None:
            raise PermissionDenied(NOT_A_RECIPIENT)
        if needs_second_step(request, account):
            return redirect(f"{reverse('my_verify')}?{urlencode({'next': request.get_full_path()})}")
        request.recipient, request.household = account, account.household
        return view(request, *args, **kwargs)

    return wrapper
