"""Agency records that do not fit together refuse the whole bundle (quarantined, nothing applied): a
conference naming a member the portal never received, a login name another member has, a record of an
office other than the bundle's."""

import pytest

from hogo.portal.models import PortalConference, PortalMember
from hogo.transfer import services

from .helpers import CONFERENCE, conference, from_core, member, standard


def refused(data: bytes) -> str:
    with pytest.raises(services.ImportRefused) as caught:
        services.import_bundle(data, "bad.zip")
    assert caught.value.reason_code == "import_failed"
    return caught.value.quarantined.reason


def test_a_conference_naming_an_unknown_member(db):
    reason = refused(from_core([member(1, "agency_a")], [conference(CONFERENCE, [("am-9", True)])]))

    assert "am-9" in reason
    assert not PortalMember.objects.exists() and not PortalConference.objects.exists()


def test_a_login_name_another_member_has(db):
    standard()

    reason = refused(from_core([member(5, "agency_a")]))

    assert "agency_a" in reason and not PortalMember.objects.filter(key="am-5").exists()


def test_a_record_of_another_office(db, settings):
    settings.HOGO_TRANSFER_SERVED_OFFICES = ["131016", "272000"]
    row = {**member(1, "agency_a"), "office": "272000"}

    refused(from_core([row]))

    assert not PortalMember.objects.exists()
