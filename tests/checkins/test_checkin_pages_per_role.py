"""Per-role access to the check-in screens (issue 23). The list: caseworkers and supervisors, each seeing only
the households they may change; a household's setting: its caseworker and supervisor (the others who see the
household are refused, 403; the rest do not find it, 404); a check-in's report: whoever sees the household."""

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.checkins import services
from hogo.checkins.models import Checkin, CheckinPlan
from tests.roles import ROLES, assert_sent_to_login

from .checkin_helpers import on_portal

ROLE_TESTED_URLS = {"checkin_list", "checkin_plan", "checkin_detail"}
LISTS = {"cw", "cw_mate", "cw_other", "sv", "sv_other", "b_cw"}
EDITS = {"cw", "sv"}
SEES_OWN = {"cw", "cw_mate", "sv", "chief", "clerk"}


@pytest.fixture
def opened(cast):
    on_portal(cast.households["own"])
    today = timezone.localdate()
    services.set_plan(cast.users["cw"], cast.households["own"], interval_months=1, starts_on=today, active=True)
    services.run_daily(today)
    return Checkin.objects.get()


@pytest.mark.parametrize("role", ROLES)
def test_caseworkers_and_supervisors_list_the_households_they_may_change(everyone, cast, login, role, opened):
    response = login(everyone[role]).get(reverse("checkin_list"))
    assert response.status_code == (200 if role in LISTS else 403)
    if role in LISTS:
        assert (cast.households["own"].case_number in response.content.decode()) == (role in EDITS)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_caseworker_and_supervisor_change_a_households_checkins(everyone, cast, login, role, opened):
    url = reverse("checkin_plan", args=[cast.households["own"].public_id])
    client = login(everyone[role])
    assert client.get(url).status_code == (200 if role in EDITS else 403 if role in SEES_OWN else 404)
    today = timezone.localdate().isoformat()
    response = client.post(url, {"active": "1", "interval_months": "3", "starts_on": today, "reason": "高齢単身"})
    assert response.status_code == (302 if role in EDITS else 403 if role in SEES_OWN else 404)
    assert (CheckinPlan.objects.get().interval_months == 3) == (role in EDITS)


@pytest.mark.parametrize("role", ROLES)
def test_whoever_sees_the_household_reads_a_checkin(everyone, cast, login, role, opened):
    response = login(everyone[role]).get(reverse("checkin_detail", args=[opened.public_id]))
    assert response.status_code == (200 if role in SEES_OWN else 404)


def test_a_bad_interval_is_said_on_its_field_and_nothing_is_saved(cast, login, opened):
    url = reverse("checkin_plan", args=[cast.households["own"].public_id])
    response = login(cast.users["cw"]).post(url, {"active": "1", "interval_months": "7", "starts_on": "x"})
    assert response.status_code == 200 and "間隔" in response.content.decode()
    assert CheckinPlan.objects.get().interval_months == 1


def test_anonymous_users_are_sent_to_the_login_page(client, cast):
    assert_sent_to_login(client.get(reverse("checkin_list")))
