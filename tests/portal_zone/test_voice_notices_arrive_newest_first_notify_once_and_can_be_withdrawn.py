"""Notices from the core are listed on お知らせ newest first with the unread ones marked; each new notice
notifies the household once (a repeated bundle changes nothing); a notice the core no longer sends is
withdrawn; a bad row refuses the whole bundle."""

import pytest
from django.urls import reverse

from hogo.portal_notify.models import Notification
from hogo.portal_voice.models import PortalNotice
from hogo.transfer.services import ImportRefused

from .voice_helpers import PDF, deliver, household_key, notice, recipient

pytestmark = pytest.mark.django_db


def test_notices_are_listed_newest_first_with_the_unread_marked(client):
    user = recipient()
    key = household_key(user)
    deliver(
        [notice(key, "decision-a", title="古いお知らせ", days_ago=5), notice(key, "decision-b", title="新しいお知らせ")]
    )
    client.force_login(user)
    html = client.get(reverse("my_notices")).content.decode()
    assert html.index("新しいお知らせ") < html.index("古いお知らせ")
    assert html.count("まだ<ruby>読<rt>よ</rt></ruby>んでいません") == 2
    client.get(reverse("my_notice", args=[PortalNotice.objects.get(key="decision-b").pk]))
    html = client.get(reverse("my_notices")).content.decode()
    assert html.count("まだ<ruby>読<rt>よ</rt></ruby>んでいません") == 1


def test_each_new_notice_notifies_once(client):
    key = household_key(recipient())
    rows = [
        notice(key, "decision-a"),
        notice(key, "declaration-b", kind="declaration", title="収入の申告をお願いします"),
    ]
    deliver(rows)
    deliver(rows)
    assert sorted(Notification.objects.values_list("dedupe_key", flat=True)) == [
        "voice-notice:decision-a",
        "voice-notice:declaration-b",
    ]
    assert PortalNotice.objects.count() == 2


def test_a_notice_no_longer_sent_is_withdrawn(client):
    key = household_key(recipient())
    deliver([notice(key, "dunning-a", kind="dunning"), notice(key, "decision-b")])
    deliver([notice(key, "decision-b")])
    assert list(PortalNotice.objects.values_list("key", flat=True)) == ["decision-b"]


def test_a_certificate_notice_keeps_its_pdf():
    key = household_key(recipient())
    deliver(
        [notice(key, "certificate-a", kind="certificate", pdf=PDF)],
        attachments={notice(key, "x", pdf=PDF)["attachment"]: PDF},
    )
    assert bytes(PortalNotice.objects.get().pdf) == PDF


@pytest.mark.parametrize(
    "bad",
    [
        {"household": "nobody"},
        {"kind": "advert"},
        {"title": ""},
        {"dated": "昨日"},
        {"attachment": "0" * 64 + ".pdf"},
        {"office": "999999"},
    ],
)
def test_a_bad_notice_refuses_the_whole_bundle(bad):
    key = household_key(recipient())
    with pytest.raises(ImportRefused):
        deliver([notice(key, "decision-a"), {**notice(key, "decision-b"), **bad}])
    assert not PortalNotice.objects.exists() and not Notification.objects.exists()
