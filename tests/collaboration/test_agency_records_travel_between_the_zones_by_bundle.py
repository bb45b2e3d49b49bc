"""The core's end of the agency bundles (issue 22): it sends each member (with the hash of a 利用開始コード,
never the code) and each conference with its members, candidate dates and materials — not the household's
name or address; a pledge and date answers from the portal are recorded once and audited with their
bundle; an answer from someone who is not a member of the conference refuses the whole bundle."""

import hashlib
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.audit.models import AuditEntry
from hogo.collaboration import services as collaboration
from hogo.collaboration import transfer
from hogo.collaboration.models import AgencyMember, DateAnswer, Pledge
from hogo.transfer import keys, services
from hogo.transfer.models import Quarantined
from tests.bundles import from_portal, records_of
from tests.roles import agency_member_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def transfer_dirs(settings, tmp_path):
    settings.HOGO_TRANSFER_KEYS_DIR = tmp_path / "keys"
    settings.HOGO_TRANSFER_QUARANTINE_DIR = tmp_path / "quarantine"


@pytest.fixture
def conference(cast):
    member = AgencyMember.objects.get(user=agency_member_of(cast.office_a))
    conference = collaboration.open_conference(
        cast.users["cw"],
        cast.households["own"],
        purpose="受診と日常生活の支援方針を協議する",
        invitations=[(member.agency, "見守りの分担")],
    )
    collaboration.add_member(cast.users["cw"], conference, member)
    collaboration.add_candidate_date(cast.users["cw"], conference, timezone.now() + timedelta(days=7))
    return conference


def test_the_core_sends_members_and_conferences_without_the_households_identity(cast, conference):
    code = cast.office_a.municipality_code
    keys.new_key("core", code)
    member = AgencyMember.objects.get(user__username="agency")
    issued = transfer.issue_portal_code(cast.users["admin"], member)
    sent = records_of(services.export_bundle(cast.office_a, "portal"))
    (row,) = sent["agency_member"]
    assert row["code_hash"] == hashlib.sha256(issued.encode()).hexdigest() and issued not in json.dumps(sent)
    (conf,) = sent["conference"]
    assert conf["key"] == str(conference.public_id)
    assert conf["members"] == [{"member": f"am-{member.pk}", "reason": "見守りの分担", "active": True}]
    assert len(conf["candidates"]) == 1
    household = cast.households["own"]
    text = json.dumps(sent, ensure_ascii=False)
    assert household.case_number not in text and household.address not in text and "山田" not in text


def test_a_pledge_and_date_answers_from_the_portal_are_recorded_once_and_audited(cast, conference):
    code = cast.office_a.municipality_code
    member = AgencyMember.objects.get(user__username="agency")
    candidate = conference.candidate_dates.get()
    signed = timezone.now() - timedelta(hours=2)
    data = from_portal(
        code,
        {
            "pledge": [
                {
                    "office": code,
                    "conference": str(conference.public_id),
                    "member": f"am-{member.pk}",
                    "text": "誓約",
                    "signed_at": signed.isoformat(),
                }
            ],
            "date_answer": [
                {
                    "office": code,
                    "candidate": f"cd-{candidate.pk}",
                    "member": f"am-{member.pk}",
                    "available": True,
                    "answered_at": signed.isoformat(),
                }
            ],
        },
    )
    received = services.import_bundle(data, "from-portal.zip")
    assert not received.already
    pledge = Pledge.objects.get(conference=conference, member=member)
    assert abs((pledge.signed_at - signed).total_seconds()) < 1
    assert DateAnswer.objects.get(candidate=candidate, member=member).available is True
    assert AuditEntry.objects.filter(detail__bundle=received.bundle.bundle_id).count() == 2
    again = services.import_bundle(data, "from-portal.zip")
    assert again.already and Pledge.objects.count() == 1


def test_an_answer_from_someone_not_in_the_conference_refuses_the_whole_bundle(cast, conference):
    code = cast.office_a.municipality_code
    member = AgencyMember.objects.get(user__username="agency")
    candidate = conference.candidate_dates.get()
    outsider = AgencyMember.objects.create(
        user=type(member.user).objects.create(username="outsider"),
        agency=member.agency,
        name="外部 太郎",
        valid_from=member.valid_from,
    )
    now = timezone.now().isoformat()
    data = from_portal(
        code,
        {
            "pledge": [],
            "date_answer": [
                {
                    "office": code,
                    "candidate": f"cd-{candidate.pk}",
                    "member": f"am-{outsider.pk}",
                    "available": False,
                    "answered_at": now,
                }
            ],
        },
    )
    with pytest.raises(services.ImportRefused):
        services.import_bundle(data, "bad.zip")
    assert Quarantined.objects.get().reason_code == "import_failed"
    assert not DateAnswer.objects.exists()


def test_a_pledge_for_another_offices_conference_refuses_the_whole_bundle(cast, conference):
    """A bundle signed for office B carries only office B's records, even where the core serves both."""
    member = AgencyMember.objects.get(user__username="agency")
    row = {
        "office": cast.office_a.municipality_code,
        "conference": str(conference.public_id),
        "member": f"am-{member.pk}",
        "text": "誓約",
        "signed_at": timezone.now().isoformat(),
    }
    data = from_portal(cast.office_b.municipality_code, {"pledge": [row], "date_answer": []})
    with pytest.raises(services.ImportRefused):
        services.import_bundle(data, "other-office.zip")
    assert not Pledge.objects.exists()
