"""Where the work that the audit log records comes from, and what it is for, held for the whole of
one request, command or background job. The middleware sets it for each request and the worker's
tasks and the commands set it at their entry point; `record` reads it, so no service passes it on."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class AuditContext:
    source: str = ""  # the client's address, or "cli", "worker", ... for work without a request
    purpose: str = ""  # why the records are read, when the caller knows it


OUTSIDE = AuditContext()  # frozen, so one shared default is safe
_current: ContextVar[AuditContext] = ContextVar("audit_context", default=OUTSIDE)


def current() -> AuditContext:
    return _current.get()


@contextmanager
def audit_context(*, source: str | None = None, purpose: str | None = None) -> Iterator[AuditContext]:
    """Set the context until the block ends, then restore the one before. A value left out is kept
    from the enclosing context, so a view can add a purpose to the request's address."""
    changes = {name: value for name, value in (("source", source), ("purpose", purpose)) if value is not None}
    token = _current.set(replace(_current.get(), **changes))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def client_address(request) -> str:
    # The one place that decides a request's address (trusted proxies, when they come, are handled here).
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""
