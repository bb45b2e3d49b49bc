"""The daily digests list follow-ups by case number: opening them writes one audit entry naming the
digests shown (decision 0022)."""

from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.followups.models import Notice


def test_opening_the_notices_records_which_digests_were_shown(cast, login, today):
    notice = Notice.objects.create(recipient=cast.users["cw"], day=today, title="本日の確認事項", body="ケース 100001")
    login(cast.users["cw"]).get(reverse("notices"))
    entry = AuditEntry.objects.filter(action=Action.LIST).latest("seq")
    assert entry.actor_username == "cw" and entry.detail == {
        "view": "notices",
        "shown": [str(notice.pk)],
        "shown_count": 1,
    }
