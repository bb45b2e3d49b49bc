"""The one convention for saying no.

Services raise exactly two kinds of refusal:
- `ValidationError` — bad input or a state that forbids the action; a dict names the field;
- `PermissionDenied` — the user has no authority for this.

This module is the one place that turns them into what a person sees: messages on the form's
fields, a flash message after a button, a 403 page, or a 400 page. Views never catch a bare
Exception and never parse raw POST values themselves: a form parses, a service decides."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render

# The most errors a refused file lists; the rest are only counted (decision 0023): a person fixes a
# file from its first errors, and a file of a million bad rows must not become a page of a million lines.
MAX_LISTED_ERRORS = 100


class ErrorList:
    """The errors found while checking an imported file, row by row: the first MAX_LISTED_ERRORS are
    kept, the rest counted, so memory and the refusal stay small however long the file is."""

    def __init__(self):
        self.listed: list[str] = []
        self.more = 0

    def add(self, *messages: str) -> None:
        for message in messages:
            if len(self.listed) < MAX_LISTED_ERRORS:
                self.listed.append(message)
            else:
                self.more += 1

    def __bool__(self) -> bool:
        return bool(self.listed)

    def refusal(self) -> ValidationError:
        more = f"ほかに{self.more:,}件の誤りがあります（最初の{MAX_LISTED_ERRORS}件だけを示しました）。"
        return ValidationError(self.listed + ([more] if self.more else []))


def message_of(exc: Exception) -> str:
    """The refusal's text for a person."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or "この操作を行う権限がありません。"


def put_errors_on_fields(form, exc: ValidationError) -> None:
    """Attach a service's ValidationError to the form fields it names (others to the whole form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
    renew = getattr(exc, "renew_form", None)  # a stale edit form (hogo.common.versions) takes the current version
    if renew is not None:
        renew(form)


def save_through(request, form, act, done):
    """For a posted, valid form: run the service `act(**cleaned_data)` and say `done` (text, or a
    function of the result that writes it). A ValidationError from the service goes back onto the
    form's fields; PermissionDenied goes on to the 403 page. The service's result, or None when
    nothing was saved."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = act(**form.cleaned_data)
    except ValidationError as exc:
        put_errors_on_fields(form, exc)
        return None
    messages.success(request, done(result) if callable(done) else done)
    return result


def report(request, act, done, label: str = ""):
    """For a button on a page (approve, return, a small form posted from a list): run `act()`; say
    `done` (text, or a function of the result), or say the refusal — of either kind — as an error
    message, prefixed with the item's name when there is one. The result, or None when refused."""
    try:
        result = act()
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, (f"「{label}」: " if label else "") + message_of(exc))
        return None
    messages.success(request, done(result) if callable(done) else done)
    return result


def report_form(request, form, act, done, label: str = ""):
    """`report` for a small form: its own errors are said the same way, naming the fields."""
    if not form.is_valid():
        prefix = f"「{label}」: " if label else ""
        messages.error(request, prefix + " ".join(e for errors in form.errors.values() for e in errors))
        return None
    return report(request, lambda: act(**form.cleaned_data), done, label)


def read_query(request, form) -> dict:
    """A page's GET parameters, read by a form bound to `request.GET`: its cleaned data. A bad value
    is said as an error message naming the field and is left out, so the page shows its default."""
    if not form.is_bound:
        return {}
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return form.cleaned_data


class RefusalMiddleware:
    """A ValidationError that escapes a view is a refusal of bad input (400 with its message),
    never a server error. PermissionDenied is Django's own (the 403 page shows its message)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ValidationError):
            return render(request, "400.html", {"problems": exception.messages}, status=400)
        return None
