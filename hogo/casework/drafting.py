"""Optional: a draft case record from the caseworker's own interview notes, through the office's
OpenAI-compatible endpoint (hogo.common.llm; off by default, no connection otherwise). The draft
is shown beside its input and is never saved unless the caseworker edits and saves it."""

from hogo.common import llm

MAX_NOTES = 8000
INSTRUCTIONS = (
    "あなたは福祉事務所のケースワーカーの記録作成を手伝います。次のメモだけを根拠に、ケース記録の下書きを"
    "平易な日本語で書いてください。メモにないことは書かないでください。各項目は【見出し】内容 の形で、"
    "次の見出しを使います: {items}。分からない項目は「（記入してください）」としてください。"
)


class DraftUnavailable(Exception):
    """The endpoint is not configured, or did not answer with a draft."""


def enabled() -> bool:
    return llm.enabled()


def draft_from_notes(notes: str, required_items: list[str]) -> str:
    if not enabled():
        raise DraftUnavailable("下書きの自動作成は設定されていません。")
    notes = (notes or "").strip()
    if not notes:
        raise DraftUnavailable("メモを入力してください。")
    if len(notes) > MAX_NOTES:
        raise DraftUnavailable(f"メモが長すぎます（{MAX_NOTES}文字まで）。")
    try:
        return llm.chat(INSTRUCTIONS.format(items="、".join(required_items)), notes)
    except llm.Unavailable as exc:
        raise DraftUnavailable(
            f"下書きを作れませんでした（{str(exc).strip('。')}）。メモから直接記録を書いてください。"
        ) from exc
