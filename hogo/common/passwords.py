"""Passwords the policy must refuse, and the change a user must make before working (decision 0024).

The demo accounts share a password that is printed in this repository, in `make run`'s output and in
the guides; anyone can read it. The policy (AUTH_PASSWORD_VALIDATORS) refuses it for every account, so
nobody can choose it or be given it through a password form. The demo still creates its accounts with
it (a hash written directly, only with HOGO_ALLOW_DEMO on). Where the demo is not allowed, a login
whose password the policy refuses (the demo's, or one set before the policy was tightened) is let in
only as far as the password change page until the password is changed."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse

DEMO_PASSWORD = "hogo-demo-2026"
PUBLISHED_PASSWORDS = frozenset({DEMO_PASSWORD})

CHANGE_REQUIRED = "hogo_password_change_required"  # session key


class PublishedPasswordValidator:
    """Refuses passwords published with Hogo (the demo accounts' password)."""

    def validate(self, password, user=None):
        if password in PUBLISHED_PASSWORDS:
            raise ValidationError(
                "デモ用として公開されているパスワードです。別のパスワードにしてください。", code="password_published"
            )

    def get_help_text(self):
        return "デモ用として公開されているパスワードは使えません。"


def require_change_if_refused(request, user, password: str) -> bool:
    """After a successful login: where the demo is not allowed, a password the policy refuses must be
    changed before anything else. Returns True when a change is now required."""
    if settings.HOGO_ALLOW_DEMO:
        return False
    try:
        validate_password(password, user)
    except ValidationError:
        request.session[CHANGE_REQUIRED] = True
        return True
    return False


def change_required_middleware(get_response):
    """While the session says a change is required, every page but the change page and logout redirects
    to the change page."""

    def middleware(request):
        if request.session.get(CHANGE_REQUIRED) and request.user.is_authenticated:
            allowed = (reverse("password_change"), reverse("logout"))
            if request.path not in allowed:
                return redirect("password_change")
        return get_response(request)

    return middleware
