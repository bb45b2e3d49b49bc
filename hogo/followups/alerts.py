"""Alerts other apps add to the caseworker's 「今日の仕事」 and the supervisor's 「係の状況」.

Follow-ups are generated rows; some deadlines live on another app's own records instead (an inquiry waiting
for its reply). Such an app registers, from its `AppConfig.ready()`, an `AlertSource`:

- `own(user, today)`: the alerts of the user's own caseload (the caseworker's work list);
- `team(user, today, office)`: the alerts of the households the user supervises in that office, each with its
  current caseworker (the dashboard counts them per caseworker and lists them).

Each returns only what that user may see, and [] for a user who has no part in it. The followups app never
imports the source's app. Registering the same key again replaces the source, so `ready()` may run twice.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

AMBER = "amber"
RED = "red"
# The work list's colours (hogo/common/static/hogo/app.css): red is "overdue", amber is "due".
URGENCY_OF_LEVEL = {RED: "overdue", AMBER: "due"}
LEVEL_LABELS = {RED: "期限切れ", AMBER: "期限間近"}


@dataclass(frozen=True)
class Alert:
    level: str  # "red" or "amber"
    title: str
    when: str  # why, in words ("保護の決定期限まであと2日")
    due_on: date  # the date shown beside it
    due_label: str  # what that date is ("回答期限")
    link: str
    household: Any  # case_number is shown
    target_id: str = ""  # the public id of the record, for the audit entry of a list that shows it
    caseworker_id: int | None = None
    head_name: str = ""
    caseworker: str = ""  # the caseworker's name, filled in for the dashboard

    @property
    def urgency(self) -> str:
        return URGENCY_OF_LEVEL[self.level]

    @property
    def urgency_label(self) -> str:
        return LEVEL_LABELS[self.level]


@dataclass(frozen=True)
class AlertSource:
    key: str
    label: str  # the heading of its list and of its column on the dashboard
    order: int
    own: Callable[[Any, date], list[Alert]]
    team: Callable[[Any, date, Any], list[Alert]]


@dataclass
class Group:
    source: AlertSource
    alerts: list[Alert]

    @property
    def red(self) -> int:
        return sum(a.level == RED for a in self.alerts)


_sources: dict[str, AlertSource] = {}


def register_alert_source(source: AlertSource) -> None:
    _sources[source.key] = source


def sources() -> list[AlertSource]:
    return sorted(_sources.values(), key=lambda s: (s.order, s.key))


def _in_order(alerts: list[Alert]) -> list[Alert]:
    return sorted(alerts, key=lambda a: (a.level != RED, a.due_on, a.household.case_number or "", a.title))


def own_groups(user, today: date) -> list[Group]:
    """The alerts of the user's caseload, by source (sources with none left out), red first."""
    groups = [Group(source, _in_order(source.own(user, today))) for source in sources()]
    return [g for g in groups if g.alerts]


def team_groups(user, today: date, office, caseworker_names: dict | None = None) -> list[Group]:
    """The alerts of the supervisor's team in the office, by source (every source, even with none), each
    with its caseworker's name from `caseworker_names` (by staff id)."""
    names = caseworker_names or {}
    return [
        Group(
            source,
            _in_order(
                [replace(a, caseworker=names.get(a.caseworker_id, "")) for a in source.team(user, today, office)]
            ),
        )
        for source in sources()
    ]


def counts_by_caseworker(groups: list[Group], caseworker_ids) -> dict[int, list[dict]]:
    """Per caseworker: one {"label", "total", "red"} per source, in the sources' order."""
    return {
        cw: [
            {
                "label": g.source.label,
                "total": sum(a.caseworker_id == cw for a in g.alerts),
                "red": sum(a.caseworker_id == cw and a.level == RED for a in g.alerts),
            }
            for g in groups
        ]
        for cw in caseworker_ids
    }
