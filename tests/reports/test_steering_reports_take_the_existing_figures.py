"""The steering reports take the figures other parts of Hogo already compute, so the numbers agree with
the screens people know: spending is what the benefit ledger owes, month by month; the collection rate is
the receivables figures'; the 14-day share is the 14-day figures'; the 福祉行政報告例 counts the applications
received and decided in the month."""

from datetime import date

import pytest
from django.utils import timezone

from hogo.decisions import ledger
from hogo.decisions.figures import application_figures
from hogo.decisions.models import Application
from hogo.households.models import Household
from hogo.receivables.services import figures
from hogo.reports import queries

from ..decisions.change_helpers import under_start_decision
from .report_helpers import computed, row, table


@pytest.fixture(autouse=True)
def late_enough(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 3))


def test_spending_by_kind_and_month_is_what_the_ledger_owes(cast):
    for key, cw in (("own", "cw"), ("mate", "cw_mate")):
        under_start_decision(cast.households[key], cast.users[cw])
    run = computed(cast.users["clerk"], cast.office_a, report="spending", month="2026-11")
    months = table(run, "spending")["rows"]
    assert [label for label, _ in months] == [f"令和8年{m}月" for m in range(4, 12)] + ["年度計"]
    decisions = queries.approved_decisions(Household.objects.filter(office=cast.office_a))
    november = [ledger.owed_for(d, date(2026, 11, 1)) for d in decisions.values()]
    expected_living = sum(m.owed["living"] for m in november)
    assert expected_living > 0
    living, *_rest, total = row(run, "spending", "令和8年11月")
    assert living == expected_living and total == sum(m.total for m in november)
    assert row(run, "spending", "年度計")[-1] == sum(values[-1] for label, values in months if label != "年度計")


def test_the_collection_rate_is_the_receivables_figures(cast):
    run = computed(cast.users["chief"], cast.office_a, report="receivables", month="2026-11")
    f = figures(cast.office_a.pk, date(2026, 11, 30))
    assert row(run, "collection", "合計")[:2] == [f["charged"], f["collected"]]


def test_the_14_day_share_is_the_14_day_figures(cast):
    own = cast.households["own"]
    for received, decided in ((date(2026, 11, 2), date(2026, 11, 10)), (date(2026, 11, 4), date(2026, 11, 25))):
        Application.objects.create(
            household=own,
            received_on=received,
            decided_on=decided,
            applicant_name="申請者",
            reason="困窮",
            recorded_by=cast.users["cw"],
        )
    run = computed(cast.users["chief"], cast.office_a, report="compliance", month="2026-11")
    share = application_figures(Household.objects.filter(office=cast.office_a), date(2026, 11, 1), date(2026, 11, 30))
    assert row(run, "compliance", "令和8年11月") == [share["office"].decided, share["office"].within_14, 50.0]
    welfare = computed(cast.users["chief"], cast.office_a, report="welfare", month="2026-11")
    received, decided, *_ = row(welfare, "applications", "件数")
    assert (received, decided) == (2, 2)
