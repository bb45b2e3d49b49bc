"""A member sees the conference's purpose, their invitation's reason and the candidate dates at once;
the materials, minutes and conclusions only after signing the confidentiality pledge (the core's text)."""

from django.urls import reverse

from hogo.portal.models import PortalPledge
from hogo.portal.services import PLEDGE_TEXT

from .helpers import CONFERENCE, activated, standard


def page(client):
    return client.get(reverse("portal_conference", args=[CONFERENCE])).content.decode()


def test_before_the_pledge_no_material_is_shown(client, db):
    standard()
    client.force_login(activated())

    before = page(client)

    assert "世帯の見守り体制を話し合う" in before and "見守り訪問の状況を共有してほしい" in before
    assert PLEDGE_TEXT in before and "誓約に署名する" in before
    assert "参加できる" in before and "令和" in before
    assert "資料その1" not in before and "見守りの分担を確認した" not in before and "月1回の訪問" not in before


def test_after_the_pledge_the_materials_and_minutes_are_shown(client, db):
    standard()
    client.force_login(activated())

    response = client.post(reverse("portal_pledge", args=[CONFERENCE]))
    after = page(client)

    assert response.status_code == 302
    assert "資料その1" in after and "見守りの分担を確認した" in after and "月1回の訪問" in after
    assert "誓約に署名する" not in after
    pledge = PortalPledge.objects.get()
    assert pledge.text == PLEDGE_TEXT and pledge.member.key == "am-1" and pledge.sent_bundle == ""


def test_signing_twice_keeps_one_pledge(client, db):
    standard()
    client.force_login(activated())

    client.post(reverse("portal_pledge", args=[CONFERENCE]))
    client.post(reverse("portal_pledge", args=[CONFERENCE]))

    assert PortalPledge.objects.count() == 1
