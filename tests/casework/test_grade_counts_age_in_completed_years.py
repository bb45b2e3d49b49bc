"""The visit-grade recommendation counts ages in completed years (満年齢): a person living alone is
"75 or over" from their 75th birthday, not from 1 January of that year; a child is under 18 until
their 18th birthday."""

from datetime import timedelta

from django.urls import reverse

from hogo.households.models import Member
from tests.factories import born_to_turn, make_household

ELDERLY_ALONE = "75歳以上の単身世帯"


def living_alone_turning_75(cast, on):
    return make_household(cast.office_a, cast.staff["cw"], birth_date=born_to_turn(75, on))


def test_a_person_alone_turning_75_tomorrow_is_not_yet_counted_as_75_or_over(cast, login, today):
    household = living_alone_turning_75(cast, today + timedelta(days=1))
    page = login(cast.users["cw"]).get(reverse("visit_grade", args=[household.public_id])).content.decode()
    assert ELDERLY_ALONE not in page


def test_a_person_alone_turning_75_today_is_counted_as_75_or_over(cast, login, today):
    household = living_alone_turning_75(cast, today)
    page = login(cast.users["cw"]).get(reverse("visit_grade", args=[household.public_id])).content.decode()
    assert ELDERLY_ALONE in page


def test_a_child_turning_18_tomorrow_still_counts_as_a_child(cast, login, today):
    household = make_household(cast.office_a, cast.staff["cw"], household_type="single_parent")
    Member.objects.create(
        household=household,
        name="山田 次郎",
        name_kana="ヤマダ ジロウ",
        birth_date=born_to_turn(18, today + timedelta(days=1)),
        sex="male",
        relation="child",
    )
    page = login(cast.users["cw"]).get(reverse("visit_grade", args=[household.public_id])).content.decode()
    assert "18歳未満の子どもがいる（1人）" in page
