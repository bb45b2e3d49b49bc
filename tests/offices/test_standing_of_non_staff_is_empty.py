"""A user who is not office staff — anonymous, a login without a staff record, a superuser, a
partner-agency member — has an empty standing: no staff, no role in any office, no team."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from hogo.collaboration.models import Agency, AgencyMember
from hogo.offices.models import Role
from hogo.offices.queries import standing_of
from tests.factories import OfficeFactory


def assert_empty(standing):
    assert standing.staff is None
    assert standing.roles_by_office == {}
    assert standing.team_ids == frozenset()
    assert standing.roles == frozenset()
    assert standing.office_ids == []
    assert not standing.has_role(Role.CASEWORKER)
    assert standing.offices_with(*Role.values) == []


def test_an_anonymous_user_has_an_empty_standing(db):
    assert_empty(standing_of(AnonymousUser()))


def test_a_login_without_a_staff_record_has_an_empty_standing(db):
    assert_empty(standing_of(get_user_model().objects.create_user(username="nobody")))


def test_a_django_superuser_without_a_staff_record_has_no_office_role(db):
    assert_empty(standing_of(get_user_model().objects.create_superuser(username="root")))


def test_a_partner_agency_member_has_an_empty_standing(db):
    agency = Agency.objects.create(office=OfficeFactory(), name="地域包括支援センター", kind="community_care_centre")
    user = get_user_model().objects.create_user(username="houkatsu")
    AgencyMember.objects.create(user=user, agency=agency, name="包括 太郎", valid_from=date(2024, 4, 1))
    assert_empty(standing_of(user))
