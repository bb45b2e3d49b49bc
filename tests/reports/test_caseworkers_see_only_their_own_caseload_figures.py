"""A caseworker's figures count their own caseload only: the caseload report shows one row (their own,
by number, not name), the overdue follow-ups and the 14-day figures count their households alone; a
supervisor's run counts the team's; the chief's the office's."""

from datetime import date

import pytest
from django.utils import timezone

from hogo.households.models import Household
from hogo.reports import services
from hogo.reports.queries import staff_label

from .report_helpers import populate, row, table


@pytest.fixture(autouse=True)
def late_enough(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 3))


def test_a_caseworkers_caseload_report_has_only_their_own_row(cast):
    populate(cast)  # the populated households are all the caseworker "cw"'s
    run = services.run_now(cast.users["cw_mate"], cast.office_a, "caseload", "2026-11")
    rows = table(run, "caseload")["rows"]
    assert [label for label, _values in rows] == [staff_label(cast.staff["cw_mate"].pk)]
    assert rows[0][1][0] == 1  # the "mate" household
    assert row(run, "caseload_total", "合計")[0] == 1


def test_the_chief_sees_every_caseworker_and_no_names(cast):
    made = populate(cast)
    run = services.run_now(cast.users["chief"], cast.office_a, "caseload", "2026-11")
    labels = [label for label, _values in table(run, "caseload")["rows"]]
    assert labels == sorted(staff_label(cast.staff[k].pk) for k in ("cw", "cw_mate", "cw_other"))
    under = Household.objects.filter(office=cast.office_a, status__in=("active", "suspended")).count()
    assert row(run, "caseload_total", "合計")[0] == under
    own = dict(table(run, "caseload")["rows"])[staff_label(cast.staff["cw"].pk)]
    assert own[0] == 1 + len([h for k, h in made.items() if k != "ended"])  # "own" and the populated ones
    assert own[1] == cast.office_a.caseload_standard
    assert cast.staff["cw"].name not in str(run.result)


def test_a_supervisors_monthly_survey_counts_the_team_only(cast):
    populate(cast)
    sv = services.run_now(cast.users["sv"], cast.office_a, "monthly", "2026-11")
    chief = services.run_now(cast.users["chief"], cast.office_a, "monthly", "2026-11")
    # team 1 (cw, cw_mate) leaves out the other team's household
    assert row(sv, "households", "被保護実世帯数")[0] == row(chief, "households", "被保護実世帯数")[0] - 1
