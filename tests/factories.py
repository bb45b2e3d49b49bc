"""Builders for test data. Synthetic names only."""

from datetime import date, timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from hogo.common.kana import search_key
from hogo.households.models import CaseworkerAssignment, Household, Member, StatusChange
from hogo.offices.models import Office, RoleAssignment, Staff, Team, TeamMembership

PASSWORD = "correct-horse-battery"
LONG_AGO = date(2020, 4, 1)


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    name = factory.Sequence(lambda n: f"テスト市{n}福祉事務所")
    municipality_code = factory.Sequence(lambda n: f"{980000 + n:06d}")
    default_grade_area = "1-1"
    default_winter_region = "VI"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"保護第{n}係")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def make_staff(office, role, *, team=None, username=None, name=None, since=LONG_AGO, until=None):
    user = UserFactory(**({"username": username} if username else {}))
    staff = Staff.objects.create(user=user, name=name or f"職員 {user.username}", name_kana="ショクイン")
    RoleAssignment.objects.create(staff=staff, office=office, role=role, valid_from=since, valid_to=until)
    if team is not None:
        TeamMembership.objects.create(staff=staff, team=team, valid_from=since, valid_to=until)
    return staff


_case_numbers = iter(range(100000, 999999))


def make_household(
    office,
    caseworker=None,
    *,
    head_name="山田 太郎",
    head_kana="ヤマダ タロウ",
    status="active",
    household_type="elderly",
    since=LONG_AGO,
    case_number=None,
    birth_date=date(1950, 5, 1),
):
    household = Household.objects.create(
        office=office,
        case_number=case_number or f"{next(_case_numbers)}",
        address="東京都みなと市一丁目1番1号",
        grade_area=office.default_grade_area,
        winter_region=office.default_winter_region,
        household_type=household_type,
        status=status,
    )
    Member.objects.create(
        household=household,
        name=head_name,
        name_kana=head_kana,
        search_name=search_key(head_name),
        search_kana=search_key(head_kana),
        birth_date=birth_date,
        sex="male",
        relation="head",
    )
    StatusChange.objects.create(
        household=household, from_status="", to_status=status, effective_date=since, reason="テスト"
    )
    if caseworker is not None:
        CaseworkerAssignment.objects.create(household=household, caseworker=caseworker, valid_from=since)
    return household


def yesterday():
    return timezone.localdate() - timedelta(days=1)


def born_to_turn(age, on):
    """A birth date `age` years before `on`, on the same day of the year (1 March if that year has no 29 February)."""
    try:
        return on.replace(year=on.year - age)
    except ValueError:
        return date(on.year - age, 3, 1)
