"""A change that leaves every amount as it is drafts nothing: the service says so (and audits the
check), no need test and no decision are saved; the button says the amount stays."""

from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.decisions import changes
from hogo.decisions.models import Decision, NeedTest
from tests.roles import said

from .change_helpers import OCTOBER, enter_income, under_start_decision


def test_an_income_the_engine_does_not_count_drafts_nothing(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    start = under_start_decision(household, cw)
    tests_before = NeedTest.objects.count()
    enter_income(cw, household, kind="temporary", amount=5_000, detail="お見舞い")  # under the 8,000円 of 臨時収入

    drafted = changes.draft_change(cw, household, effective_from=OCTOBER)

    assert drafted.decision is None and not drafted.comparison.changed
    assert drafted.comparison.new_total == drafted.comparison.old_total == start.benefit_total
    assert not Decision.objects.filter(kind="change").exists()
    assert NeedTest.objects.count() == tests_before
    check = AuditEntry.objects.filter(action=Action.VIEW, actor_id=cw.pk, detail__change_check="2026-10-01")
    assert check.get().detail["changed"] is False


def test_the_button_says_the_amount_stays_and_returns_to_the_page(cast, login):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    back = f"/households/{household.public_id}/incomes/"
    response = login(cw).post(
        reverse("change_draft", args=[household.public_id]), {"effective_from": "2026-10-01", "back": back}
    )
    assert response.status_code == 302 and response.url == back
    [(level, text)] = said(response)
    assert level == "success" and "変わりません" in text and "起案しませんでした" in text
    assert not Decision.objects.filter(kind="change").exists()
