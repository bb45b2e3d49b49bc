"""Bad input for a change of circumstances is refused with the field named, and nothing is saved:
a negative premium, a member of another household, a date outside the assistance period, an end
before the start, a grade the certificate does not have, a pregnancy of a man, a departure of the
head, a value of another kind. Through the form the message is on the field."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.households.models import Circumstance, StatusChange

from .circumstance_helpers import head_of, record_change


def refused(cw, household, kind, **values) -> dict:
    with pytest.raises(ValidationError) as caught:
        record_change(cw, household, kind, **values)
    assert not Circumstance.objects.exists()
    assert not AuditEntry.objects.filter(action=Action.CREATE, target_type="circumstance").exists()
    return caught.value.message_dict


def test_a_negative_premium_is_refused_on_the_amount(cast):
    errors = refused(cast.users["cw"], cast.households["own"], "care_premium", amount=-3_000)
    assert errors["amount"] == ["負の金額は入力できません。"]


def test_a_premium_without_an_amount_is_refused_on_the_amount(cast):
    assert "amount" in refused(cast.users["cw"], cast.households["own"], "care_premium")


def test_a_member_of_another_household_is_refused_on_the_member(cast):
    other = head_of(cast.households["mate"])
    errors = refused(cast.users["cw"], cast.households["own"], "care_premium", member=other, amount=3_000)
    assert errors["member"] == ["この世帯の世帯員を選んでください。"]


def test_a_date_before_the_assistance_began_is_refused_on_the_day(cast):
    household = cast.households["own"]
    StatusChange.objects.filter(household=household).update(effective_date=date(2026, 4, 1))
    errors = refused(cast.users["cw"], household, "care_premium", amount=3_000, effective_from=date(2026, 3, 1))
    assert errors["effective_from"] == ["適用開始日が保護の期間（令和8年4月から）より前です。"]


def test_a_date_after_the_assistance_ended_is_refused_on_the_day(cast):
    household = cast.households["own"]
    household.status = "terminated"
    household.save()
    StatusChange.objects.create(
        household=household, from_status="active", to_status="terminated", effective_date=date(2026, 9, 15), reason="t"
    )
    errors = refused(cast.users["cw"], household, "rent", amount=40_000, effective_from=date(2026, 10, 1))
    assert errors["effective_from"] == ["適用開始日が保護の期間（令和8年9月まで）より後です。"]


def test_an_end_before_the_start_is_refused_on_the_end(cast):
    errors = refused(
        cast.users["cw"], cast.households["own"], "care_premium", amount=3_000, effective_to=date(2026, 9, 30)
    )
    assert "effective_to" in errors


@pytest.mark.parametrize(
    "values, field",
    [
        ({"certificate": "physical", "grade": "8級"}, "grade"),
        ({"certificate": "mental", "grade": "4級"}, "grade"),
        ({"certificate": "", "grade": "1級"}, "certificate"),
        ({"certificate": "physical", "grade": "1級", "amount": 3_000}, "amount"),
    ],
)
def test_a_certificate_grade_that_does_not_exist_is_refused_on_its_field(cast, values, field):
    assert field in refused(cast.users["cw"], cast.households["own"], "disability", **values)


def test_a_pregnancy_of_a_man_or_without_a_stage_is_refused(cast):
    cw, household = cast.users["cw"], cast.households["own"]
    assert refused(cw, household, "pregnancy", pregnancy_stage="under_6_months")["member"] == [
        "妊娠・出産は女性の世帯員についてだけ記録できます。"
    ]
    assert "pregnancy_stage" in refused(cw, household, "pregnancy")


def test_the_departure_of_the_head_and_a_rent_for_a_member_are_refused_on_the_member(cast):
    cw, household = cast.users["cw"], cast.households["own"]
    assert "member" in refused(cw, household, "departure")
    assert "member" in refused(cw, household, "rent", member=head_of(household), amount=40_000)


def test_the_form_shows_the_message_on_the_field_and_saves_nothing(cast, login):
    household = cast.households["own"]
    response = login(cast.users["cw"]).post(
        reverse("circumstance_new", args=[household.public_id]),
        {
            "kind": "care_premium",
            "member": str(head_of(household).public_id),
            "effective_from": "2026-10-01",
            "amount": "-3000",
        },
    )
    assert response.status_code == 200
    assert "月額は数字で入力してください。" in response.context["form"].errors["amount"]
    response = login(cast.users["cw"]).post(
        reverse("circumstance_new", args=[household.public_id]),
        {
            "kind": "disability",
            "member": str(head_of(household).public_id),
            "effective_from": "2026-10-01",
            "certificate": "mental",
            "grade": "5級",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["grade"] == ["精神障害の等級は1級・2級・3級です。"]
    assert not Circumstance.objects.exists()
