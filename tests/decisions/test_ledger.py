"""The monthly ledger and the differences a retroactive decision makes."""
from datetime import date

from hogo.decisions.ledger import Approved, differences, ledger, owed_for

START = Approved(1, "start", date(2026, 4, 1), {"living": 70000, "housing": 40000})


def test_a_whole_month_owes_the_monthly_amounts():
    month = owed_for([START], date(2026, 5, 1))
    assert month.owed["living"] == 70000 and month.owed["housing"] == 40000 and month.governing == [1]


def test_a_start_mid_month_is_prorated_by_days_rounding_up():
    start = Approved(1, "start", date(2026, 4, 16), {"living": 70000})
    month = owed_for([start], date(2026, 4, 1))
    assert month.owed["living"] == 35000  # 70,000 × 15 ÷ 30


def test_a_change_mid_month_splits_the_month():
    change = Approved(2, "change", date(2026, 5, 11), {"living": 80000, "housing": 40000})
    month = owed_for([START, change], date(2026, 5, 1))
    # 10 days at 70,000 and 21 days at 80,000 in a 31-day month: 22,581 (22,580.6… up) + 54,194 (54,193.5… up)
    assert month.owed["living"] == 22581 + 54194
    assert month.owed["housing"] == 12904 + 27097
    assert month.governing == [1, 2]


def test_after_termination_nothing_is_owed_medical_and_care_included():
    with_medical = Approved(1, "start", date(2026, 4, 1), {"living": 70000, "medical": 30000, "care": 12000})
    end = Approved(2, "termination", date(2026, 6, 1), {})
    rows = ledger([with_medical, end], date(2026, 4, 1), date(2026, 7, 1))
    assert [r.total for r in rows] == [112000, 112000, 0, 0]


def test_a_retroactive_change_yields_the_difference_for_each_past_month():
    lower = Approved(2, "change", date(2026, 5, 1), {"living": 65000, "housing": 40000})  # income found later
    diff = differences([START], [START, lower], date(2026, 4, 1), date(2026, 7, 1))
    assert diff == [(date(2026, m, 1), "living", -5000) for m in (5, 6, 7)]
    higher = Approved(3, "change", date(2026, 6, 1), {"living": 72000, "housing": 40000})
    assert differences([START], [START, higher], date(2026, 6, 1), date(2026, 6, 1)) == [(date(2026, 6, 1), "living", 2000)]
