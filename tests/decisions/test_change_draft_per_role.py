"""Per-role access to 「この内容で変更決定を起案」 (POST only): the household's CW and the team's SV draft
(302 to the draft); those who may read the household but not change it get 403; everyone else 404
(audited as denied). A refused POST drafts nothing. The button shows only to those who may draft."""

import pytest
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.decisions.models import Decision, NeedTest
from tests.roles import ROLES, assert_sent_to_login, denied_entries

from .change_helpers import enter_income, under_start_decision

ROLE_TESTED_URLS = {"change_draft"}

EXPECTED = {role: 404 for role in ROLES} | {"cw": 302, "sv": 302, "cw_mate": 403, "chief": 403, "clerk": 403}


@pytest.fixture
def changed(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    return household, enter_income(cw, household)


def post(client, household):
    return client.post(reverse("change_draft", args=[household.public_id]), {"effective_from": "2026-10-01"})


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_it_may(everyone, changed, login, role):
    household, _ = changed
    tests_before = NeedTest.objects.count()
    response = post(login(everyone[role]), household)
    assert response.status_code == EXPECTED[role]
    drafts = Decision.objects.filter(kind="change")
    if EXPECTED[role] == 302:
        assert response.url == reverse("decision_detail", args=[drafts.get().public_id])
        assert drafts.get().drafted_by == everyone[role]
    else:
        assert not drafts.exists() and NeedTest.objects.count() == tests_before
        assert not AuditEntry.objects.filter(action=Action.CREATE, actor_id=everyone[role].pk).exists()
    if EXPECTED[role] == 404:
        assert denied_entries(everyone[role], household.public_id).count() == 1


@pytest.mark.parametrize("role", ["cw", "chief"])
def test_the_page_is_not_a_get(everyone, changed, login, role):
    household, _ = changed
    assert login(everyone[role]).get(reverse("change_draft", args=[household.public_id])).status_code == 405


def test_anonymous_is_sent_to_login(changed, client):
    household, _ = changed
    assert_sent_to_login(post(client, household))
    assert not Decision.objects.filter(kind="change").exists()


@pytest.mark.parametrize(
    "role, button", [("cw", True), ("sv", True), ("cw_mate", False), ("chief", False), ("clerk", False)]
)
def test_the_income_page_offers_the_button_to_those_who_may_draft(everyone, changed, login, role, button):
    _, income = changed
    html = login(everyone[role]).get(reverse("income_detail", args=[income.public_id])).content.decode()
    assert "今の決定との比較" in html
    assert ("この内容で変更決定を起案" in html) is button
