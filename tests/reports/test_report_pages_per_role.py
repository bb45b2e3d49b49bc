"""Per-role access to the reports (issue 24). The reports page: every caseworker, supervisor, chief and
clerk (in their own office); the others are refused (403). Running: the chief and the clerk run every
report for the office, a supervisor the survey and steering reports for the team, a caseworker only the
steering figures of their own caseload. A run and its XLSX / CSV: the office's chief and clerk, and the
person who asked for it; nobody else finds it (404)."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.reports import services
from hogo.reports.models import ReportRun
from tests.roles import ROLES, assert_sent_to_login

ROLE_TESTED_URLS = {"report_index", "report_run", "report_run_xlsx", "report_run_csv"}
SEES_PAGE = {"cw", "cw_mate", "cw_other", "sv", "sv_other", "chief", "clerk", "b_cw"}
OFFICE_WIDE = {"chief", "clerk"}
SCOPE = {"chief": "office", "clerk": "office", "sv": "team", "sv_other": "team"}


@pytest.fixture(autouse=True)
def late_enough(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 3))


@pytest.mark.parametrize("role", ROLES)
def test_the_reports_page_opens_for_casework_staff_only(everyone, login, role):
    response = login(everyone[role]).get(reverse("report_index"))
    assert response.status_code == (200 if role in SEES_PAGE else 403)


@pytest.mark.parametrize("role", ROLES)
def test_the_chief_clerk_and_supervisors_run_the_monthly_survey_of_office_a(everyone, cast, login, role):
    response = login(everyone[role]).post(
        reverse("report_index"), {"report": "monthly", "office": cast.office_a.pk, "month": "2026-11"}
    )
    run = ReportRun.objects.first()
    if role in SCOPE:
        assert response.status_code == 302 and response.url == reverse("report_run", args=[run.public_id])
        assert (run.scope, run.requested_by) == (SCOPE[role], everyone[role])
    else:
        assert response.status_code == (200 if role in SEES_PAGE else 403)
        assert run is None


@pytest.mark.parametrize("role", ROLES)
def test_caseworkers_run_their_own_caseload_figures(everyone, cast, login, role):
    response = login(everyone[role]).post(
        reverse("report_index"), {"report": "caseload", "office": cast.office_a.pk, "month": "2026-11"}
    )
    run = ReportRun.objects.first()
    expected = {"cw": "own", "cw_mate": "own", "cw_other": "own", **SCOPE}
    if role in expected:
        assert response.status_code == 302 and run.scope == expected[role]
    else:
        assert run is None and response.status_code == (200 if role in SEES_PAGE else 403)


@pytest.mark.parametrize("role", ROLES)
def test_a_chiefs_run_and_its_files_open_for_the_offices_chief_and_clerk_only(everyone, cast, login, role):
    run = services.run_now(cast.users["chief"], cast.office_a, "monthly", "2026-11")
    client = login(everyone[role])
    for name in ("report_run", "report_run_xlsx", "report_run_csv"):
        response = client.get(reverse(name, args=[run.public_id]))
        assert response.status_code == (200 if role in OFFICE_WIDE else 404), name


@pytest.mark.parametrize("role", ROLES)
def test_a_caseworkers_run_opens_for_that_caseworker_and_the_office_wide_roles(everyone, cast, login, role):
    run = services.run_now(cast.users["cw"], cast.office_a, "caseload", "2026-11")
    response = login(everyone[role]).get(reverse("report_run", args=[run.public_id]))
    assert response.status_code == (200 if role in OFFICE_WIDE | {"cw"} else 404)


def test_anonymous_users_are_sent_to_the_login_page(client, cast):
    assert_sent_to_login(client.get(reverse("report_index")))
