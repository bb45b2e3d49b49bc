"""Figures on the 14-day rule (生活保護法第24条第5項): days from application to decision, the share
decided within 14 days by office and caseworker, and open applications past their deadline."""

from dataclasses import dataclass
from datetime import date

from hogo.households.scoping import active_assignments

from .deadlines import STANDARD_DAYS, decision_deadline
from .models import Application


@dataclass
class Share:
    name: str
    decided: int
    within_14: int
    average_days: float | None

    @property
    def percent(self) -> int | None:
        return round(self.within_14 * 100 / self.decided) if self.decided else None


def application_figures(households, since: date, today: date) -> dict:
    """For the applications of these households received since `since`."""
    rows = list(
        Application.objects.filter(household__in=households, received_on__gte=since).values(
            "public_id", "household_id", "household__case_number", "received_on", "decided_on", "extended_days"
        )
    )
    caseworker_of = dict(
        active_assignments(today)
        .filter(household_id__in={r["household_id"] for r in rows})
        .values_list("household_id", "caseworker__name")
    )
    by_cw: dict[str, list[int]] = {}
    decided_days, overdue = [], []
    for r in rows:
        deadline = decision_deadline(r["received_on"], r["extended_days"])
        if r["decided_on"]:
            days = (r["decided_on"] - r["received_on"]).days
            decided_days.append(days)
            by_cw.setdefault(caseworker_of.get(r["household_id"], "（未割当）"), []).append(days)
        elif today > deadline:
            overdue.append({**r, "deadline": deadline, "days_over": (today - deadline).days})

    def share(name, days):
        return Share(
            name,
            len(days),
            sum(1 for d in days if d <= STANDARD_DAYS),
            round(sum(days) / len(days), 1) if days else None,
        )

    return {
        "office": share("事務所全体", decided_days),
        "caseworkers": [share(name, days) for name, days in sorted(by_cw.items())],
        "overdue": sorted(overdue, key=lambda r: -r["days_over"]),
        "open": sum(1 for r in rows if not r["decided_on"]),
    }
