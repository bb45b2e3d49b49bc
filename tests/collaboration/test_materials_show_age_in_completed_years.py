"""The conference materials a partner agency reads give each member's age in completed years (満年齢):
someone whose birthday is tomorrow is shown at the age they are today."""

from datetime import timedelta

from django.urls import reverse

from hogo.collaboration import services
from tests.factories import born_to_turn


def test_a_member_turning_40_tomorrow_is_shown_as_39_to_the_agency(cast, conference, members, client, today):
    head = conference.household.members.get(relation="head")
    head.birth_date = born_to_turn(40, today + timedelta(days=1))
    head.save()
    services.share_materials(cast.users["cw"], conference, facts=["composition"])
    services.sign_pledge(members["community"].user, conference.public_id)

    client.force_login(members["community"].user)
    page = client.get(reverse("agency_conference", args=[conference.public_id])).content.decode()

    assert "世帯主（39歳・男）" in page
    assert "40歳" not in page


def test_a_member_whose_birthday_is_today_is_shown_at_the_new_age(cast, conference, members, client, today):
    head = conference.household.members.get(relation="head")
    head.birth_date = born_to_turn(40, today)
    head.save()
    services.share_materials(cast.users["cw"], conference, facts=["composition"])
    services.sign_pledge(members["community"].user, conference.public_id)

    client.force_login(members["community"].user)
    page = client.get(reverse("agency_conference", args=[conference.public_id])).content.decode()

    assert "世帯主（40歳・男）" in page
