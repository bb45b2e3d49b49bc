"""The household status lifecycle. Pure rules, no Django import.

相談 → 申請中 → 保護中 ⇄ 停止 → 廃止, and 申請中 → 却下. A household that was rejected or
terminated can apply again, and a consultation that led nowhere can be closed (相談終了) and
reopened.
"""

CONSULTATION = "consultation"
APPLYING = "applying"
ACTIVE = "active"
SUSPENDED = "suspended"
TERMINATED = "terminated"
REJECTED = "rejected"
CONSULTATION_CLOSED = "consultation_closed"

LABELS = {
    CONSULTATION: "相談",
    APPLYING: "申請中",
    ACTIVE: "保護中",
    SUSPENDED: "停止",
    TERMINATED: "廃止",
    REJECTED: "却下",
    CONSULTATION_CLOSED: "相談終了",
}

TRANSITIONS: dict[str, frozenset[str]] = {
    CONSULTATION: frozenset({APPLYING, CONSULTATION_CLOSED}),
    CONSULTATION_CLOSED: frozenset({CONSULTATION, APPLYING}),
    APPLYING: frozenset({ACTIVE, REJECTED}),
    ACTIVE: frozenset({SUSPENDED, TERMINATED}),
    SUSPENDED: frozenset({ACTIVE, TERMINATED}),
    TERMINATED: frozenset({CONSULTATION, APPLYING}),
    REJECTED: frozenset({CONSULTATION, APPLYING}),
}


def allowed_next(status: str) -> list[str]:
    return sorted(TRANSITIONS.get(status, frozenset()), key=list(LABELS).index)


def check_transition(current: str, new: str) -> None:
    if new not in TRANSITIONS.get(current, frozenset()):
        raise ValueError(f"「{LABELS.get(current, current)}」から「{LABELS.get(new, new)}」へは変更できません。")


# Statuses an application or an approved decision sets (生活保護法第24条・第25条・第26条); a caseworker
# sets only the consultation ones by hand.
SET_BY_DECISION = frozenset({APPLYING, ACTIVE, SUSPENDED, TERMINATED, REJECTED})


def allowed_by_hand(status: str) -> list[str]:
    return [s for s in allowed_next(status) if s not in SET_BY_DECISION]
