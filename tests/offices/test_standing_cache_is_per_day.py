"""`standing_of` caches the standing on the user object for one day: asking again for the same day
reads nothing, asking for another day reads that day's roles, never the cached day's."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from hogo.offices.models import Role, RoleAssignment
from hogo.offices.queries import standing_of
from tests.factories import OfficeFactory, make_staff

LAST_DAY = date(2025, 9, 30)
NEXT_DAY = LAST_DAY + timedelta(days=1)


@pytest.fixture
def office(db):
    return OfficeFactory()


@pytest.fixture
def user(office):
    staff = make_staff(office, Role.CASEWORKER, until=LAST_DAY)
    RoleAssignment.objects.create(staff=staff, office=office, role=Role.SUPERVISOR, valid_from=NEXT_DAY)
    return staff.user


def test_asking_again_for_the_same_day_reads_nothing(user, django_assert_num_queries):
    first = standing_of(user, on=LAST_DAY)
    with django_assert_num_queries(0):
        assert standing_of(user, on=LAST_DAY) is first


def test_asking_for_another_day_gives_that_days_roles(user):
    assert standing_of(user, on=LAST_DAY).roles == {Role.CASEWORKER}
    assert standing_of(user, on=NEXT_DAY).roles == {Role.SUPERVISOR}
    assert standing_of(user, on=LAST_DAY).roles == {Role.CASEWORKER}


def test_today_is_the_default_day(user, office):
    today = timezone.localdate()
    assert standing_of(user) == standing_of(user, on=today)
    assert standing_of(user, on=LAST_DAY).has_role(Role.CASEWORKER, office.pk)
    assert standing_of(user).has_role(Role.SUPERVISOR, office.pk) is (today >= NEXT_DAY)
