"""The care plan form: an incomplete service row is refused on that row's field, a refusal of the service
lands on the field it names, and a plan typed with amounts like 「70,000円」 is recorded."""

import pytest
from django.urls import reverse

from hogo.medical.models import CarePlan

from ..decisions.change_helpers import head_of
from .medical_helpers import institutions


@pytest.fixture
def page(cast, login):
    places = institutions(cast.office_a)
    household = cast.households["own"]
    member = head_of(household)
    data = {
        "member": member.pk,
        "planner": places.care.pk,
        "limit_units": "19705",
        "starts_on": "2026-11-01",
        "provider_1": places.care.pk,
        "service_1": "訪問介護",
        "cost_1": "７０,０００円",
    }
    return login(cast.users["cw"]), reverse("care_plan_new", args=[household.public_id]), member, data


def test_a_row_without_its_cost_is_refused_on_the_cost_of_that_row(page):
    client, url, member, data = page
    member.care_level = "care_1"
    member.save()
    response = client.post(url, {**data, "cost_1": ""})
    assert response.status_code == 200
    assert response.context["form"].errors == {"cost_1": ["1行目の月の費用を入力してください。"]}
    assert not CarePlan.objects.exists()


def test_a_member_without_a_care_level_is_said_on_the_member_field(page):
    client, url, _, data = page
    response = client.post(url, data)
    assert list(response.context["form"].errors) == ["member"]
    assert not CarePlan.objects.exists()


def test_a_plan_typed_with_yen_signs_and_full_width_digits_is_recorded(page):
    client, url, member, data = page
    member.care_level = "care_1"
    member.save()
    response = client.post(url, data)
    plan = CarePlan.objects.get()
    assert response.status_code == 302 and response.url == reverse("care_plan_detail", args=[plan.public_id])
    assert plan.services == [{"provider": data["provider_1"], "service": "訪問介護", "cost": 70_000}]
