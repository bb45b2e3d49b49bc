"""Roles are held per office: a caseworker in office A who is a clerk in office B is a caseworker
only in A. `has_role` without an office asks about any office; `offices_with` lists the offices
where the user holds any of the roles."""

from datetime import date

import pytest

from hogo.offices.models import Role, RoleAssignment
from hogo.offices.queries import standing_of
from tests.factories import LONG_AGO, OfficeFactory, make_staff

DAY = date(2025, 6, 1)


@pytest.fixture
def offices(db):
    return OfficeFactory(name="A福祉事務所"), OfficeFactory(name="B福祉事務所"), OfficeFactory(name="C福祉事務所")


@pytest.fixture
def two_office_staff(offices):
    """A caseworker and supervisor in office A, a clerk in office B, nothing in office C."""
    a, b, _ = offices
    staff = make_staff(a, Role.CASEWORKER)
    for office, role in ((a, Role.SUPERVISOR), (b, Role.CLERK)):
        RoleAssignment.objects.create(staff=staff, office=office, role=role, valid_from=LONG_AGO)
    return staff


def test_roles_are_grouped_by_the_office_they_are_held_in(two_office_staff, offices):
    a, b, _ = offices
    standing = standing_of(two_office_staff.user, on=DAY)
    assert standing.roles_by_office == {a.pk: {Role.CASEWORKER, Role.SUPERVISOR}, b.pk: {Role.CLERK}}
    assert standing.roles == {Role.CASEWORKER, Role.SUPERVISOR, Role.CLERK}
    assert sorted(standing.office_ids) == sorted([a.pk, b.pk])


def test_has_role_with_an_office_asks_about_that_office_only(two_office_staff, offices):
    a, b, c = offices
    standing = standing_of(two_office_staff.user, on=DAY)
    assert standing.has_role(Role.CASEWORKER, a.pk)
    assert not standing.has_role(Role.CASEWORKER, b.pk)
    assert standing.has_role(Role.CLERK, b.pk)
    assert not standing.has_role(Role.CLERK, a.pk)
    assert not standing.has_role(Role.CLERK, c.pk)


def test_has_role_without_an_office_asks_about_any_office(two_office_staff):
    standing = standing_of(two_office_staff.user, on=DAY)
    assert standing.has_role(Role.CASEWORKER)
    assert standing.has_role(Role.CLERK)
    assert not standing.has_role(Role.CHIEF)
    assert not standing.has_role(Role.ADMIN)


def test_offices_with_lists_the_offices_holding_any_of_the_roles(two_office_staff, offices):
    a, b, _ = offices
    standing = standing_of(two_office_staff.user, on=DAY)
    assert standing.offices_with(Role.SUPERVISOR) == [a.pk]
    assert standing.offices_with(Role.CLERK) == [b.pk]
    assert sorted(standing.offices_with(Role.CASEWORKER, Role.CLERK)) == sorted([a.pk, b.pk])
    assert standing.offices_with(Role.CHIEF, Role.COLLECTOR) == []
    assert standing.offices_with() == []


def test_a_role_that_ended_in_one_office_leaves_the_other_office_untouched(two_office_staff, offices):
    a, b, _ = offices
    RoleAssignment.objects.filter(staff=two_office_staff, office=b).update(valid_to=date(2025, 5, 31))
    standing = standing_of(two_office_staff.user, on=DAY)
    assert standing.offices_with(Role.CLERK) == []
    assert standing.office_ids == [a.pk]
