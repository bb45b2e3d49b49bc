"""期限切れの確認事項 on a day: items due before it and not done by it, by the household's caseworker (by
number); an item done later still counts for the days before; a withdrawn item never counts. The
12-month trend counts the same."""

from datetime import date

import pytest
from django.utils import timezone

from hogo.followups.models import FollowUp
from hogo.households.models import Household
from hogo.reports import queries, services
from hogo.reports.queries import staff_label

from .report_helpers import row, table


@pytest.fixture(autouse=True)
def late_enough(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 3))


def item(household, key, due, **more):
    created = timezone.make_aware(timezone.datetime(2026, 9, 1))
    made = FollowUp.objects.create(
        household=household, source="rule", key=key, title="確認", due_on=due, warn_on=due, **more
    )
    FollowUp.objects.filter(pk=made.pk).update(created_at=created)
    return made


def test_items_are_overdue_until_done_and_withdrawn_ones_never(cast):
    own, mate = cast.households["own"], cast.households["mate"]
    item(own, "a", date(2026, 10, 10))  # open: overdue at the end of October and November
    item(own, "b", date(2026, 10, 20), state="done", done_on=date(2026, 11, 5))  # overdue in October only
    item(mate, "c", date(2026, 11, 15))  # overdue at the end of November
    item(mate, "d", date(2026, 10, 1), state="withdrawn")
    office = Household.objects.filter(office=cast.office_a)
    assert queries.overdue_totals(office, [date(2026, 10, 31), date(2026, 11, 30)]) == [2, 2]
    run = services.run_now(cast.users["chief"], cast.office_a, "followups", "2026-10")
    assert row(run, "followups", staff_label(cast.staff["cw"].pk))[0] == 2
    assert staff_label(cast.staff["cw_mate"].pk) not in dict(table(run, "followups")["rows"])
    run = services.run_now(cast.users["chief"], cast.office_a, "followups", "2026-11")
    assert row(run, "followups", staff_label(cast.staff["cw"].pk))[0] == 1
    assert row(run, "followups", staff_label(cast.staff["cw_mate"].pk))[0] == 1
    assert row(run, "followups", "合計")[0] == 2
