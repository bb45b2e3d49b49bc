"""Team memberships, like roles, count from the start date through the end date; the caseworkers of
a team are the members who hold the caseworker role on that day, in kana order."""

from datetime import date, timedelta

import pytest

from hogo.offices.models import Role, RoleAssignment, TeamMembership
from hogo.offices.queries import caseworkers_of_teams, standing_of
from tests.factories import LONG_AGO, OfficeFactory, TeamFactory, make_staff

START = date(2025, 4, 1)
END = date(2026, 3, 31)
ONE_DAY = timedelta(days=1)


@pytest.fixture
def office(db):
    return OfficeFactory()


@pytest.fixture
def team(office):
    return TeamFactory(office=office, name="保護第1係")


@pytest.mark.parametrize(
    "day, member",
    [(START - ONE_DAY, False), (START, True), (END, True), (END + ONE_DAY, False)],
    ids=["day before start", "start day", "end day", "day after end"],
)
def test_a_team_membership_holds_from_its_start_day_through_its_end_day(office, team, day, member):
    staff = make_staff(office, Role.CASEWORKER)
    TeamMembership.objects.create(staff=staff, team=team, valid_from=START, valid_to=END)
    assert (team.pk in standing_of(staff.user, on=day).team_ids) is member


def test_a_move_between_teams_shows_the_old_team_up_to_the_last_day_and_the_new_one_after(office, team):
    other = TeamFactory(office=office, name="保護第2係")
    staff = make_staff(office, Role.SUPERVISOR, team=team, until=END)
    TeamMembership.objects.create(staff=staff, team=other, valid_from=END + ONE_DAY)
    staff.role_assignments.create(office=office, role=Role.SUPERVISOR, valid_from=END + ONE_DAY)
    assert standing_of(staff.user, on=END).team_ids == {team.pk}
    assert standing_of(staff.user, on=END + ONE_DAY).team_ids == {other.pk}


def test_caseworkers_of_teams_are_the_members_holding_the_caseworker_role_in_kana_order(office, team):
    late = make_staff(office, Role.CASEWORKER, team=team, name="渡辺 一")
    early = make_staff(office, Role.CASEWORKER, team=team, name="青木 二")
    late.name_kana, early.name_kana = "ワタナベ ハジメ", "アオキ ジ"
    late.save(), early.save()
    make_staff(office, Role.SUPERVISOR, team=team, name="査察 指導")
    make_staff(office, Role.CASEWORKER, team=TeamFactory(office=office), name="他係 三")
    make_staff(office, Role.CASEWORKER, name="無所属 四")

    assert list(caseworkers_of_teams([team.pk], START)) == [early, late]


def test_caseworkers_of_teams_follow_the_dates_of_both_membership_and_role(office, team):
    left_team = make_staff(office, Role.CASEWORKER, name="異動 済")
    TeamMembership.objects.create(staff=left_team, team=team, valid_from=LONG_AGO, valid_to=START - ONE_DAY)
    became_supervisor = make_staff(office, Role.CASEWORKER, team=team, name="昇任 済", until=END)
    RoleAssignment.objects.filter(staff=became_supervisor).update(valid_to=START - ONE_DAY)
    staying = make_staff(office, Role.CASEWORKER, team=team, name="在籍 中")

    assert list(caseworkers_of_teams([team.pk], START)) == [staying]
    assert set(caseworkers_of_teams([team.pk], START - ONE_DAY)) == {left_team, became_supervisor, staying}


def test_caseworkers_of_no_team_is_nobody(office, team):
    make_staff(office, Role.CASEWORKER, team=team)
    assert list(caseworkers_of_teams([], START)) == []
