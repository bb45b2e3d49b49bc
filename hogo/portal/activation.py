"""利用開始 on the portal: one sign-in step for a partner agency's member (hogo.portal.views.activate) and a
recipient's account (hogo.recipient_portal.views.activate)."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError

from hogo.common.refusals import put_errors_on_fields


def sign_in(request, form, activate, login_field: str, done: str) -> bool:
    """For a valid activation `form`: `activate(login, code, password)` returns the member or account; its user
    is signed in and told `done`. A refusal goes on the form (one naming no field under password1) and the
    answer is False."""
    data = form.cleaned_data
    try:
        holder = activate(data[login_field], data["code"], data["password1"])
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            put_errors_on_fields(form, exc)
        else:
            form.add_error("password1", exc)
        return False
    login(request, holder.user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, done)
    return True
