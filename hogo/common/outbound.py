"""The only way out (issue 22, DESIGN.md "Two zones"): the core lives in the isolated
マイナンバー利用事務系 network and connects to nothing but the hosts an office lists in
HOGO_OUTBOUND_ALLOWED (comma-separated `host:port`, IPv6 as `[addr]:port`). Loopback never leaves
the machine and is always allowed.

Enforced in three places: `require_allowed` before the drafting endpoint is called (hogo/common/llm.py,
through `urlopen` here, which also ignores proxy variables and refuses redirects off the list); the
SMTP backend here, before it connects; and the system checks in hogo/common/checks.py, which refuse
to start a command with an endpoint or mail relay off the list. The portal's SMS/LINE gateways
(hogo/portal_notify/delivery.py, decision 0039) go through `urlopen` too, checked by hogo.E024."""

import ipaddress
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail.backends.smtp import EmailBackend

DEFAULT_PORTS = {"http": 80, "https": 443, "smtp": 25, "smtps": 465}
LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}
# The core's own network: loopback, RFC 1918 and the IPv6 equivalent (unique local addresses).
PRIVATE_NETWORKS = [
    ipaddress.ip_network(n)
    for n in ("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7")
]


class OutboundRefused(Exception):
    """A connection to a host:port that is not on HOGO_OUTBOUND_ALLOWED; the message names it."""

    def __init__(self, host: str, port: int | None):
        self.host, self.port = host, port
        target = f"{host}:{port}" if port is not None else host
        super().__init__(f"{target} は接続を許可された宛先（HOGO_OUTBOUND_ALLOWED）にありません。")


def ip_of(host: str):
    try:
        return ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return None


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower().rstrip(".") in LOOPBACK_NAMES:
        return True
    address = ip_of(host)
    if address is not None and getattr(address, "ipv4_mapped", None):
        address = address.ipv4_mapped
    return address is not None and address.is_loopback


def is_private(host: str) -> bool:
    """Loopback or a private address (RFC 1918, IPv6 unique local). A name is judged by nothing but
    itself: `localhost` is loopback, any other name is not known to be private."""
    if is_loopback(host):
        return True
    address = ip_of(host)
    return address is not None and any(address in network for network in PRIVATE_NETWORKS)


def _norm(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    address = ip_of(host)
    return str(address) if address is not None else host


def parse_entry(entry: str) -> tuple[str, int]:
    """`host:port` or `[v6addr]:port` -> (host, port); ValueError naming the entry otherwise."""
    entry = entry.strip()
    if entry.startswith("["):
        host, sep, port = entry[1:].partition("]:")
    else:
        host, sep, port = entry.rpartition(":")
    if not sep or not host or (":" in host and not entry.startswith("[")) or not port.isdigit():
        raise ValueError(f"HOGO_OUTBOUND_ALLOWED の「{entry}」は host:port（IPv6 は [アドレス]:port）ではありません。")
    if not 0 < int(port) < 65536:
        raise ValueError(f"HOGO_OUTBOUND_ALLOWED の「{entry}」のポート番号が範囲外です。")
    return _norm(host), int(port)


def entries() -> list[tuple[str, int]]:
    return [parse_entry(e) for e in getattr(settings, "HOGO_OUTBOUND_ALLOWED", []) if e.strip()]


def allowed(host: str, port: int | None) -> bool:
    if is_loopback(host):
        return True
    if port is None:
        return False
    return (_norm(host), int(port)) in entries()


def target(url_or_host: str, port: int | None = None) -> tuple[str, int | None]:
    """(host, port) of a URL (`http://h:p/…`, the scheme's port when none), a `host:port` or a bare host."""
    if "://" in url_or_host:
        parts = urlsplit(url_or_host)
        try:
            url_port = parts.port
        except ValueError:
            url_port = None
        return parts.hostname or "", port or url_port or DEFAULT_PORTS.get(parts.scheme.lower())
    if port is None and (url_or_host.startswith("[") or url_or_host.count(":") == 1):
        try:
            return parse_entry(url_or_host)
        except ValueError:
            pass
    return url_or_host.strip("[]"), port


def require_allowed(url_or_host: str, port: int | None = None) -> tuple[str, int | None]:
    """Raise OutboundRefused, naming the host, unless the destination is on the allow-list."""
    host, port = target(url_or_host, port)
    if not host or not allowed(host, port):
        raise OutboundRefused(host or url_or_host, port)
    return host, port


class _RedirectsOnTheList(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        require_allowed(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def urlopen(request: urllib.request.Request, timeout: float):
    """urllib's urlopen for an allowed destination: checked before connecting, with the proxy
    variables ignored (a proxy would be the real peer) and a redirect followed only onto the list."""
    require_allowed(request.full_url)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _RedirectsOnTheList())
    return opener.open(request, timeout=timeout)


class SMTPBackend(EmailBackend):
    """Django's SMTP backend that connects only to an allowed relay (EMAIL_HOST:EMAIL_PORT)."""

    def open(self):
        if self.connection is None:
            require_allowed(self.host, self.port)
        return super().open()
