"""The visit sheet the caseworker takes along gives each member's age in completed years (満年齢):
someone whose birthday is tomorrow is shown at the age they are today."""

from datetime import timedelta

from django.urls import reverse

from tests.factories import born_to_turn, make_household


def test_a_member_turning_40_tomorrow_is_shown_as_39_on_the_visit_sheet(cast, login, today):
    household = make_household(cast.office_a, cast.staff["cw"], birth_date=born_to_turn(40, today + timedelta(days=1)))
    page = login(cast.users["cw"]).get(reverse("visit_sheet", args=[household.public_id])).content.decode()
    assert "（39歳）" in page
    assert "40歳" not in page
