"""The portal sends a pledge or a date answer again in every bundle until the core acknowledges one that
carried it: the same rows in a new bundle change nothing and are not audited again, even when the member
left the conference since."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.audit.models import AuditEntry
from hogo.collaboration import services as collaboration
from hogo.collaboration.models import AgencyMember, ConferenceMember, DateAnswer, Pledge
from hogo.transfer import services
from hogo.transfer.models import Quarantined
from tests.bundles import from_portal
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


def rows(cast, conference, available=True) -> dict:
    code = cast.office_a.municipality_code
    member = AgencyMember.objects.get(user=agency_member_of(cast.office_a))
    at = (timezone.now() - timedelta(hours=1)).isoformat()
    return {
        "pledge": [
            {
                "office": code,
                "conference": str(conference.public_id),
                "member": f"am-{member.pk}",
                "text": "誓約",
                "signed_at": at,
            }
        ],
        "date_answer": [
            {
                "office": code,
                "candidate": f"cd-{conference.candidate_dates.get().pk}",
                "member": f"am-{member.pk}",
                "available": available,
                "answered_at": at,
            }
        ],
    }


def audited(received) -> int:
    return AuditEntry.objects.filter(detail__bundle=received.bundle.bundle_id).count()


def test_the_same_pledge_and_answer_in_a_new_bundle_are_not_recorded_nor_audited_again(cast, conference):
    code = cast.office_a.municipality_code
    first = services.import_bundle(from_portal(code, rows(cast, conference)), "first.zip")
    assert audited(first) == 2

    again = services.import_bundle(from_portal(code, rows(cast, conference)), "again.zip")

    assert not again.already and audited(again) == 0
    assert Pledge.objects.count() == 1 and DateAnswer.objects.get().available is True


def test_rows_sent_again_after_the_member_left_do_not_refuse_the_bundle(cast, conference):
    code = cast.office_a.municipality_code
    services.import_bundle(from_portal(code, rows(cast, conference)), "first.zip")
    collaboration.remove_member(cast.users["cw"], ConferenceMember.objects.get(conference=conference))

    services.import_bundle(from_portal(code, rows(cast, conference)), "again.zip")

    assert not Quarantined.objects.exists()


def test_a_changed_answer_is_still_recorded_and_audited(cast, conference):
    code = cast.office_a.municipality_code
    services.import_bundle(from_portal(code, rows(cast, conference)), "first.zip")

    changed = services.import_bundle(from_portal(code, rows(cast, conference, available=False)), "changed.zip")

    assert DateAnswer.objects.get().available is False and audited(changed) == 1
