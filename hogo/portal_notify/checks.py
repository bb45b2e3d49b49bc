"""System check for notifications out of the portal (decision 0039), next to hogo.E021–E023 of
hogo/common/checks.py: an SMS or LINE gateway that is not on HOGO_OUTBOUND_ALLOWED stops the portal at
start-up instead of failing every delivery."""

from django.conf import settings
from django.core.checks import Error, Tags, register

from hogo.common import outbound


@register(Tags.security)
def notification_gateways_are_allowed(app_configs, **kwargs):
    problems = []
    for name in ("HOGO_PORTAL_SMS_URL", "HOGO_PORTAL_LINE_URL"):
        url = getattr(settings, name, "")
        if not url:
            continue
        try:
            host, port = outbound.target(url)
            ok = bool(host) and outbound.allowed(host, port)
        except ValueError:  # a malformed allow-list: hogo.E021 says so
            continue
        if not url.lower().startswith(("https://", "http://")):
            problems.append(Error(f"{name} は http(s):// で始まる URL ではありません。", id="hogo.E024"))
        elif not ok:
            problems.append(
                Error(
                    f"通知の送信サービス {name} の宛先 {host}:{port} が HOGO_OUTBOUND_ALLOWED にありません。",
                    hint=f"この宛先に送るなら HOGO_OUTBOUND_ALLOWED に {host}:{port} を加えてください。",
                    id="hogo.E024",
                )
            )
    return problems
