"""The monthly benefit ledger: which approved decisions govern each month and what is owed.
Pure functions, no Django import.

A month is split at every effective date inside it; each part is owed the governing decision's
monthly amounts for its days (日割: amount × days ÷ days in the month, rounded up to the yen — the
same unconfirmed rule as the engine's proration, standards/proration.json). After a suspension,
termination or rejection nothing is owed, medical and care assistance included: they end with the
case.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

ASSISTANCE = ("living", "housing", "education", "occupational", "care", "medical")
PAYING = ("start", "change")


@dataclass(frozen=True)
class Approved:
    id: int
    kind: str
    effective_from: date
    amounts: dict


@dataclass
class Month:
    month: date
    owed: dict[str, int]
    governing: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.owed.values())


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
    governing = []
    for i, (start, decision) in enumerate(cuts):
        end = cuts[i + 1][0] - timedelta(days=1) if i + 1 < len(cuts) else last
        if decision is None or end < start:
            continue
        governing.append(decision.id)
        if decision.kind not in PAYING:
            continue
        days = (end - start).days + 1
        for kind in ASSISTANCE:
            amount = int(decision.amounts.get(kind, 0))
            owed[kind] += amount if days == days_in_month else _prorate(amount, days, days_in_month)
    return Month(month, owed, list(dict.fromkeys(governing)))


def ledger(decisions: list[Approved], first: date, last: date) -> list[Month]:
    return [owed_for(decisions, m) for m in months_between(first, last)]


def differences(before: list[Approved], after: list[Approved], first: date, last: date) -> list[tuple[date, str, int]]:
    """(month, assistance, after − before) for every month and assistance whose amount differs:
    positive is owed to the household (追加支給), negative was paid too much (返還の候補, 法第63条)."""
    out = []
    for month in months_between(first, last):
        old, new = owed_for(before, month).owed, owed_for(after, month).owed
        out += [(month, kind, new[kind] - old[kind]) for kind in ASSISTANCE if new[kind] != old[kind]]
    return out
