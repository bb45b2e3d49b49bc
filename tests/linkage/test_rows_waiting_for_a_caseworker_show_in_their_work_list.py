"""Rows of linkage data waiting for a caseworker show in 「今日の仕事」 of the household's caseworker and on
the supervisor's 「係の状況」: once a row (an ambiguous match with its first candidate's household), red
once the day the data takes effect has come, amber before; nobody else sees them."""

from datetime import date

from django.utils import timezone

from hogo.linkage import alerts
from hogo.linkage.models import Outcome

from .helpers import import_pension, pension_line, pensioner
from .test_linkage_pages_per_role import namesake


def waiting_run(cast, month="2026-06"):
    head = pensioner(cast.households["own"], cast.users["cw"])
    namesake(cast.households["own"])
    namesake(cast.households["mate"])
    ambiguous = f",山田 花子,ヤマダ ハナコ,1955-03-03,老齢基礎年金,600000,100000,{month},"
    return import_pension(
        cast.users["sv"], cast.office_a, pension_line(head, annual=780_000, month=month), ambiguous
    ).run


def test_the_caseworker_sees_each_waiting_row_once(cast):
    run = waiting_run(cast)
    shown = alerts.alerts_for(cast.users["cw"], timezone.localdate())
    lines = sorted(a.title.split()[1] for a in shown)
    assert lines == ["2行目", "3行目"]  # the large change and the ambiguous match
    assert {a.household for a in shown} == {cast.households["own"]}
    assert {a.link.split("/")[-2] for a in shown} == {str(r.public_id) for r in run.items.all()}


def test_a_row_whose_month_has_come_is_red_and_one_still_ahead_amber(cast):
    waiting_run(cast, month="2026-06")
    assert {a.level for a in alerts.alerts_for(cast.users["cw"], date(2026, 6, 1))} == {"red"}
    assert {a.level for a in alerts.alerts_for(cast.users["cw"], date(2026, 5, 20))} == {"amber"}


def test_the_candidates_other_caseworker_sees_the_ambiguous_row_too(cast):
    waiting_run(cast)
    shown = alerts.alerts_for(cast.users["cw_mate"], timezone.localdate())
    assert [a.household for a in shown] == [cast.households["mate"]]


def test_the_teams_supervisor_sees_them_and_nobody_else_does(cast):
    run = waiting_run(cast)
    today = timezone.localdate()
    team = alerts.team_alerts_for(cast.users["sv"], today, cast.office_a)
    assert len(team) == 2 and {a.caseworker_id for a in team} == {cast.staff["cw"].pk}
    for role in ("cw_other", "chief", "clerk", "b_cw"):
        assert alerts.alerts_for(cast.users[role], today) == []
    assert alerts.team_alerts_for(cast.users["sv_other"], today, cast.office_a) == []
    run.items.filter(outcome=Outcome.EXCEPTION).update(outcome=Outcome.DISMISSED)
    assert len(alerts.alerts_for(cast.users["cw"], today)) == 1  # the large change only
