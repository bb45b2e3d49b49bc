"""The monthly ledger and the differences a retroactive decision makes."""

from datetime import date

from hogo.approvals import services as approvals
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
    assert differences([START], [START, higher], date(2026, 6, 1), date(2026, 6, 1)) == [
        (date(2026, 6, 1), "living", 2000)
    ]


def test_a_retroactive_decision_records_repayment_candidates_when_approved(cast, drafted):
    from datetime import timedelta

    from django.utils import timezone

    from hogo.decisions import services
    from hogo.decisions.models import LedgerAdjustment, NeedTest

    household, application, test, start = drafted
    # the start took effect 3 months ago
    from hogo.decisions.models import Decision

    three_months_ago = (timezone.localdate().replace(day=1) - timedelta(days=80)).replace(day=1)
    Decision.objects.filter(pk=start.pk).update(effective_from=three_months_ago)
    start.refresh_from_db()
    approvals.approve(cast.users["sv"], start)
    approvals.approve(cast.users["chief"], start)
    # income found later: a change from two months ago with a lower benefit
    lower = NeedTest.objects.create(
        household=household,
        as_of=three_months_ago,
        facts=test.facts,
        result={
            **test.result,
            "benefit": {"total": 0, "by_assistance": {**test.result["benefit"]["by_assistance"], "living": 0}},
        },
        standards_version=test.standards_version,
        minimum_cost_of_living=0,
        recognized_income=0,
        benefit=0,
        need=True,
        run_by=cast.users["cw"],
    )
    two_months_ago = (three_months_ago + timedelta(days=40)).replace(day=1)
    change = services.draft_decision(
        cast.users["cw"],
        household,
        kind="change",
        effective_from=two_months_ago,
        reasons="未申告の収入が判明",
        need_test=lower,
    )
    approvals.approve(cast.users["sv"], change)
    approvals.approve(cast.users["chief"], change)
    rows = list(LedgerAdjustment.objects.filter(decision=change).values_list("month", "assistance", "amount", "kind"))
    # run in December, the start carries December's 期末一時扶助 and the change (from an earlier month's
    # need test) does not: that is a difference too (decision 0016)
    one_time = [r for r in rows if r[1] == "year_end"]
    if start.one_time:
        december = date.fromisoformat(start.one_time["month"] + "-01")
        assert one_time == [(december, "year_end", -start.one_time["year_end"], "repayment_candidate")]
    else:
        assert one_time == []
    rows = [r for r in rows if r[1] != "year_end"]
    living = start.amounts["living"]
    assert rows and all(r[1] == "living" and r[2] == -living and r[3] == "repayment_candidate" for r in rows)
    assert rows[0][0] == two_months_ago and len(rows) == 3  # two months ago, last month, this month


def test_the_ledger_page_lists_months_and_differences(cast, drafted, login):
    from django.urls import reverse

    household, _, _, start = drafted
    approvals.approve(cast.users["sv"], start)
    approvals.approve(cast.users["chief"], start)
    body = login(cast.users["clerk"]).get(reverse("household_ledger", args=[household.public_id])).content.decode()
    assert "保護開始" in body and "遡及による差額" in body
    assert login(cast.users["b_clerk"]).get(reverse("household_ledger", args=[household.public_id])).status_code == 404
