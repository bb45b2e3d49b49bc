"""Every value of the household and member forms has a stated bound: a postal code is NNN-NNNN, the
prefecture is one of the 47, the rent at most 300,000円 a month, a birth date at most 120 years back,
援助方針 and 留意事項 at most 2,000 characters. A value outside is refused on its field — by the
page and by the service — and nothing is saved."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.common.prefectures import PREFECTURE_NAMES, PREFECTURES, prefecture_named
from hogo.households import demo, services
from hogo.households.models import Household, Member

pytestmark = pytest.mark.django_db


def form_data(cast, **overrides):
    return {
        "case_number": "2026-0001",
        "household_type": "elderly",
        "caseworker": cast.staff["cw"].pk,
        "postal_code": "100-0001",
        "prefecture": "東京都",
        "address": "東京都みなと市一丁目2番3号",
        "rent": "45000",
        "grade_area": "1-1",
        "winter_region": "VI",
        "name": "青木 美咲",
        "name_kana": "あおき みさき",
        "birth_date": "1950-06-15",
        "sex": "female",
        "assistance_policy": "",
        "cautions": "",
        **overrides,
    }


@pytest.mark.parametrize(
    "field,value,said",
    [
        ("postal_code", "abc", "100-0001 のように7桁"),
        ("postal_code", "100-00011", "100-0001 のように7桁"),
        ("prefecture", "東京", "一覧から選んでください"),
        ("prefecture", "どこか県", "一覧から選んでください"),
        ("rent", "9999999", "300,000円以下"),
        ("birth_date", "1900-06-01", "120年前"),
        ("assistance_policy", "あ" * 24_000, "2000文字以内"),
        ("cautions", "い" * 2_001, "2000文字以内"),
    ],
)
def test_the_registration_form_refuses_a_value_outside_its_bound(cast, login, field, value, said):
    households = Household.objects.count()
    response = login(cast.users["cw"]).post(reverse("household_new"), form_data(cast, **{field: value}))
    assert response.status_code == 200
    assert said in " ".join(response.context["form"].errors[field])
    assert Household.objects.count() == households


def test_a_postal_code_typed_in_full_width_or_without_the_hyphen_is_kept_as_nnn_nnnn(cast, login):
    response = login(cast.users["cw"]).post(reverse("household_new"), form_data(cast, postal_code="１０００００１"))
    assert response.status_code == 302
    assert Household.objects.get(case_number="2026-0001").postal_code == "100-0001"


@pytest.mark.parametrize(
    "field,value,said",
    [
        ("prefecture", "どこか県", "都道府県は一覧から選んでください"),
        ("rent", 9_999_999, "300,000円以下"),
        ("postal_code", "abc", "100-0001 のように7桁"),
        ("assistance_policy", "あ" * 24_000, "2,000文字以内"),
    ],
)
def test_the_service_refuses_them_too(cast, field, value, said):
    values = {
        "case_number": "2026-0002",
        "address": "東京都みなと市一丁目",
        "grade_area": "1-1",
        "winter_region": "VI",
        "household_type": "elderly",
        field: value,
    }
    with pytest.raises(ValidationError) as refused:
        services.register_household(
            cast.users["cw"],
            household=services.HouseholdInput(**values),
            head=services.MemberInput("青木 美咲", "アオキ ミサキ", date(1950, 6, 15), "female", "head"),
            caseworker=cast.staff["cw"],
            office=cast.office_a,
        )
    assert said in " ".join(refused.value.message_dict[field])
    assert not Household.objects.filter(case_number="2026-0002").exists()


def test_the_always_know_form_refuses_a_24000_character_policy(cast, login):
    household = cast.households["own"]
    response = login(cast.users["cw"]).post(
        reverse("always_know_edit", args=[household.public_id]), {"assistance_policy": "あ" * 24_000, "cautions": ""}
    )
    assert response.status_code == 200
    assert "援助方針は2000文字以内" in " ".join(response.context["form"].errors["assistance_policy"])
    with pytest.raises(ValidationError) as refused:
        services.update_always_know(cast.users["cw"], household, assistance_policy="あ" * 24_000, cautions="")
    assert "2,000文字以内" in refused.value.message_dict["assistance_policy"][0]
    household.refresh_from_db()
    assert household.assistance_policy == ""


@pytest.mark.parametrize(
    "field,value,said",
    [
        ("birth_date", "1900-06-01", "120年前"),
        ("name", "あ" * 101, "100文字以内"),
        ("disability_grade", "1" * 21, "20文字以内"),
    ],
)
def test_the_member_form_refuses_a_value_outside_its_bound(cast, login, field, value, said):
    household = cast.households["own"]
    members = Member.objects.count()
    data = {
        "name": "山田 花子",
        "name_kana": "やまだ はなこ",
        "birth_date": "1955-01-01",
        "sex": "female",
        "relation": "spouse",
    }
    response = login(cast.users["cw"]).post(reverse("member_new", args=[household.public_id]), {**data, field: value})
    assert response.status_code == 200
    assert said in " ".join(response.context["form"].errors[field])
    assert Member.objects.count() == members


def test_the_prefectures_are_the_47_the_benefit_tables_know_and_the_demo_uses_real_ones():
    assert len(PREFECTURES) == 47 and len(set(PREFECTURE_NAMES)) == 47
    assert {office.prefecture for office in demo.OFFICES} <= set(PREFECTURE_NAMES)
    assert prefecture_named("東京") == "東京都" and prefecture_named("大阪") == "大阪府"
    assert prefecture_named("どこか") is None
