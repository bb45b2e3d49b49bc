"""Legal deadlines of an application. Pure functions, no Django import.

生活保護法第24条第5項: the decision must be notified 「申請のあつた日から十四日以内」; where the
investigation of the persons liable for support or another special reason takes time, this may be
extended to thirty days (ただし書), and the notice must then state the reason (第6項). After thirty
days without a notice the applicant may deem the application rejected (第7項).
Periods in days do not count the first day (民法第140条), so the deadline is the receipt date plus
14 (or up to 30) calendar days; weekends and holidays do not move it (民法第142条 applies only
where no business is done by custom on that day, which a welfare office's legal deadline does not
assume).
"""

from datetime import date, timedelta

STANDARD_DAYS = 14
MAXIMUM_DAYS = 30


def decision_deadline(received_on: date, extended_days: int | None = None) -> date:
    """The last day on which the decision may be notified."""
    days = STANDARD_DAYS if extended_days is None else extended_days
    if not STANDARD_DAYS <= days <= MAXIMUM_DAYS:
        raise ValueError(f"期限の延長は{STANDARD_DAYS}日を超え{MAXIMUM_DAYS}日までです（法第24条第5項ただし書）")
    return received_on + timedelta(days=days)


def deemed_rejection_date(received_on: date) -> date:
    """From the day after this, the applicant may deem the application rejected (法第24条第7項)."""
    return received_on + timedelta(days=MAXIMUM_DAYS)


def urgency(deadline: date, today: date) -> str:
    """How a screen colours an open application: ok, near (3 days or fewer left), today, overdue."""
    left = (deadline - today).days
    if left < 0:
        return "overdue"
    if left == 0:
        return "today"
    if left <= 3:
        return "near"
    return "ok"
