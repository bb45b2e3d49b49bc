"""A finished conference becomes a case example with names, addresses, case numbers and dates
removed or generalised."""

import pytest
from django.core.exceptions import ValidationError

from hogo.collaboration import services


def test_names_case_number_address_and_dates_are_removed(cast, conference, agencies, today):
    household = conference.household
    services.record_meeting(
        cast.users["cw"],
        conference,
        held_on=today,
        attended=[],
        minutes=f"山田 太郎さん（ケース{household.case_number}、{household.address}）は2026年11月20日に受診した。"
        "連絡先 03-1234-5678。",
        conclusions="山田さんの受診を優先する。",
    )
    example = services.anonymised_example(cast.users["cw"], conference)
    text = str(example)
    for leaked in ("山田", "太郎", household.case_number, household.address, "2026年11月20日", "03-1234-5678"):
        assert leaked not in text, leaked
    assert "Aさん" in example["minutes"] and "（日付）" in example["minutes"] and "（電話番号）" in example["minutes"]
    assert example["household"].startswith("Aさん（世帯主・70代男性）")
    assert "要介護者" in example["keywords"]


def test_only_a_held_conference_becomes_an_example(cast, conference):
    with pytest.raises(ValidationError):
        services.anonymised_example(cast.users["cw"], conference)
