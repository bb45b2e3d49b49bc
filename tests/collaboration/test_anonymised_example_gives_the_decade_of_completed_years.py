"""The anonymised case example gives each person's decade from their age in completed years: someone
turning 40 tomorrow is still in their thirties."""

from datetime import timedelta

from hogo.collaboration import services
from tests.factories import born_to_turn


def test_a_member_turning_40_tomorrow_is_described_as_in_their_thirties(cast, conference, today):
    head = conference.household.members.get(relation="head")
    head.birth_date = born_to_turn(40, today + timedelta(days=1))
    head.save()
    services.record_meeting(
        cast.users["cw"],
        conference,
        held_on=today,
        attended=[],
        minutes="受診を勧めた。",
        conclusions="受診を優先する。",
    )

    example = services.anonymised_example(cast.users["cw"], conference)

    assert example["household"].startswith("Aさん（世帯主・30代男性）")
