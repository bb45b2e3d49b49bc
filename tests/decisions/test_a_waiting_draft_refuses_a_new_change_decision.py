"""While a draft of the household waits for approval, no change decision is drafted: the refusal names
the waiting draft and how to go on (have it returned, then draft again, decision 0018). Once it is
returned, the next draft includes every change of the month."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.approvals import services as approvals
from hogo.decisions import changes
from hogo.decisions.models import Decision
from tests.roles import assert_refused_with_message

from .change_helpers import OCTOBER, enter_income, under_start_decision


def test_a_second_change_while_the_first_draft_waits_is_refused_naming_the_draft(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    enter_income(cw, household)
    first = changes.draft_change(cw, household, effective_from=OCTOBER).decision
    enter_income(cw, household, kind="pension", amount=10_000, detail="老齢基礎年金", payer="日本年金機構")

    with pytest.raises(ValidationError) as refused:
        changes.draft_change(cw, household, effective_from=OCTOBER)

    assert "決裁待ちの決定（保護変更・令和8年10月1日から）があります" in refused.value.message_dict["effective_from"][0]
    assert list(Decision.objects.filter(kind="change")) == [first]


def test_after_the_waiting_draft_is_returned_the_new_draft_includes_both_changes(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    enter_income(cw, household)
    first = changes.draft_change(cw, household, effective_from=OCTOBER).decision
    enter_income(cw, household, kind="pension", amount=10_000, detail="老齢基礎年金", payer="日本年金機構")
    approvals.return_for_redrafting(cast.users["sv"], first, "年金も含めて起案してください。")

    second = changes.draft_change(cw, household, effective_from=OCTOBER).decision

    assert second != first and second.benefit_total == start.benefit_total - 65_900


def test_the_button_refuses_with_a_message_and_the_page_shows_the_waiting_draft(cast, login):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    income = enter_income(cw, household)
    first = changes.draft_change(cw, household, effective_from=OCTOBER).decision
    page = reverse("income_detail", args=[income.public_id])
    client = login(cw)

    response = client.post(
        reverse("change_draft", args=[household.public_id]), {"effective_from": "2026-10-01", "back": page}
    )

    assert_refused_with_message(response, page, changes.waiting_message(first))
    html = client.get(page).content.decode()
    assert "決裁待ちの決定を見る" in html and "この内容で変更決定を起案" not in html
