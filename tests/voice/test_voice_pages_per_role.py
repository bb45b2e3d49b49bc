"""Per-role access to the voice screens (decision 0038). Certificate requests: every caseworking role lists
those of the households it sees; a request opens for whoever sees its household (404 for the rest) and is
fulfilled by the household's CW and SV and the office's clerk (403 for the others who see it). Opinions,
surveys and guides: the chief and the supervisors of the office; others are refused (403), another office's
survey or guide is not found (404)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.voice import services
from hogo.voice.models import CertificateRequest
from tests.roles import ROLES, assert_sent_to_login

from .voice_helpers import certificate_row, deliver, open_to_portal

ROLE_TESTED_URLS = {
    "voice_certificates",
    "voice_certificate",
    "voice_certificate_pdf",
    "voice_opinions",
    "voice_surveys",
    "voice_survey",
    "voice_guides",
    "voice_guide",
}
CASE_ROLES = {"cw", "cw_mate", "cw_other", "sv", "sv_other", "chief", "clerk", "b_cw"}
SEES = {"cw", "cw_mate", "sv", "chief", "clerk"}
FULFILS = {"cw", "sv", "clerk"}
LISTENS = {"sv", "sv_other", "chief"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_of_own(cast):
    household = cast.households["own"]
    deliver(
        cast.office_a.municipality_code,
        {"certificate_request": [certificate_row(cast.office_a, household, open_to_portal(household))]},
    )
    return CertificateRequest.objects.get()


@pytest.fixture
def survey(cast):
    today = timezone.localdate()
    return services.save_survey(
        cast.users["chief"],
        cast.office_a,
        None,
        title="窓口について",
        intro="",
        questions="よかったですか | はい / いいえ",
        opens_on=today,
        closes_on=today + timedelta(days=7),
    )


@pytest.fixture
def guide(cast):
    return services.save_guide(
        cast.users["chief"], cast.office_a, None, title="保護のしおり", body="本文", order=1, published=True
    )


@pytest.mark.parametrize("role", ROLES)
def test_caseworking_roles_list_the_requests_of_households_they_see(everyone, login, role, request_of_own):
    response = login(everyone[role]).get(reverse("voice_certificates"))
    assert response.status_code == (200 if role in CASE_ROLES else 403)
    if response.status_code == 200:
        assert (str(request_of_own.public_id) in response.content.decode()) == (role in SEES)


@pytest.mark.parametrize("role", ROLES)
def test_a_request_opens_for_whoever_sees_its_household(everyone, login, role, request_of_own):
    response = login(everyone[role]).get(reverse("voice_certificate", args=[request_of_own.public_id]))
    assert response.status_code == (200 if role in SEES else 404)
    assert ("交付する" in response.content.decode()) == (role in FULFILS)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_cw_sv_and_clerk_fulfil_a_request(everyone, login, role, request_of_own):
    response = login(everyone[role]).post(
        reverse("voice_certificate", args=[request_of_own.public_id]), {"how": "portal"}
    )
    request_of_own.refresh_from_db()
    assert response.status_code == (302 if role in FULFILS else 403 if role in SEES else 404)
    assert (request_of_own.state == "issued") == (role in FULFILS)


@pytest.mark.parametrize("role", ROLES)
def test_the_pdf_opens_for_whoever_sees_the_household(cast, everyone, login, role, request_of_own):
    services.fulfil(cast.users["cw"], request_of_own, how="portal")
    response = login(everyone[role]).get(reverse("voice_certificate_pdf", args=[request_of_own.public_id]))
    assert response.status_code == (200 if role in SEES else 404)
    assert role not in SEES or response.content.startswith(b"%PDF-")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_chief_and_supervisors_open_opinions_surveys_and_guides(everyone, login, role, survey, guide):
    client = login(everyone[role])
    for name in ("voice_opinions", "voice_surveys", "voice_guides"):
        assert client.get(reverse(name)).status_code == (200 if role in LISTENS else 403), name
    expected = 200 if role in LISTENS else 403
    assert client.get(reverse("voice_survey", args=[survey.public_id])).status_code == expected
    assert client.get(reverse("voice_guide", args=[guide.public_id])).status_code == expected


def test_another_offices_chief_does_not_find_the_survey_or_guide(cast, login, survey, guide):
    client = login(cast.users["b_chief"])
    assert client.get(reverse("voice_survey", args=[survey.public_id])).status_code == 404
    assert client.get(reverse("voice_guide", args=[guide.public_id])).status_code == 404


def test_a_bad_survey_is_a_message_on_its_field_and_saves_nothing(cast, login):
    response = login(cast.users["chief"]).post(
        reverse("voice_surveys"),
        {"title": "題", "questions": "質問 | ひとつだけ", "opens_on": "2026-12-01", "closes_on": "2026-11-01"},
    )
    assert response.status_code == 200
    assert "選択肢は「/」で区切って2つ以上" in response.content.decode()
    assert not services.Survey.objects.exists()


@pytest.mark.parametrize(
    "name, args",
    [("voice_certificates", ()), ("voice_opinions", ()), ("voice_surveys", ()), ("voice_guides", ())],
)
def test_anonymous_visitors_are_sent_to_login(client, name, args):
    assert_sent_to_login(client.get(reverse(name, args=args)))
