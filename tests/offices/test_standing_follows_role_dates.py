"""A role counts from its start date through its end date, both days included; a role without an
end date holds from its start on."""

from datetime import date, timedelta

import pytest

from hogo.offices.models import Role
from hogo.offices.queries import standing_of
from tests.factories import OfficeFactory, make_staff

START = date(2025, 4, 1)
END = date(2026, 3, 31)
ONE_DAY = timedelta(days=1)


@pytest.fixture
def office(db):
    return OfficeFactory()


@pytest.fixture
def caseworker(office):
    return make_staff(office, Role.CASEWORKER, since=START, until=END).user


@pytest.mark.parametrize(
    "day, holds",
    [
        (START - ONE_DAY, False),
        (START, True),
        (START + ONE_DAY, True),
        (END - ONE_DAY, True),
        (END, True),
        (END + ONE_DAY, False),
    ],
    ids=["day before start", "start day", "day after start", "day before end", "end day", "day after end"],
)
def test_a_role_holds_from_its_start_day_through_its_end_day(caseworker, office, day, holds):
    assert standing_of(caseworker, on=day).has_role(Role.CASEWORKER, office.pk) is holds


def test_outside_its_dates_the_user_holds_no_office_at_all(caseworker):
    standing = standing_of(caseworker, on=END + ONE_DAY)
    assert standing.staff is not None
    assert standing.roles_by_office == {}
    assert standing.roles == frozenset()


def test_a_role_without_an_end_date_holds_from_its_start_on(office):
    user = make_staff(office, Role.CLERK, since=START).user
    assert not standing_of(user, on=START - ONE_DAY).has_role(Role.CLERK)
    assert standing_of(user, on=START).has_role(Role.CLERK)
    assert standing_of(user, on=date(2099, 12, 31)).has_role(Role.CLERK)


def test_a_role_that_ended_gives_way_to_the_one_that_follows(office):
    staff = make_staff(office, Role.CASEWORKER, since=START, until=END)
    staff.role_assignments.create(office=office, role=Role.SUPERVISOR, valid_from=END + ONE_DAY)
    assert standing_of(staff.user, on=END).roles == {Role.CASEWORKER}
    assert standing_of(staff.user, on=END + ONE_DAY).roles == {Role.SUPERVISOR}
