"""Which month a change takes effect in follows the month-of-recognition rule (decision 0017): pay
received on October 25th is recognised from October by default, from November where the office
recognises earnings in the month after; the income page's button drafts from that month."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.decisions.models import Decision
from hogo.households.models import IncomeRuleSetting

from .change_helpers import enter_income, under_start_decision

RECEIVED = date(2026, 10, 25)


@pytest.mark.parametrize("rule, month", [("received", date(2026, 10, 1)), ("next", date(2026, 11, 1))])
def test_the_button_on_the_income_page_drafts_from_the_month_the_income_is_recognised_in(cast, login, rule, month):
    household, cw = cast.households["own"], cast.users["cw"]
    IncomeRuleSetting.objects.create(office=household.office, earnings_month=rule)
    under_start_decision(household, cw)
    income = enter_income(cw, household, received_on=RECEIVED)
    assert income.since == month

    client = login(cw)
    page = client.get(reverse("income_detail", args=[income.public_id])).content.decode()
    assert "この内容で変更決定を起案" in page
    assert f'name="effective_from" value="{month.isoformat()}"' in page
    response = client.post(
        reverse("change_draft", args=[household.public_id]),
        {"effective_from": month.isoformat(), "back": reverse("income_detail", args=[income.public_id])},
    )

    decision = Decision.objects.get(kind="change")
    assert response.status_code == 302 and response.url == reverse("decision_detail", args=[decision.public_id])
    assert decision.effective_from == month
    assert decision.reasons.startswith(f"令和8年{month.month}月分から 山田 太郎さんの就労収入")
