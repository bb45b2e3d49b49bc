"""An OpenAI-compatible chat-completions endpoint an office may configure inside its network
(HOGO_DRAFT_ENDPOINT, HOGO_DRAFT_MODEL, HOGO_DRAFT_API_KEY). Off by default: `enabled()` is false
and nothing here opens a connection. Used for record drafts (casework) and answer drafts
(knowledge); every caller shows the text beside its sources and never saves it on its own."""

import json
import urllib.error
import urllib.request

from django.conf import settings

from hogo.common import outbound

TIMEOUT_SECONDS = 30


class Unavailable(Exception):
    """Not configured, or no usable answer; the message says which."""


def enabled() -> bool:
    return bool(settings.HOGO_DRAFT_ENDPOINT)


def chat(system: str, user: str) -> str:
    if not enabled():
        raise Unavailable("文章生成サービスは設定されていません。")
    payload = {
        "model": settings.HOGO_DRAFT_MODEL or "default",
        "temperature": 0,
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
    }
    request = urllib.request.Request(
        settings.HOGO_DRAFT_ENDPOINT.rstrip("/") + "/chat/completions",
        data=json.dumps(payload, ensure_ascii=False).encode(),
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    if settings.HOGO_DRAFT_API_KEY:
        request.add_header("Authorization", f"Bearer {settings.HOGO_DRAFT_API_KEY}")
    try:
        # only to a host on HOGO_OUTBOUND_ALLOWED (or loopback); checked before connecting
        with outbound.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            answer = json.loads(response.read().decode("utf-8"))
        text = answer["choices"][0]["message"]["content"].strip()
    except outbound.OutboundRefused as exc:
        raise Unavailable(str(exc)) from exc
    except (urllib.error.URLError, TimeoutError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise Unavailable(f"文章を作れませんでした（{type(exc).__name__}）。") from exc
    if not text:
        raise Unavailable("文章が空でした。")
    return text
