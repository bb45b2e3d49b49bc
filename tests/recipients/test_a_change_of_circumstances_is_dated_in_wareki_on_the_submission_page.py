"""A 法第61条 届出 from the portal shows the day of the change in 和暦 on the core's submission page."""

import pytest
from django.urls import reverse

from hogo.recipients.models import Submission
from hogo.transfer import services as transfer

from .helpers import from_portal, income_submission, issued

pytestmark = pytest.mark.django_db


def test_the_day_of_the_change_is_shown_in_wareki_not_iso(cast, login):
    account, _ = issued(cast)
    row, attachments = income_submission(account)
    row["kind"] = "change"
    row["content"] = {"change": "move", "date": "2026-11-20", "details": "市内で引っ越しました。", "note": ""}
    code = account.household.office.municipality_code
    transfer.import_bundle(from_portal(code, {"submission": [row]}, attachments), "from-portal.zip")
    submission = Submission.objects.get(key=row["key"])
    html = login(cast.users["cw"]).get(reverse("recipient_submission", args=[submission.public_id])).content.decode()
    assert "令和8年11月20日" in html
    assert "2026-11-20" not in html
