"""The household page has a 証明書の申請（ポータル） section once the household has asked for a certificate
(and none before), linking each request, for everyone who may open the household."""

import pytest
from django.urls import reverse

from hogo.voice.models import CertificateRequest

from .voice_helpers import certificate_row, deliver, open_to_portal

pytestmark = pytest.mark.django_db
TITLE = "証明書の申請（ポータル）"


def page(cast, login, role="cw"):
    url = reverse("household_detail", args=[cast.households["own"].public_id])
    return login(cast.users[role]).get(url).content.decode()


def test_no_section_before_a_request(cast, login):
    assert TITLE not in page(cast, login)


@pytest.mark.parametrize("role", ["cw", "sv", "chief", "clerk"])
def test_the_section_links_each_request(cast, login, role):
    household = cast.households["own"]
    deliver(
        cast.office_a.municipality_code,
        {"certificate_request": [certificate_row(cast.office_a, household, open_to_portal(household))]},
    )
    html = page(cast, login, role)
    assert TITLE in html
    assert reverse("voice_certificate", args=[CertificateRequest.objects.get().public_id]) in html
