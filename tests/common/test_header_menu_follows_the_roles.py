"""The header menu is what the apps registered, in order, filtered by the user's roles: each role
sees exactly its links, the current page's link is marked, and お知らせ carries the unread count."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from hogo.followups.models import Notice
from hogo.offices.models import Role, RoleAssignment
from tests.factories import make_staff
from tests.roles import everyone_of

# 差戻し: always for caseworkers (others only when a draft of theirs came back); 決裁待ち: who takes an approval step
TAIL = ["統計", "証明書・ご意見", "お知らせ"]  # the last links of every caseworking role
CASEWORKER = ["ホーム", "世帯検索", "差戻し", "訪問", "記録検索", "法令", "新規登録", "年齢等の変更", *TAIL]
SUPERVISOR = ["ホーム", "世帯検索", "決裁待ち", "係の状況", "記録検索", "法令", "新規登録", "14日決定", "年齢等の変更"]
SUPERVISOR += ["一斉更正", "連携データ", "照会の送付", "医療券・介護券"]
OFFICE_WIDE = ["ホーム", "世帯検索", "記録検索", "法令", "14日決定", "債権", "一斉更正", "連携データ", "お知らせ"]
MENU = {
    "cw": CASEWORKER,
    "cw_mate": CASEWORKER,
    "b_cw": CASEWORKER,
    "sv": [*SUPERVISOR, *TAIL],
    "chief": [*OFFICE_WIDE[:2], "決裁待ち", *OFFICE_WIDE[2:-1], "照会の集計", "保護費の支給", *TAIL],
    "clerk": [*OFFICE_WIDE[:-1], "照会の送付", "医療券・介護券", "保護費の支給", *TAIL],
    "clerk_and_collector": [*OFFICE_WIDE[:-1], "照会の送付", "医療券・介護券", "保護費の支給", *TAIL],
    "collector": ["ホーム", "債権", "お知らせ"],
    "admin": ["ホーム", "お知らせ"],
    "site_administrator": ["管理"],
    "agency": ["参加している会議"],
}


@pytest.fixture
def users(cast):
    both = make_staff(cast.office_a, Role.CLERK, username="clerk2", name="兼務 事務")
    RoleAssignment.objects.create(staff=both, office=cast.office_a, role=Role.COLLECTOR, valid_from=date(2020, 4, 1))
    site_administrator = get_user_model().objects.create_user(username="root", password="x-1", is_staff=True)
    return {**everyone_of(cast), "clerk_and_collector": both.user, "site_administrator": site_administrator}


def menu_links(html: str) -> list[tuple[str, bool, str]]:
    """(href, marked current, label) of each link of the header menu."""
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return [
        (href, "aria-current" in attributes, re.sub(r"<[^>]+>|\s+", " ", label).split()[0])
        for href, attributes, label in re.findall(r'<a href="([^"]+)"([^>]*)>(.*?)</a>', nav, re.S)
    ]


@pytest.mark.parametrize("role", sorted(MENU))
def test_each_role_sees_exactly_its_menu_links(login, users, role):
    page = "agency_home" if role == "agency" else "notices"
    response = login(users[role]).get(reverse(page))
    assert [label for _href, _current, label in menu_links(response.content.decode())] == MENU[role]


@pytest.mark.parametrize(
    "role,page,label",
    [("sv", "team", "係の状況"), ("cw", "home", "ホーム"), ("chief", "recalc_list", "一斉更正")],
)
def test_only_the_current_pages_link_is_marked_current(login, users, role, page, label):
    links = menu_links(login(users[role]).get(reverse(page)).content.decode())
    assert [(href, link_label) for href, current, link_label in links if current] == [(reverse(page), label)]


def test_unread_notices_are_counted_beside_notices(cast, login, users):
    for day in (date(2026, 1, 5), date(2026, 1, 6)):
        Notice.objects.create(recipient=cast.users["cw"], day=day, title="本日の確認事項", body="…")
    html = login(users["cw"]).get(reverse("home")).content.decode()
    badge = '<span class="badge">2<span class="visually-hidden">件未読</span></span>'
    assert f'<a href="/notices/">お知らせ {badge}</a>' in html


def test_no_badge_without_unread_notices(login, users):
    html = login(users["cw"]).get(reverse("home")).content.decode()
    assert '<a href="/notices/">お知らせ</a>' in html
