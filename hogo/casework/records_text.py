"""A visit's checklist becomes a draft case record in plain Japanese, which the caseworker edits.
Pure functions, no Django import."""

import re
from dataclasses import dataclass

CHECKLIST = [
    ("living", "生活状況"),
    ("health", "健康状態"),
    ("income_work", "収入・就労の変化"),
    ("children", "子どもの就学"),
    ("room", "居室の状況"),
    ("requests", "本人からの要望"),
]
FINDINGS = {"same": "変化なし", "changed": "変化あり", "not_applicable": "該当なし", "": "未確認"}
TO_FILL = "（記入してください）"
DEFAULT_REQUIRED = {
    "visit": ["訪問日", "面接者", "生活状況", "健康状態", "収入・就労の変化", "今後の方針"],
    "phone": ["日時", "相手", "内容", "今後の方針"],
    "office_visit": ["来所者", "内容", "今後の方針"],
    "agency": ["関係機関", "内容", "今後の方針"],
    "decision_note": ["決定の内容", "理由"],
}


@dataclass(frozen=True)
class Finding:
    key: str
    result: str  # same / changed / not_applicable / ""
    note: str = ""


def draft_visit_record(visited_on_label: str, met: str, findings: list[Finding], policy: str = "") -> str:
    labels = dict(CHECKLIST)
    lines = [f"【訪問日】{visited_on_label}（家庭訪問）", f"【面接者】{met or TO_FILL}"]
    for finding in findings:
        result = FINDINGS.get(finding.result, "未確認")
        note = finding.note.strip()
        if finding.result == "changed" and not note:
            note = TO_FILL
        parts = [result] + ([note] if note else [])
        lines.append(f"【{labels[finding.key]}】" + "。".join(p.rstrip("。") for p in parts) + "。")
    lines.append(f"【今後の方針】{policy.strip() or TO_FILL}")
    return "\n".join(lines)


def missing_items(body: str, required: list[str]) -> list[str]:
    """Required headings that are absent, empty, still say 記入してください, or were left 未確認."""
    missing = []
    for item in required:
        match = re.search(rf"【{re.escape(item)}】([^\n【]*)", body)
        content = match.group(1).strip() if match else ""
        if not content or TO_FILL in content or content.startswith(FINDINGS[""]):
            missing.append(item)
    return missing
