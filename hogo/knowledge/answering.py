"""Optional: an answer drafted from the retrieved passages through the office's endpoint
(hogo.common.llm; off by default). The text may cite only the passages it was given: an answer
that cites anything else is not shown."""

import re

from hogo.common import llm

INSTRUCTIONS = (
    "あなたは福祉事務所の職員の調べものを手伝います。次に番号付きで示す条文だけを根拠に、質問に短く答えてください。"
    "根拠にした条文は必ず [1] のように番号で示し、示していない条文や通知を引用してはいけません。"
    "分からない場合は「示された条文からは分かりません」と答えてください。最後に判断は職員が行う旨を書かないでください。"
)
CITED_ARTICLE = re.compile(r"(第[0-9０-９一二三四五六七八九十百]+条(?:の[0-9０-９一二三四五六七八九十]+)*)")


class AnswerRefused(Exception):
    pass


def draft_answer(question: str, hits) -> str:
    if not hits:
        raise AnswerRefused("根拠になる条文が見つからないため、回答は作りません。")
    numbered = "\n".join(f"[{i}] {h.citation}: {h.text}" for i, h in enumerate(hits, start=1))
    try:
        text = llm.chat(INSTRUCTIONS, f"質問: {question}\n\n条文:\n{numbered}")
    except llm.Unavailable as exc:
        raise AnswerRefused(str(exc)) from exc
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    if not numbers or any(not 1 <= n <= len(hits) for n in numbers):
        raise AnswerRefused("生成した回答が示した条文を番号で引用していないため、表示しません。")
    allowed = {m for h in hits for m in CITED_ARTICLE.findall(h.citation)}
    foreign = [m for m in CITED_ARTICLE.findall(text) if m not in allowed]
    if foreign:
        raise AnswerRefused(f"生成した回答が示していない条文（{'、'.join(foreign)}）を引用したため、表示しません。")
    return text
