"""Where the work that the audit log records comes from, and what it is for, held for the whole of
one request, command or background job. The middleware sets it for each request and the worker's
tasks and the commands set it at their entry point; `record` reads it, so no service passes it on."""

import ipaddress
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

from django.conf import settings


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
    """The one place that decides a request's address: the audit entries' `source` and the login
    throttle (django-axes, AXES_CLIENT_IP_CALLABLE) both use it (decision 0024).

    The peer (REMOTE_ADDR) is the client unless it is one of HOGO_TRUSTED_PROXIES. From a trusted proxy,
    X-Forwarded-For is read from the right: each trusted proxy appended the address it received from,
    so the rightmost address that is not a trusted proxy is the client. Everything left of it was
    written by the client and may be forged. X-Forwarded-For from any other peer is ignored."""
    if request is None:
        return ""
    peer = request.META.get("REMOTE_ADDR", "")
    proxies = _trusted_proxies()
    if not proxies or not _is_within(peer, proxies):
        return peer
    client = peer
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _parsed(hop.strip())
        if address is None:  # garbage from further left: the proxy that passed it on is as far as we can see
            break
        client = str(address)
        if not any(address in network for network in proxies):
            break
    return client


def _trusted_proxies() -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    # Read on each call (a handful of entries): tests and `override_settings` change it.
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in settings.HOGO_TRUSTED_PROXIES)


def _is_within(text: str, networks) -> bool:
    address = _parsed(text)
    return address is not None and any(address in network for network in networks)


def _parsed(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None
