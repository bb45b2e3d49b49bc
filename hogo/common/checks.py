"""System checks for the outbound allow-list (issue 22). The errors run with every management
command (`hogo check`, `hogo check --deploy`, `hogo migrate`, `hogo followups nightly`, …), so a
drafting endpoint or a mail relay that is not on HOGO_OUTBOUND_ALLOWED stops Hogo at start-up; the
warnings run with `hogo check --deploy`."""

import socket

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from hogo.common import outbound

# E-mail backends that connect nowhere, or only to EMAIL_HOST:EMAIL_PORT (checked below).
KNOWN_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.smtp.EmailBackend",
    "hogo.common.outbound.SMTPBackend",
}


@register(Tags.security)
def outbound_destinations_are_allowed(app_configs, **kwargs):
    problems = []
    for entry in getattr(settings, "HOGO_OUTBOUND_ALLOWED", []):
        try:
            outbound.parse_entry(entry)
        except ValueError as exc:
            problems.append(Error(str(exc), hint="例: 10.1.2.3:25,[fd00::5]:8000", id="hogo.E021"))
    if problems:
        return problems
    endpoint = getattr(settings, "HOGO_DRAFT_ENDPOINT", "")
    if endpoint and not outbound.allowed(*outbound.target(endpoint)):
        host, port = outbound.target(endpoint)
        problems.append(
            Error(
                f"文章生成サービス HOGO_DRAFT_ENDPOINT の宛先 {host}:{port} が HOGO_OUTBOUND_ALLOWED にありません。",
                hint=f"事務所のネットワーク内の宛先なら HOGO_OUTBOUND_ALLOWED に {host}:{port} を加えてください。",
                id="hogo.E022",
            )
        )
    if settings.EMAIL_HOST and not outbound.allowed(settings.EMAIL_HOST, settings.EMAIL_PORT):
        problems.append(
            Error(
                f"メールの中継サーバー {settings.EMAIL_HOST}:{settings.EMAIL_PORT}（HOGO_EMAIL_HOST, HOGO_EMAIL_PORT）"
                " が HOGO_OUTBOUND_ALLOWED にありません。",
                hint=f"事務所のネットワーク内の中継サーバーなら HOGO_OUTBOUND_ALLOWED に"
                f" {settings.EMAIL_HOST}:{settings.EMAIL_PORT} を加えてください。",
                id="hogo.E023",
            )
        )
    return problems


def _addresses(host: str) -> list[str]:
    """The addresses a name resolves to (the office's own resolver); empty when it does not."""
    try:
        return sorted({info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)})
    except (OSError, UnicodeError):
        return []


@register(Tags.security, deploy=True)
def the_core_reaches_only_its_own_network(app_configs, **kwargs):
    if getattr(settings, "ZONE", None) != "core":
        return []
    problems = []
    try:
        entries = outbound.entries()
    except ValueError:
        entries = []  # hogo.E021 says so
    for host, port in entries:
        if outbound.is_private(host):
            continue
        resolved = [] if outbound.ip_of(host) is not None else _addresses(host)
        if resolved and all(outbound.is_private(a) for a in resolved):
            continue
        where = f"（{', '.join(resolved)} に解決）" if resolved else ""
        problems.append(
            Warning(
                f"HOGO_OUTBOUND_ALLOWED の {host}:{port}{where} はループバックでも"
                " 私設アドレス（RFC 1918）でもありません。コアは隔離されたネットワークの外へ接続しません。",
                hint="コアの宛先は事務所のネットワーク内（10/8, 172.16/12, 192.168/16）に限ってください。",
                id="hogo.W021",
            )
        )
    backend = getattr(settings, "EMAIL_BACKEND", "")
    if backend not in KNOWN_EMAIL_BACKENDS:
        problems.append(
            Warning(
                f"メールの送信方式 {backend}（HOGO_EMAIL_BACKEND）は、接続先が許可リストの中か確かめられません。",
                hint="SMTP（HOGO_EMAIL_HOST）か console を使ってください。",
                id="hogo.W022",
            )
        )
    return problems
