"""Which decision governs a day, and whether a new decision fits the household's history.
Pure functions over (kind, effective_from) pairs of approved decisions, in approval order."""

from datetime import date

from hogo.common.wareki import wareki

ASSISTED = ("start", "change")


def governing(approved: list[tuple[str, date]], day: date) -> str | None:
    """The kind of the approved decision in force on `day` (the latest that took effect by then)."""
    current = None
    for kind, effective_from in sorted(approved, key=lambda d: d[1]):
        if effective_from <= day:
            current = kind
    return current


def check_fits(kind: str, effective_from: date, approved: list[tuple[str, date]], retroactive_reason: str = "") -> None:
    """Raise ValueError with a message a caseworker understands when the decision would overlap or
    contradict the approved ones."""
    current = governing(approved, effective_from)
    later = [d for d in approved if d[1] > effective_from]
    if kind == "start":
        if current in ("start", "change", "suspension"):
            raise ValueError(f"{wareki(effective_from)}には既に保護が行われています（開始決定が重なります）。")
        if later:
            raise ValueError(
                f"{wareki(effective_from)}より後に効力を生じる決定があるため、この日からは開始できません。"
            )
        return
    if kind == "rejection":
        return
    allowed = {
        "change": ("start", "change", "suspension"),
        "suspension": ("start", "change"),
        "termination": ("start", "change", "suspension"),
    }[kind]
    if current not in allowed:
        state = {
            None: "保護が行われていない",
            "termination": "保護が廃止されている",
            "rejection": "申請が却下されている",
            "suspension": "保護が停止中の",
        }.get(current, "この")
        raise ValueError(f"{wareki(effective_from)}は{state}時点のため、この決定はできません。")
    if later and not retroactive_reason.strip():
        raise ValueError("現在の決定の効力発生日より前にさかのぼる決定には、遡及の理由が必要です。")
