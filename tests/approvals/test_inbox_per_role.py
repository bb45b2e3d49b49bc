"""Per-role access to the approval inbox (決裁待ち) and the list of returned drafts (差戻し): one
user per role of office A, a partner-agency member and office B, each seeing exactly the work that
waits for them — a supervisor only their team's drafts and records at their step, the chief only
drafts at the chief's step in their office, office B nothing of office A."""

import pytest
from django.urls import reverse

from tests.roles import ROLES, assert_sent_to_login

from .inbox_work import RETURN_REASON, item_links, make_work

ROLE_TESTED_URLS = {"approval_inbox", "returned_drafts"}

ALL = [*ROLES, "b_sv", "b_chief"]


@pytest.fixture
def work(cast):
    return make_work(cast)


def url_of(name, obj):
    return reverse(name, kwargs={"public_id": obj.public_id})


def waiting_for(role, work) -> set[str]:
    """The links each role's inbox shows."""
    expected = {
        "sv": {
            url_of("decision_detail", work.sv_decision),
            url_of("determination_detail", work.determination),
            url_of("record_detail", work.record),
            url_of("recalc_detail", work.run),
        },
        "sv_other": {
            url_of("decision_detail", work.other_team_decision),
            url_of("record_detail", work.other_team_record),
        },
        "chief": {url_of("decision_detail", work.chief_decision)},
        "b_sv": {url_of("decision_detail", work.b_decision)},
        "b_chief": set(),
    }
    return expected.get(role)


INBOX = {role: 403 for role in ALL} | {r: 200 for r in ("sv", "sv_other", "chief", "b_sv", "b_chief")}
RETURNED = {role: 200 for role in ALL} | {r: 403 for r in ("collector", "admin", "agency")}


@pytest.fixture
def people(everyone, cast):
    """Everyone of tests/roles.py, and office B's supervisor and chief."""
    return {**everyone, "b_sv": cast.users["b_sv"], "b_chief": cast.users["b_chief"]}


@pytest.mark.parametrize("role", ALL)
def test_the_inbox_shows_each_role_exactly_the_work_at_its_step(people, work, login, role):
    response = login(people[role]).get(reverse("approval_inbox"))
    assert response.status_code == INBOX[role]
    if response.status_code == 200:
        assert item_links(response) == waiting_for(role, work)


@pytest.mark.parametrize("role", ALL)
def test_the_returned_list_shows_a_caseworker_their_returned_draft_with_the_reason(people, work, login, role):
    response = login(people[role]).get(reverse("returned_drafts"))
    assert response.status_code == RETURNED[role]
    if response.status_code == 200:
        mine = {url_of("decision_detail", work.returned)} if role == "cw" else set()
        assert item_links(response) == mine
        assert (RETURN_REASON in response.content.decode()) == (role == "cw")


@pytest.mark.parametrize("name", ["approval_inbox", "returned_drafts"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, name):
    assert_sent_to_login(client.get(reverse(name)))


def badge_of(page: str, label: str) -> str | None:
    """The count beside a header link, or None when the link has no badge (or is not there)."""
    start = page.find(f'>{label} <span class="badge">')
    if start < 0:
        return None
    return page[start:].split('class="badge">', 1)[1].split("<", 1)[0]


@pytest.mark.parametrize(
    "role, waiting, returned",
    [
        ("cw", None, "1"),
        ("cw_mate", None, None),
        ("sv", "4", None),
        ("sv_other", "2", None),
        ("chief", "1", None),
        ("clerk", None, None),
        ("b_sv", "1", None),
        ("b_chief", None, None),
    ],
)
def test_the_header_counts_what_waits_and_what_came_back(cast, work, login, role, waiting, returned):
    page = login(cast.users[role]).get(reverse("household_search")).content.decode()
    assert badge_of(page, "決裁待ち") == waiting
    assert badge_of(page, "差戻し") == returned
    assert ('href="/approvals/inbox/"' in page) == (role in ("sv", "sv_other", "chief", "b_sv", "b_chief"))
    assert ('href="/approvals/returned/"' in page) == (role in ("cw", "cw_mate", "b_cw"))
