"""The household page shows every panel the apps registered, in order, to everyone who may open the
household, and the panels' actions only to those who may change it (its CW and the team's SV).
Everyone else (another team, a collector, the administrator, a partner agency, another office)
gets a 404 and no panel."""

import re

import pytest
from django.urls import reverse

from tests.roles import ROLES, everyone_of

ROLE_TESTED_URLS = {"household_detail"}

PANELS = [
    "確認事項と申告",
    "訪問とケース記録",
    "関係機関との連携",
    "返還金・徴収金",
    "相談・申請・決定",
    "医療扶助・介護扶助",
    "照会（法第29条）",
    "保護費の支給",
    "受給者ポータル",
]
PAGE_SECTIONS = ["いつも確認すること", "世帯員", *PANELS, "状態の履歴", "担当CWの履歴"]
# one action of each panel, in panel order, shown only to those who may change the household
PANEL_ACTIONS = [
    "申告を受け付ける",
    "訪問シートを開く",
    "課題を記録",
    "返還・徴収の決定を起案",
    "申請を受け付ける",
    "傷病届を記録",
    "預貯金の照会（金融機関）",
    "支給方法を変更",
    "ポータルのアカウントを発行",
]
# the clerk, who reads the household, also registers how it is paid (口座の届出 at the counter)
CLERK_ACTIONS = ["支給方法を変更"]

EDIT = ["cw", "sv"]  # the household's CW and the team's SV
READ = ["cw_mate", "chief", "clerk"]
NOT_FOUND = [role for role in ROLES if role not in EDIT + READ]


def open_page(cast, login, role):
    user = everyone_of(cast)[role]
    response = login(user).get(reverse("household_detail", args=[cast.households["own"].public_id]))
    return response.status_code, response.content.decode()


def section_headings(html: str) -> list[str]:
    main = html[html.index('<main id="main"') :]
    return re.findall(r"<h2[^>]*>([^<]+)</h2>", main)


def panel_actions(html: str) -> list[str]:
    return [action for action in PANEL_ACTIONS if action in html]


@pytest.mark.parametrize("role", EDIT)
def test_the_caseworker_and_the_supervisor_see_every_panel_with_its_actions(cast, login, role):
    status, html = open_page(cast, login, role)
    assert status == 200
    assert section_headings(html) == PAGE_SECTIONS
    assert panel_actions(html) == PANEL_ACTIONS


@pytest.mark.parametrize("role", READ)
def test_a_team_mate_the_chief_and_the_clerk_see_every_panel_without_actions(cast, login, role):
    status, html = open_page(cast, login, role)
    assert status == 200
    assert section_headings(html) == PAGE_SECTIONS
    assert panel_actions(html) == (CLERK_ACTIONS if role == "clerk" else [])


@pytest.mark.parametrize("role", NOT_FOUND)
def test_everyone_else_gets_a_404_and_no_panel(cast, login, role):
    status, html = open_page(cast, login, role)
    assert status == 404
    assert not set(section_headings(html)) & set(PAGE_SECTIONS)
