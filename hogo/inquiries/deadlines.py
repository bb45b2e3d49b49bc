"""When an unanswered inquiry needs the caseworker's attention (issue 19). Pure functions, no Django import.

An application must be decided within 14 days (生活保護法第24条第5項; `hogo.decisions.deadlines`), and a
reply that has not come by then leaves the decision without the facts it needs (seed 000 No.30
「保護決定までに照会結果が分からない」). So a sent inquiry still waiting for its reply is

- red when its reply is overdue (the due date has passed) or when its application's decision deadline has
  passed;
- amber when its application's decision deadline is `NEAR_DAYS` days away or fewer (the deadline day
  included) — the same "near" as the application's own colour (`hogo.decisions.deadlines.urgency`);
- nothing otherwise ("").

Whoever shows it adds the words: `describe` says why, so the colour is never the only sign.
"""

from datetime import date

NEAR_DAYS = 3
AMBER = "amber"
RED = "red"


def level(due_on: date | None, application_deadline: date | None, today: date, near_days: int = NEAR_DAYS) -> str:
    """ "red", "amber" or "" for an inquiry waiting for its reply.

    `due_on` is the reply's due date (None: none set); `application_deadline` the decision deadline of
    the application it serves while that application is undecided (None: no application, or decided).
    """
    if application_deadline is not None and today > application_deadline:
        return RED
    if due_on is not None and today > due_on:
        return RED
    if application_deadline is not None and (application_deadline - today).days <= near_days:
        return AMBER
    return ""


def describe(due_on: date | None, application_deadline: date | None, today: date, near_days: int = NEAR_DAYS) -> str:
    """Why the inquiry has its level, in words for the work list ("" when it has none)."""
    reasons = []
    if application_deadline is not None:
        left = (application_deadline - today).days
        if left < 0:
            reasons.append(f"保護の決定期限を{-left}日過ぎています")
        elif left == 0:
            reasons.append("保護の決定期限は今日です")
        elif left <= near_days:
            reasons.append(f"保護の決定期限まであと{left}日")
    if due_on is not None and today > due_on:
        reasons.append(f"回答期限を{(today - due_on).days}日過ぎています")
    return "・".join(reasons)
