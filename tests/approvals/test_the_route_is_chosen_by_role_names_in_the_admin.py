"""The office's approval route is chosen in the admin by the roles' Japanese names, one select per
step — no typed role codes — and shown as 査察指導員 → 課長 (issue 17 item 3)."""

import pytest
from django.urls import reverse

from hogo.approvals.models import ApprovalRoute


@pytest.fixture
def admin_client(cast, login):
    user = cast.users["admin"]
    user.is_staff = user.is_superuser = True
    user.save()
    return login(user)


def test_the_form_offers_the_roles_by_name_and_saves_their_order(admin_client, cast):
    page = admin_client.get(reverse("admin:approvals_approvalroute_add")).content.decode()
    assert "1番目の決裁者" in page and ">査察指導員<" in page and ">課長<" in page
    assert '["supervisor", "chief"]' not in page

    response = admin_client.post(
        reverse("admin:approvals_approvalroute_add"),
        {"office": cast.office_a.pk, "step_1": "chief", "step_2": "", "step_3": ""},
    )

    assert response.status_code == 302
    assert ApprovalRoute.objects.get(office=cast.office_a).steps == ["chief"]
    listing = admin_client.get(reverse("admin:approvals_approvalroute_changelist")).content.decode()
    assert "課長" in listing and "chief" not in listing.split("<tbody>", 1)[1].split("</tbody>", 1)[0]


def test_the_same_role_twice_is_refused(admin_client, cast):
    response = admin_client.post(
        reverse("admin:approvals_approvalroute_add"),
        {"office": cast.office_a.pk, "step_1": "supervisor", "step_2": "supervisor", "step_3": ""},
    )

    assert response.status_code == 200 and "同じ役割を2回選ぶことはできません。" in response.content.decode()
    assert not ApprovalRoute.objects.exists()
