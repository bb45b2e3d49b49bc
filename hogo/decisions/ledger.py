"""The monthly benefit ledger: which approved decisions govern each month and what is owed.
Pure functions, no Django import.

A month is split at every effective date inside it; each part is owed the governing decision's
monthly amounts for its days (日割: amount × days ÷ days in the month, rounded up to the yen — the
same unconfirmed rule as the engine's proration, standards/proration.json). After a suspension,
termination or rejection nothing is owed, medical and care assistance included: they end with the
case.

A decision's one-time items (期末一時扶助, `Decision.one_time`, decision 0016) are owed once, whole,
in their month, as their own line beside the monthly amounts: from the last paying decision that
governs part of that month and carries items for it.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

ASSISTANCE = ("living", "housing", "education", "occupational", "care", "medical")
ONE_TIME = ("year_end",)
PAYING = ("start", "change")


@dataclass(frozen=True)
class Approved:
    id: int
    kind: str
    effective_from: date
    amounts: dict
    one_time: dict = field(default_factory=dict)  # {"year_end": 14500, "month": "2026-12"}


def approved_from(decision) -> Approved:
    """A decision (any object with its fields) as the ledger reads it."""
    return Approved(
        decision.pk, decision.kind, decision.effective_from, decision.amounts, getattr(decision, "one_time", None) or {}
    )


@dataclass
class Month:
    month: date
    owed: dict[str, int]
    governing: list[int] = field(default_factory=list)
    one_time: dict[str, int] = field(default_factory=dict)  # paid once this month, beside the monthly amounts

    @property
    def monthly(self) -> int:
        return sum(self.owed.values())

    @property
    def total(self) -> int:
        return self.monthly + sum(self.one_time.values())


def months_between(first: date, last: date) -> list[date]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def _prorate(amount: int, days: int, days_in_month: int) -> int:
    return -(-amount * days // days_in_month)


def owed_for(decisions: list[Approved], month: date) -> Month:
    """What the decisions (in approval order) owe for one month."""
    days_in_month = calendar.monthrange(month.year, month.month)[1]
    last = month.replace(day=days_in_month)
    ordered = sorted(enumerate(decisions), key=lambda p: (p[1].effective_from, p[0]))
    in_force = None
    for _, d in ordered:
        if d.effective_from <= month:
            in_force = d
    cuts = [(month, in_force)] + [(d.effective_from, d) for _, d in ordered if month < d.effective_from <= last]
    owed = dict.fromkeys(ASSISTANCE, 0)
    governing, one_time, key = [], {}, f"{month.year}-{month.month:02d}"
    for i, (start, decision) in enumerate(cuts):
        end = cuts[i + 1][0] - timedelta(days=1) if i + 1 < len(cuts) else last
        if decision is None or end < start:
            continue
        governing.append(decision.id)
        if decision.kind not in PAYING:
            continue
        if decision.one_time.get("month") == key:
            one_time = {k: int(decision.one_time[k]) for k in ONE_TIME if decision.one_time.get(k)}
        days = (end - start).days + 1
        for kind in ASSISTANCE:
            amount = int(decision.amounts.get(kind, 0))
            owed[kind] += amount if days == days_in_month else _prorate(amount, days, days_in_month)
    return Month(month, owed, list(dict.fromkeys(governing)), one_time)


def ledger(decisions: list[Approved], first: date, last: date) -> list[Month]:
    return [owed_for(decisions, m) for m in months_between(first, last)]


def differences(before: list[Approved], after: list[Approved], first: date, last: date) -> list[tuple[date, str, int]]:
    """(month, assistance, after − before) for every month and assistance whose amount differs:
    positive is owed to the household (追加支給), negative was paid too much (返還の候補, 法第63条)."""
    out = []
    for month in months_between(first, last):
        old, new = owed_for(before, month), owed_for(after, month)
        old_owed, new_owed = {**old.owed, **old.one_time}, {**new.owed, **new.one_time}
        for kind in ASSISTANCE + ONE_TIME:
            change = new_owed.get(kind, 0) - old_owed.get(kind, 0)
            if change:
                out.append((month, kind, change))
    return out
