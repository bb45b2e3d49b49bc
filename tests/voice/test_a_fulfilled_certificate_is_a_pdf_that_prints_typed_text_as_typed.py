"""Fulfilling a request makes the certificate's PDF in the core: a 受給証明書 names the office, the head of
the household, the day protection started and the day it certifies, in 和暦, under the office chief's title;
a purpose typed with markup prints as typed. Only the household's CW, its SV and the office's clerk fulfil,
once."""

import subprocess
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hogo.common.wareki import wareki
from hogo.voice import services
from hogo.voice.models import CertificateRequest

from .voice_helpers import certificate_row, deliver, open_to_portal

pytestmark = pytest.mark.django_db
TYPED = '<font size="40">就職</font> & <b>入居</b>'


def requested(cast, **fields) -> CertificateRequest:
    household = cast.households["own"]
    row = certificate_row(cast.office_a, household, open_to_portal(household), **fields)
    deliver(cast.office_a.municipality_code, {"certificate_request": [row]})
    return CertificateRequest.objects.get()


def text_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "c.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_receipt_certifies_the_household_since_its_start_in_wareki(cast, tmp_path):
    office = cast.office_a
    office.head_title = "みなと市福祉事務所長 港 太郎"
    office.save()
    request = services.fulfil(cast.users["cw"], requested(cast, purpose=TYPED), how="portal")
    text = text_of(bytes(request.pdf), tmp_path)
    assert request.state == "issued" and request.fulfilled_by == cast.users["cw"]
    assert "生活保護受給証明書" in text and "山田 太郎" in text
    assert f"{wareki(date(2020, 4, 1))}から現在まで" in text  # the cast's households started then
    assert f"{wareki(timezone.localdate())}現在" in text
    assert "みなと市福祉事務所長 港 太郎" in text and "（みなと市福祉事務所）" in text
    assert TYPED in text


def test_a_medical_request_prints_the_clinic_and_the_member(cast, tmp_path):
    head = cast.households["own"].members.get()
    request = requested(
        cast,
        kind="medical",
        purpose="",
        person=str(head.public_id),
        clinic="<b>みなと内科</b>",
        reason="せきが続く",
        delivery="post",
    )
    request = services.fulfil(cast.users["clerk"], request, how="post")
    text = text_of(bytes(request.pdf), tmp_path)
    assert request.state == "posted"
    assert "診療依頼書" in text and "<b>みなと内科</b> 御中" in text and "山田 太郎" in text and "せきが続く" in text


@pytest.mark.parametrize("role", ["cw_mate", "chief", "collector", "b_cw"])
def test_others_may_not_fulfil(cast, everyone, role):
    request = requested(cast)
    with pytest.raises(PermissionDenied):
        services.fulfil(everyone[role], request, how="portal")
    request.refresh_from_db()
    assert request.state == "open" and not request.pdf


def test_a_request_is_fulfilled_once(cast):
    request = services.fulfil(cast.users["sv"], requested(cast), how="portal")
    with pytest.raises(ValidationError):
        services.fulfil(cast.users["cw"], request, how="post")
