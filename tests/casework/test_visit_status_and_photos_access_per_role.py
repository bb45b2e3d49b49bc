"""Per-role access to a visit's status, a photo and a photo of a declaration's document, against
the CW's own household: its team and the office-wide roles read, its caseworker and the team's
supervisor change; everyone else gets a 404 that is audited as denied."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from hogo.casework import services
from hogo.casework.models import Photo, Visit
from hogo.followups import services as followups
from tests.roles import ROLES, assert_sent_to_login, denied_entries

ROLE_TESTED_URLS = {"visit_status", "photo", "declaration_photo"}

READ = {role: 404 for role in ROLES} | {r: 200 for r in ("cw", "cw_mate", "sv", "chief", "clerk")}
WORK = READ | {r: 403 for r in ("cw_mate", "chief", "clerk")}


def jpeg():
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 120, 40)).save(out, "JPEG")
    return SimpleUploadedFile("slip.jpg", out.getvalue(), content_type="image/jpeg")


@pytest.fixture
def objects(cast, rules, today):
    household = cast.households["own"]
    cw = cast.users["cw"]
    return {
        "visit": services.propose_visit(cw, household, planned_on=today + timedelta(days=3)),
        "photo": services.attach_photo(cw, household, upload=jpeg(), purpose="room"),
        "declaration": followups.register_declaration(
            cw, household, kind="income", received_on=today - timedelta(days=1), channel="paper"
        ),
    }


@pytest.mark.parametrize("role", ROLES)
def test_changing_a_visits_status_answers_by_role(everyone, objects, login, role):
    visit = objects["visit"]
    response = login(everyone[role]).post(reverse("visit_status", args=[visit.public_id]), {"status": "confirmed"})
    expected = {**WORK, "cw": 302, "sv": 302}[role]
    assert response.status_code == expected
    assert (Visit.objects.get(pk=visit.pk).status == "confirmed") == (expected == 302)
    if expected == 302:
        assert response.url == reverse("household_detail", args=[visit.household.public_id])
    if expected == 404:
        assert denied_entries(everyone[role], visit.public_id).count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_a_photo_is_served_to_those_who_may_see_the_household(everyone, objects, login, role):
    photo = objects["photo"]
    response = login(everyone[role]).get(reverse("photo", args=[photo.public_id]))
    assert response.status_code == READ[role]
    if response.status_code == 200:
        assert response["Content-Type"] == "image/jpeg" and response["Cache-Control"] == "private, no-store"
        assert b"".join(response.streaming_content).startswith(b"\xff\xd8")
    else:
        assert denied_entries(everyone[role], photo.public_id).count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_attaching_a_document_photo_to_a_declaration_answers_by_role(everyone, objects, login, role):
    declaration = objects["declaration"]
    response = login(everyone[role]).post(
        reverse("declaration_photo", args=[declaration.public_id]), {"image": jpeg(), "caption": "給与明細"}
    )
    expected = {**WORK, "cw": 302, "sv": 302}[role]
    assert response.status_code == expected
    assert Photo.objects.filter(declaration=declaration).exists() == (expected == 302)
    if expected == 302:
        assert response.url == reverse("declaration_detail", args=[declaration.public_id])
    if expected == 404:
        assert denied_entries(everyone[role], declaration.public_id).count() == 1


@pytest.mark.parametrize(
    "name, method, target",
    [("visit_status", "post", "visit"), ("photo", "get", "photo"), ("declaration_photo", "post", "declaration")],
)
def test_anonymous_is_sent_to_login(client, objects, name, method, target):
    assert_sent_to_login(getattr(client, method)(reverse(name, args=[objects[target].public_id])))
