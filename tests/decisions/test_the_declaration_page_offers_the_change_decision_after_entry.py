"""After the pay-slip figures of a declaration are entered, the declaration page compares the month
with the decision in force and offers 「この内容で変更決定を起案」, which returns to the drafted decision."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from hogo.decisions.models import Decision
from hogo.followups import services as followups
from hogo.households.income_services import IncomeEntry

from .change_helpers import OCTOBER, PAY_SLIP, head_of, under_start_decision


def test_the_declaration_page_offers_the_change_decision_for_the_month_entered(cast, login):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    declaration = followups.register_declaration(
        cw, household, kind="income", received_on=timezone.localdate() - timedelta(days=1), channel="paper"
    )
    entry = IncomeEntry(
        member=head_of(household),
        kind="earnings",
        detail="給与",
        payer="みなと青果",
        monthly_amount=100_000,
        since=OCTOBER,
        **PAY_SLIP,
    )
    followups.enter_declared_income(cw, declaration, entry)
    client = login(cw)
    page = reverse("declaration_detail", args=[declaration.public_id])

    html = client.get(page).content.decode()
    assert "今の決定との比較（令和8年10月分から）" in html and "この内容で変更決定を起案" in html
    assert f"{start.benefit_total - 55_900:,}円" in html

    response = client.post(
        reverse("change_draft", args=[household.public_id]), {"effective_from": "2026-10-01", "back": page}
    )
    decision = Decision.objects.get(kind="change")
    assert response.url == reverse("decision_detail", args=[decision.public_id])
    shown = client.get(response.url).content.decode()
    assert "変更前" in shown and "変更後" in shown and f"{start.benefit_total:,}円" in shown
