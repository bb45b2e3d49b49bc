"""Bad input for the kinds of issue 15 that carry their own fields — 転居, 介護施設入所, 就学状況,
常時在宅 — is refused with the field named and nothing saved: a move without its address, prefecture
or 級地, a move of one member, a move with an end, a facility stay without a monthly amount, a school
stage that is not on the list, the move's fields on another kind. Through the form the message is on
the field."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.households.models import Circumstance

from .circumstance_helpers import OCTOBER, head_of, record_change

MOVE = {"amount": 40_000, "new_address": "北海道札幌市中央区1", "new_prefecture": "北海道", "new_grade_area": "1-2"}


def refused(cw, household, kind, **values) -> dict:
    with pytest.raises(ValidationError) as caught:
        record_change(cw, household, kind, **values)
    assert not Circumstance.objects.exists()
    assert not AuditEntry.objects.filter(action=Action.CREATE, target_type="circumstance").exists()
    return caught.value.message_dict


@pytest.mark.parametrize(
    "missing, message",
    [
        ("new_address", "転居先の住所を入力してください。"),
        ("new_prefecture", "転居先の都道府県を入力してください（住宅扶助の限度額に使います）。"),
        ("new_grade_area", "転居先の級地を一覧から選んでください。"),
        ("amount", "月額を入力してください。"),
    ],
)
def test_a_move_without_a_required_value_is_refused_on_that_field(cast, missing, message):
    values = {k: v for k, v in MOVE.items() if k != missing}
    errors = refused(cast.users["cw"], cast.households["own"], "move", **values)
    assert errors[missing] == [message]


def test_a_prefecture_that_is_not_one_of_the_47_is_refused_on_the_prefecture(cast):
    errors = refused(cast.users["cw"], cast.households["own"], "move", **(MOVE | {"new_prefecture": "北海"}))
    assert errors["new_prefecture"] == ["転居先の都道府県は一覧から選んでください。"]


def test_a_postal_code_that_is_not_seven_digits_is_refused_on_the_postal_code(cast):
    errors = refused(cast.users["cw"], cast.households["own"], "move", **(MOVE | {"new_postal_code": "abc"}))
    assert errors["new_postal_code"] == ["郵便番号は 100-0001 のように7桁で入力してください。"]


def test_a_move_of_one_member_is_refused_on_the_member(cast):
    household = cast.households["own"]
    errors = refused(cast.users["cw"], household, "move", member=head_of(household), **MOVE)
    assert errors["member"] == ["転居は世帯の変更です。世帯員は選ばないでください。"]


def test_a_move_with_an_end_is_refused_on_the_end(cast):
    errors = refused(cast.users["cw"], cast.households["own"], "move", effective_to=OCTOBER.replace(month=12), **MOVE)
    assert errors["effective_to"] == ["転居に適用終了日はありません（次の転居を記録します）。"]


def test_an_unknown_grade_area_or_winter_region_is_refused_on_its_field(cast):
    errors = refused(
        cast.users["cw"],
        cast.households["own"],
        "move",
        **(MOVE | {"new_grade_area": "4-1", "new_winter_region": "IX"}),
    )
    assert errors["new_grade_area"] == ["転居先の級地を一覧から選んでください。"]
    assert errors["new_winter_region"] == ["冬季加算地区を一覧から選んでください。"]


def test_the_move_fields_on_another_kind_are_refused_on_the_field(cast):
    errors = refused(cast.users["cw"], cast.households["own"], "care_premium", amount=3_000, new_address="どこか")
    assert errors["new_address"] == ["転居先の項目は転居にだけ入力します。"]


def test_a_facility_stay_without_an_amount_or_with_zero_is_refused_on_the_amount(cast):
    household = cast.households["own"]
    assert refused(cast.users["cw"], household, "facility")["amount"] == ["月額を入力してください。"]
    assert refused(cast.users["cw"], household, "facility", amount=0)["amount"] == [
        "介護施設入所者基本生活費の月額を入力してください（0円は入力できません）。"
    ]


def test_a_school_stage_not_on_the_list_is_refused_on_the_stage(cast):
    errors = refused(cast.users["cw"], cast.households["own"], "school", school_stage="university")
    assert errors["school_stage"] == ["就学状況を一覧から選んでください。"]


def test_a_school_stage_on_another_kind_is_refused_on_the_stage(cast):
    errors = refused(cast.users["cw"], cast.households["own"], "homebound", school_stage="elementary")
    assert errors["school_stage"] == ["就学状況は就学状況の変更にだけ入力します。"]


def test_through_the_form_a_move_without_its_address_shows_the_message_on_the_field(cast, login):
    household = cast.households["own"]
    response = login(cast.users["cw"]).post(
        reverse("circumstance_new", args=[household.public_id]),
        {
            "kind": "move",
            "effective_from": "2026-10-01",
            "amount": "40,000円",
            "new_prefecture": "北海道",
            "new_grade_area": "1-2",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_address"] == ["転居先の住所を入力してください。"]
    assert not Circumstance.objects.exists()
