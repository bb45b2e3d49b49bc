"""One truth for December (decision 0016): a start decision that covers December carries the need
test's 期末一時扶助 as a one-time item, and the need test, the decision page, the notice and the
ledger all come to the same December total."""

from datetime import date

from django.urls import reverse

from hogo.decisions import ledger, services

from .notice_helpers import DECEMBER, approved_start, notice_rows


def test_a_start_covering_december_agrees_to_the_yen_everywhere(cast, applying, login, tmp_path):
    household, test, decision = approved_start(cast, applying)
    year_end = test.result["benefit"]["by_assistance"]["year_end"]
    assert year_end == 14500  # 1級地-1, one person (decision 0006)

    # the decision: the monthly amounts, and December's one-time item frozen beside them
    assert decision.one_time == {"year_end": 14500, "month": "2026-12"}
    assert decision.benefit_total == sum(decision.amounts.values()) == test.benefit - year_end
    december_total = decision.benefit_total + year_end
    assert december_total == test.benefit

    # the ledger: December owes the monthly amounts and, as its own line, the one-time item; January does not
    rows = services.approved_rows(household.pk)
    december = ledger.owed_for(rows, DECEMBER)
    assert december.monthly == decision.benefit_total
    assert december.one_time == {"year_end": 14500} and december.total == test.benefit
    assert ledger.owed_for(rows, date(2027, 1, 1)).total == decision.benefit_total

    # the notice: the amounts, the one-time line, December's payment, and the need test's breakdown
    rows = notice_rows(decision, tmp_path)
    for row in (
        f"合計（月額） {decision.benefit_total:,}円",
        "期末一時扶助（令和8年12月分・1回限り） 14,500円",
        f"令和8年12月分の支給額（月額＋一時扶助） {december_total:,}円",
        "期末一時扶助 14,500円 0円 14,500円",
        f"合計 {test.minimum_cost_of_living:,}円 {test.minimum_cost_of_living - test.benefit:,}円 {test.benefit:,}円",
    ):
        assert row in rows, row

    # the decision page and the need test page
    cw = login(cast.users["cw"])
    page = cw.get(reverse("decision_detail", args=[decision.public_id])).content.decode()
    assert "期末一時扶助" in page and f"{december_total:,}円" in page
    assert f"{test.benefit:,}" in cw.get(reverse("need_test_detail", args=[test.public_id])).content.decode()


def test_the_ledger_page_shows_the_one_time_item_in_its_own_column(cast, applying, login):
    household, _, decision = approved_start(cast, applying)
    body = login(cast.users["cw"]).get(reverse("household_ledger", args=[household.public_id])).content.decode()
    assert "期末一時扶助" in body and "14,500円" in body
    assert f"{decision.benefit_total + 14500:,}円" in body


def test_a_start_from_a_november_need_test_carries_no_one_time_item(cast, applying):
    household, test, decision = approved_start(
        cast, applying, as_of=date(2026, 11, 1), effective_from=date(2026, 11, 1)
    )
    assert decision.one_time == {} and decision.benefit_total == test.benefit
    assert ledger.owed_for(services.approved_rows(household.pk), DECEMBER).one_time == {}
