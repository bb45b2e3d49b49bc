"""入院: after the month rule (局長通知 第7-2-(3)-ウ・エ, 原文未確認) a member in hospital lives on
入院患者日用品費 from the first day of the month after the admission; the month of admission is not
changed; a stay of less than one month changes nothing; the rent still counts."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.decisions import changes
from hogo.decisions.models import Decision
from hogo.households.circumstance_rules import counts_as_inpatient, one_month_after

from .circumstance_helpers import OCTOBER, add_member, record_change, under_start_decision

NOVEMBER = date(2026, 11, 1)
INPATIENT_ALLOWANCE = 23_110


def _inpatient_lines(comparison):
    return [line for line in comparison.calc.lines if line.code == "inpatient_allowance"]


def test_from_the_month_after_the_admission_the_member_lives_on_the_inpatient_allowance(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    wife = add_member(household, "山田 花子", birth_date=date(1952, 2, 1))
    under_start_decision(household, cw)
    record_change(cw, household, "hospital", member=wife, effective_from=date(2026, 10, 7))

    assert not _inpatient_lines(changes.compare(household, OCTOBER))
    november = changes.compare(household, NOVEMBER)

    assert [(line.member, line.amount) for line in _inpatient_lines(november)] == [
        (str(wife.public_id), INPATIENT_ALLOWANCE)
    ]
    assert november.changed
    changes.draft_change(cw, household, effective_from=NOVEMBER)
    decision = Decision.objects.get(household=household, kind="change")
    assert decision.amounts["living"] == november.amounts["living"]
    assert "令和8年11月分から 山田 花子さんの入院：令和8年10月7日入院" in decision.reasons


def test_a_stay_of_less_than_one_month_changes_nothing(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    wife = add_member(household, "山田 花子", birth_date=date(1952, 2, 1))
    under_start_decision(household, cw)
    without = changes.compare(household, NOVEMBER).amounts
    record_change(
        cw, household, "hospital", member=wife, effective_from=date(2026, 10, 7), effective_to=date(2026, 11, 6)
    )

    november = changes.compare(household, NOVEMBER)

    assert not _inpatient_lines(november) and november.amounts == without


def test_a_single_person_in_hospital_keeps_the_rent(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    household.prefecture, household.rent = "東京都", 40_000
    household.save()
    under_start_decision(household, cw)
    record_change(cw, household, "hospital", effective_from=date(2026, 10, 20))

    november = changes.compare(household, NOVEMBER)

    assert november.amounts["living"] == INPATIENT_ALLOWANCE
    assert november.amounts["housing"] == 40_000


def test_the_page_of_the_admission_compares_from_the_month_after(cast, login):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    fact = record_change(cw, household, "hospital", effective_from=date(2026, 10, 20))

    html = login(cw).get(reverse("circumstance_detail", args=[fact.public_id])).content.decode()

    assert "今の決定との比較（令和8年11月分から）" in html
    assert "入院患者日用品費は令和8年11月1日から" in html


@pytest.mark.parametrize(
    "admitted, discharged, as_of, expected",
    [
        (date(2026, 10, 7), None, date(2026, 10, 31), False),
        (date(2026, 10, 7), None, date(2026, 11, 1), True),
        (date(2026, 10, 7), date(2026, 11, 6), date(2026, 11, 1), False),
        (date(2026, 10, 7), date(2026, 11, 7), date(2026, 11, 1), True),
        (date(2026, 10, 7), date(2026, 12, 10), date(2027, 1, 1), False),
    ],
)
def test_the_month_rule(admitted, discharged, as_of, expected):
    assert counts_as_inpatient(as_of, admitted, discharged) is expected


def test_one_month_after_the_31st_is_the_last_day_of_a_shorter_month():
    assert one_month_after(date(2027, 1, 31)) == date(2027, 2, 28)
