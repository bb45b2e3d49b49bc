"""Per-role access to the changes by the calendar (年齢等の変更): caseworkers and supervisors of either
office see the page (each only the households they may change); chiefs, clerks, the collection team,
the admin and a partner agency get a 403 and draft nothing. Only the household's CW and the team's SV
draft its change decision with the button."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.decisions import age_changes
from hogo.decisions.models import Decision
from tests.households.circumstance_helpers import add_member, under_start_decision
from tests.roles import ROLES, assert_sent_to_login, said

ROLE_TESTED_URLS = {"age_changes", "age_changes_draft"}

SEES = {role: 403 for role in ROLES} | {r: 200 for r in ("cw", "cw_mate", "cw_other", "sv", "sv_other", "b_cw")}
DRAFTS_OWN = {"cw", "sv"}


@pytest.fixture
def own(cast):
    household = cast.households["own"]
    add_member(household, "山田 一郎", birth_date=date(2008, 6, 10), sex="male", relation="child")
    under_start_decision(household, cast.users["cw"])
    return household


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_the_page_and_only_its_own_households(everyone, own, login, role):
    response = login(everyone[role]).get(reverse("age_changes"), {"month": "2027-04"})

    assert response.status_code == SEES[role]
    if response.status_code == 200:
        listed = [d.household for d in response.context["due"]]
        assert listed == ([own] if role in DRAFTS_OWN else [])


@pytest.mark.parametrize("role", ROLES)
def test_only_the_households_cw_and_sv_draft_its_change(everyone, own, login, role):
    response = login(everyone[role]).post(reverse("age_changes_draft"), {"month": "2027-04"})

    drafted = Decision.objects.filter(household=own, kind="change").exists()
    assert drafted == (role in DRAFTS_OWN)
    if SEES[role] == 403:
        assert response.status_code == 302  # the refusal is said as a message on the page
        assert said(response) == [("error", age_changes.NOT_CASEWORKING)]
    else:
        assert response.status_code == 302 and response.url == reverse("age_changes") + "?month=2027-04"


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert_sent_to_login(client.get(reverse("age_changes")))
    assert_sent_to_login(client.post(reverse("age_changes_draft"), {"month": "2027-04"}))
