"""The standard cast: offices A and B; in A two teams. Team 1 has caseworkers cw and cw_mate
and supervisor sv; team 2 has cw_other and sv_other. Each office has a chief, a clerk and an
admin; office B mirrors the roles. Households: own (cw's), mate (cw_mate's), other_team
(cw_other's), unassigned (A, no caseworker), b_household (office B)."""

from dataclasses import dataclass

import pytest

from hogo.households.models import Household
from hogo.offices.models import Role

from .factories import OfficeFactory, TeamFactory, make_household, make_staff

# The socket guard (issue 22): no test connects outside the machine; HOGO_NO_OUTBOUND=0 turns it off.
from .no_outbound import _no_outbound_attempt_in_this_test, _no_outbound_for_the_run, no_outbound  # noqa: F401
from .roles import everyone_of


@dataclass
class Cast:
    office_a: object
    office_b: object
    users: dict
    staff: dict
    households: dict[str, Household]


@pytest.fixture
def cast(db):
    office_a = OfficeFactory(name="みなと市福祉事務所")
    office_b = OfficeFactory(name="かわせ市福祉事務所", default_grade_area="2-1", default_winter_region="I")
    team1, team2 = TeamFactory(office=office_a, name="保護第1係"), TeamFactory(office=office_a, name="保護第2係")
    team_b = TeamFactory(office=office_b, name="保護第1係")
    staff = {
        "cw": make_staff(office_a, Role.CASEWORKER, team=team1, username="cw", name="佐藤 一郎"),
        "cw_mate": make_staff(office_a, Role.CASEWORKER, team=team1, username="cw_mate", name="鈴木 花子"),
        "sv": make_staff(office_a, Role.SUPERVISOR, team=team1, username="sv", name="高橋 誠"),
        "cw_other": make_staff(office_a, Role.CASEWORKER, team=team2, username="cw_other", name="田中 次郎"),
        "sv_other": make_staff(office_a, Role.SUPERVISOR, team=team2, username="sv_other", name="伊藤 三郎"),
        "chief": make_staff(office_a, Role.CHIEF, username="chief", name="渡辺 課長"),
        "clerk": make_staff(office_a, Role.CLERK, username="clerk", name="小林 事務"),
        "admin": make_staff(office_a, Role.ADMIN, username="admin", name="加藤 管理"),
        "b_cw": make_staff(office_b, Role.CASEWORKER, team=team_b, username="b_cw", name="山本 四郎"),
        "b_sv": make_staff(office_b, Role.SUPERVISOR, team=team_b, username="b_sv", name="中村 五郎"),
        "b_chief": make_staff(office_b, Role.CHIEF, username="b_chief", name="小川 課長"),
        "b_clerk": make_staff(office_b, Role.CLERK, username="b_clerk", name="石井 事務"),
    }
    households = {
        "own": make_household(office_a, staff["cw"], head_name="山田 太郎", head_kana="ヤマダ タロウ"),
        "mate": make_household(office_a, staff["cw_mate"], head_name="松本 さくら", head_kana="マツモト サクラ"),
        "other_team": make_household(office_a, staff["cw_other"], head_name="井上 健", head_kana="イノウエ ケン"),
        "unassigned": make_household(
            office_a, None, head_name="木村 陽子", head_kana="キムラ ヨウコ", status="consultation"
        ),
        "b_household": make_household(office_b, staff["b_cw"], head_name="林 正男", head_kana="ハヤシ マサオ"),
    }
    return Cast(office_a, office_b, {k: v.user for k, v in staff.items()}, staff, households)


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


@pytest.fixture
def everyone(cast):
    """Every role of the per-role access tests by id: the cast plus a collector and a partner-agency
    member of office A (see tests/roles.py)."""
    return everyone_of(cast)
