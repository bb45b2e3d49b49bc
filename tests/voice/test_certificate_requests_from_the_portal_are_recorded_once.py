"""A certificate request from the portal becomes a CertificateRequest of its household, once however often
the bundle's records arrive; a bad row (another household's member, an unknown kind, an account of another
household) refuses the whole bundle and nothing of it is kept."""

import pytest

from hogo.audit.models import AuditEntry
from hogo.transfer.services import ImportRefused
from hogo.voice.models import CertificateRequest

from .voice_helpers import certificate_row, deliver, open_to_portal

pytestmark = pytest.mark.django_db


def test_a_request_is_recorded_for_its_household_and_audited_with_its_bundle(cast):
    household = cast.households["own"]
    account = open_to_portal(household)
    row = certificate_row(cast.office_a, household, account)
    received = deliver(cast.office_a.municipality_code, {"certificate_request": [row]})
    request = CertificateRequest.objects.get()
    assert (request.household, request.kind, request.purpose, request.state) == (
        household,
        "receipt",
        "就職のため",
        "open",
    )
    entry = AuditEntry.objects.get(target_type="certificate_request", target_id=str(request.public_id))
    assert entry.detail["from"] == "portal" and entry.detail["bundle"] == str(received.bundle.bundle_id)


def test_the_same_request_in_a_later_bundle_changes_nothing(cast):
    household = cast.households["own"]
    row = certificate_row(cast.office_a, household, open_to_portal(household))
    deliver(cast.office_a.municipality_code, {"certificate_request": [row]})
    deliver(cast.office_a.municipality_code, {"certificate_request": [row]})
    assert CertificateRequest.objects.count() == 1


def test_a_medical_request_names_a_member_of_the_household(cast):
    household = cast.households["own"]
    head = household.members.get()
    row = certificate_row(
        cast.office_a,
        household,
        open_to_portal(household),
        kind="medical",
        purpose="",
        person=str(head.public_id),
        clinic="みなと内科クリニック",
        reason="せきが続く",
    )
    deliver(cast.office_a.municipality_code, {"certificate_request": [row]})
    assert CertificateRequest.objects.get().member == head


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "passport"},
        {"delivery": "fax"},
        {"purpose": ""},
        {"requested_at": "2026-12-01T10:00:00"},
        {"kind": "medical", "person": "other", "clinic": "みなと内科"},
        {"account": "ra-999999"},
    ],
)
def test_a_bad_row_refuses_the_whole_bundle(cast, bad):
    household = cast.households["own"]
    account = open_to_portal(household)
    if bad.get("person") == "other":
        bad["person"] = str(cast.households["mate"].members.get().public_id)
    good = certificate_row(cast.office_a, household, account)
    with pytest.raises(ImportRefused) as refused:
        deliver(
            cast.office_a.municipality_code,
            {"certificate_request": [good, certificate_row(cast.office_a, household, account, **bad)]},
        )
    assert refused.value.reason_code == "import_failed"
    assert not CertificateRequest.objects.exists()
