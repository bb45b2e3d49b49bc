"""The 月次調査's totals agree with each other and with the records: the households by 世帯類型 sum to the
households under assistance, those are the active and the suspended households of the office at the
month's end, and the month before plus the starts less the terminations is the month's end."""

from datetime import date

import pytest
from django.utils import timezone

from hogo.households.models import Household

from .report_helpers import computed, populate, row, table


@pytest.fixture(autouse=True)
def late_enough(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 3))


def test_households_by_type_sum_to_all_households_under_assistance(cast):
    populate(cast)
    run = computed(cast.users["chief"], cast.office_a)
    total, *by_type = row(run, "households", "被保護実世帯数")
    under = Household.objects.filter(office=cast.office_a, status__in=("active", "suspended")).count()
    assert total == sum(by_type) == under
    assert all(check["ok"] for check in run.result["checks"])


def test_each_household_falls_in_the_type_its_members_give(cast):
    populate(cast)
    run = computed(cast.users["chief"], cast.office_a)
    columns = table(run, "households")["columns"]
    counts = dict(zip(columns, row(run, "households", "被保護実世帯数"), strict=True))
    # the cast's own, mate and other_team households and the elderly pair: heads born 1950
    assert counts["高齢者世帯"] == 4
    assert counts["母子世帯"] == 1
    assert counts["障害者世帯"] == 1
    assert counts["傷病者世帯"] == 1  # the suspended one, recorded as 傷病者 by its caseworker
    assert counts["その他の世帯"] == 1  # started in November; the terminated one is gone


def test_starts_and_terminations_reconcile_month_to_month(cast):
    populate(cast)
    october = computed(cast.users["chief"], cast.office_a, month="2026-10")
    november = computed(cast.users["chief"], cast.office_a, month="2026-11")
    before, starts, ends, after = row(november, "flow", "被保護実世帯数")
    assert before == row(october, "flow", "被保護実世帯数")[3] == row(october, "households", "被保護実世帯数")[0]
    assert (starts, ends) == (1, 1)
    assert before + starts - ends == after == row(november, "households", "被保護実世帯数")[0]
    assert row(november, "starts", "保護開始世帯数")[0] == starts
    assert row(november, "terminations", "保護廃止世帯数")[0] == ends


def test_a_termination_is_counted_under_the_reason_its_text_gives(cast):
    populate(cast)
    run = computed(cast.users["chief"], cast.office_a)
    columns = table(run, "terminations")["columns"]
    counts = dict(zip(columns, row(run, "terminations", "保護廃止世帯数"), strict=True))
    assert counts["働きによる収入の増加・取得"] == 1
    assert counts["総数"] == 1


def test_persons_count_the_members_of_the_households_under_assistance(cast):
    populate(cast)
    run = computed(cast.users["chief"], cast.office_a)
    total, *by_type = row(run, "persons", "被保護実人員")
    assert total == sum(by_type) == 9  # eight heads and the mother's child
