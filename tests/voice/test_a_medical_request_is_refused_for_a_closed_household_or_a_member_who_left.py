"""A 診療依頼書 is issued only while the household is under protection (as a 受給証明書) and only for a
member still in the household: the request may have arrived before the case closed or the member left."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hogo.households.models import Status
from hogo.voice import services
from hogo.voice.models import CertificateRequest

from .voice_helpers import certificate_row, deliver, open_to_portal

pytestmark = pytest.mark.django_db


def medical_request(cast) -> CertificateRequest:
    household = cast.households["own"]
    head = household.members.get()
    row = certificate_row(
        cast.office_a,
        household,
        open_to_portal(household),
        kind="medical",
        purpose="",
        person=str(head.public_id),
        clinic="みなと内科",
        reason="せきが続く",
    )
    deliver(cast.office_a.municipality_code, {"certificate_request": [row]})
    return CertificateRequest.objects.get()


def test_a_medical_request_of_a_household_no_longer_protected_is_refused(cast):
    request = medical_request(cast)
    type(request.household).objects.filter(pk=request.household_id).update(status=Status.TERMINATED)
    with pytest.raises(ValidationError) as refused:
        services.fulfil(cast.users["cw"], request, how="portal")
    assert "保護を受けていない" in str(refused.value.message_dict["how"])
    request.refresh_from_db()
    assert request.state == "open" and not request.pdf


def test_a_medical_request_for_a_member_who_has_left_is_refused_naming_the_member(cast):
    request = medical_request(cast)
    request.member.left_on = timezone.localdate() - timedelta(days=1)
    request.member.save(update_fields=["left_on"])
    with pytest.raises(ValidationError) as refused:
        services.fulfil(cast.users["cw"], request, how="portal")
    assert "世帯を離れている" in " ".join(refused.value.message_dict["member"])
    request.refresh_from_db()
    assert request.state == "open" and not request.pdf


def test_a_medical_request_for_a_member_still_in_the_household_is_issued(cast):
    request = services.fulfil(cast.users["cw"], medical_request(cast), how="portal")
    assert request.state == "issued" and request.pdf
