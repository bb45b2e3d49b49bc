"""Optional: a draft case record from the caseworker's own interview notes, through an
OpenAI-compatible chat-completions endpoint the office configures (HOGO_DRAFT_ENDPOINT). Off by
default — `enabled()` is false and nothing here opens a connection. The draft is shown beside its
input and is never saved unless the caseworker edits and saves it as a record."""
import json
import urllib.error
import urllib.request

from django.conf import settings

TIMEOUT_SECONDS = 30
MAX_NOTES = 8000
INSTRUCTIONS = (
    "あなたは福祉事務所のケースワーカーの記録作成を手伝います。次のメモだけを根拠に、ケース記録の下書きを"
    "平易な日本語で書いてください。メモにないことは書かないでください。各項目は【見出し】内容 の形で、"
    "次の見出しを使います: {items}。分からない項目は「（記入してください）」としてください。"
)


class DraftUnavailable(Exception):
    """The endpoint is not configured, or did not answer with a draft."""


def enabled() -> bool:
    return bool(settings.HOGO_DRAFT_ENDPOINT)


def draft_from_notes(notes: str, required_items: list[str]) -> str:
    if not enabled():
        raise DraftUnavailable("下書きの自動作成は設定されていません。")
    notes = (notes or "").strip()
    if not notes:
        raise DraftUnavailable("メモを入力してください。")
    if len(notes) > MAX_NOTES:
        raise DraftUnavailable(f"メモが長すぎます（{MAX_NOTES}文字まで）。")
    payload = {
        "model": settings.HOGO_DRAFT_MODEL or "default",
        "temperature": 0,
        "messages": [{"role": "system", "content": INSTRUCTIONS.format(items="、".join(required_items))},
                     {"role": "user", "content": notes}],
    }
    request = urllib.request.Request(settings.HOGO_DRAFT_ENDPOINT.rstrip("/") + "/chat/completions",
                                     data=json.dumps(payload, ensure_ascii=False).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    if settings.HOGO_DRAFT_API_KEY:
        request.add_header("Authorization", f"Bearer {settings.HOGO_DRAFT_API_KEY}")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            answer = json.loads(response.read().decode("utf-8"))
        text = answer["choices"][0]["message"]["content"].strip()
    except (urllib.error.URLError, TimeoutError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise DraftUnavailable(f"下書きを作れませんでした（{type(exc).__name__}）。メモから直接記録を書いてください。") from exc
    if not text:
        raise DraftUnavailable("下書きが空でした。")
    return text
