"""A bundle signed by the core with agency_member and conference records is applied: each member gets a
sign-in that cannot be used before 利用開始, and each conference its memberships, dates and materials."""

from django.contrib.auth import get_user_model

from hogo.portal.models import PortalConference, PortalMember

from .helpers import CONFERENCE, standard


def test_members_arrive_with_an_unusable_password_and_the_code_hash(db):
    received = standard()

    assert received.counts == {"agency_member": 2, "conference": 2}
    member = PortalMember.objects.get(key="am-1")
    assert member.user.username == "agency_a" and member.agency == "みなと地域包括支援センター"
    assert not member.user.has_usable_password() and member.activated_at is None
    assert len(member.code_hash) == 64
    assert get_user_model().objects.count() == 2


def test_a_conference_arrives_with_its_member_dates_and_materials(db):
    standard()

    conference = PortalConference.objects.get(key=CONFERENCE)
    assert conference.office == "131016" and conference.purpose == "世帯の見守り体制を話し合う"
    membership = conference.memberships.get()
    assert membership.member.key == "am-1" and membership.active
    assert membership.reason == "見守り訪問の状況を共有してほしい"
    assert conference.candidates.count() == 2 and conference.materials.count() == 1


def test_the_same_bundle_twice_changes_nothing(db):
    from hogo.transfer import services

    from .helpers import from_core, member

    data = from_core([member(1, "agency_a")])
    services.import_bundle(data, "a.zip")
    again = services.import_bundle(data, "a.zip")

    assert again.already and PortalMember.objects.count() == 1
