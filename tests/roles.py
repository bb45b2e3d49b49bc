"""The people of the per-role access tests, on top of the standard cast (tests/conftest.py):

- cw          caseworker of team 1, whose caseload holds the household "own"
- cw_mate     the other caseworker of team 1 (reads the team's households, edits only her own)
- cw_other    caseworker of team 2 of the same office
- sv          supervisor of team 1
- sv_other    supervisor of team 2
- chief       section chief of office A
- clerk       clerk of office A
- collector   債権管理 (collection team) of office A
- admin       system administrator of office A
- agency      a partner-agency member (an agency of office A) who belongs to no conference
- b_cw, b_sv, b_chief, b_clerk   the same roles in office B

Per-role test modules (tests/**/test_*per_role*.py) declare the URL names they cover in
`ROLE_TESTED_URLS`; tests/common/test_every_view_has_a_per_role_test.py checks that every view
of the core site is covered."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.offices.models import Role, Staff

from .factories import UserFactory, make_staff

# The roles every per-role test asks, in this order (ids of the parametrized tests).
ROLES = ["cw", "cw_mate", "cw_other", "sv", "sv_other", "chief", "clerk", "collector", "admin", "agency", "b_cw"]


def collector_of(office):
    """The collection team member of `office` (created once per test, username "collector")."""
    staff = Staff.objects.filter(user__username="collector").first()
    return (staff or make_staff(office, Role.COLLECTOR, username="collector", name="徴収 担当")).user


def agency_member_of(office, username="agency"):
    """A partner-agency member of an agency of `office`, member of no conference."""
    from hogo.collaboration.models import Agency, AgencyMember

    existing = get_user_model().objects.filter(username=username).first()
    if existing is not None:
        return existing
    agency = Agency.objects.create(office=office, name="みなと市社会福祉協議会", kind="other")
    user = UserFactory(username=username)
    AgencyMember.objects.create(user=user, agency=agency, name="社協 一郎", valid_from=date(2024, 4, 1))
    return user


def everyone_of(cast) -> dict:
    """Every user of the per-role tests by role id (see the module docstring)."""
    return {**cast.users, "collector": collector_of(cast.office_a), "agency": agency_member_of(cast.office_a)}


def assert_sent_to_login(response):
    """An anonymous request is redirected to the login page (and only there)."""
    assert response.status_code == 302
    assert response.url.startswith(reverse("login") + "?next=")


def denied_entries(user, target_id):
    """The audit log's refusals of `user` for the object with this public id (or pk)."""
    return AuditEntry.objects.filter(action=Action.DENIED, actor_id=user.pk, target_id=str(target_id))


def said(response) -> list[tuple[str, str]]:
    """The flash messages a response left for the next page, as (level, text): a refusal of a button
    (approve, return, withdraw …) is a redirect back to the page with an "error" message."""
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def assert_refused_with_message(response, to_url, text):
    """A button's refusal: back to `to_url`, with exactly one message, an error saying `text`."""
    assert response.status_code == 302 and response.url == to_url
    assert said(response) == [("error", text)]
