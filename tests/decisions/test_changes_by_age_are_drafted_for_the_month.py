"""Changes that come by the calendar: the caseworker's list for a month finds the households they may
change where a child ages out of 児童養育加算, a school stage or 第1類 age band changes, or a member
joins; one button drafts the change decisions (one per household, only where an amount changes), each
naming what changed."""

from datetime import date

from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.decisions import age_changes
from hogo.decisions.models import Decision
from tests.households.circumstance_helpers import add_member, under_start_decision
from tests.roles import said

APRIL_2027 = date(2027, 4, 1)


def _with_a_child_turning_18(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    child = add_member(household, "山田 一郎", birth_date=date(2008, 6, 10), sex="male", relation="child")
    under_start_decision(household, cw)
    return household, cw, child


def test_a_child_ageing_out_is_listed_with_what_changes(cast):
    household, cw, _ = _with_a_child_turning_18(cast)

    due = age_changes.due_in(cw, APRIL_2027)

    assert [d.household for d in due] == [household]
    assert "令和9年4月分から 山田 一郎さん：児童養育加算の対象（18歳に達する日以後の最初の3月31日まで）を終えた" in (
        due[0].reasons
    )


def test_drafting_ends_the_child_rearing_addition_and_names_the_reason(cast):
    household, cw, child = _with_a_child_turning_18(cast)
    before = Decision.objects.get(household=household, kind="start")

    result = age_changes.draft_due(cw, APRIL_2027)

    assert [d.household_id for d in result.drafted] == [household.pk]
    decision = Decision.objects.get(household=household, kind="change")
    assert decision.effective_from == APRIL_2027 and decision.status == "draft"
    assert "山田 一郎さん：児童養育加算の対象" in decision.reasons
    lines = decision.need_test.result["explanation"]
    start_lines = before.need_test.result["explanation"]
    rearing = [(line["code"], line["member"]) for line in start_lines if line["code"] == "child_rearing"]
    assert rearing == [("child_rearing", str(child.public_id))]  # paid under the start decision
    assert not [line for line in lines if line["code"] == "child_rearing"]
    assert decision.benefit_total < before.benefit_total


def test_a_month_without_calendar_changes_lists_nothing_and_drafts_nothing(cast):
    household, cw, _ = _with_a_child_turning_18(cast)

    assert age_changes.due_in(cw, date(2027, 5, 1)) == []
    assert not age_changes.draft_due(cw, date(2027, 5, 1)).drafted
    assert not Decision.objects.filter(household=household, kind="change").exists()


def test_another_caseworker_does_not_see_or_draft_the_household(cast):
    _with_a_child_turning_18(cast)

    assert age_changes.due_in(cast.users["cw_mate"], APRIL_2027) == []
    assert age_changes.due_in(cast.users["cw_other"], APRIL_2027) == []


def test_the_page_lists_the_month_and_the_button_drafts(cast, login):
    household, cw, _ = _with_a_child_turning_18(cast)
    client = login(cw)

    page = client.get(reverse("age_changes"), {"month": "2027-04"})
    assert "令和9年4月" in page.content.decode() and household.case_number in page.content.decode()
    response = client.post(reverse("age_changes_draft"), {"month": "2027-04"})

    assert response.status_code == 302 and response.url == reverse("age_changes") + "?month=2027-04"
    drafted = "変更決定を1件起案しました（金額の変わらない世帯 0件、起案しなかった世帯 0件）。"
    assert said(response) == [("success", drafted)]
    assert Decision.objects.filter(household=household, kind="change", effective_from=APRIL_2027).exists()


def test_the_list_is_audited_with_the_households_shown(cast, login):
    household, cw, _ = _with_a_child_turning_18(cast)

    login(cw).get(reverse("age_changes"), {"month": "2027-04"})

    entry = AuditEntry.objects.filter(actor_id=cw.pk, action=Action.LIST).latest("id")
    assert entry.detail["view"] == "age_changes" and entry.detail["shown"] == [str(household.public_id)]


def test_a_bad_month_is_named_and_the_page_shows_next_month(cast, login):
    response = login(cast.users["cw"]).get(reverse("age_changes"), {"month": "2027-13"})

    assert response.status_code == 200
    assert any("対象の月" in text for _, text in said(response))
