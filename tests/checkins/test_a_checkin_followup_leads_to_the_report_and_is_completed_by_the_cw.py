"""The follow-up a self-report makes leads the CW to the check-in's page (the answers), and the CW marks it
done on the follow-up's page after reading or calling."""

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.checkins import services as checkins
from hogo.checkins.models import Checkin
from hogo.followups.models import FollowUp, State
from hogo.followups.queries import link_of
from hogo.transfer import services

from .checkin_helpers import checkin_answer, from_portal, on_portal

pytestmark = pytest.mark.django_db


def test_the_followup_links_to_the_report_and_the_cw_completes_it(cast, login):
    today = timezone.localdate()
    account = on_portal(cast.households["own"])
    checkins.set_plan(cast.users["cw"], cast.households["own"], interval_months=1, starts_on=today, active=True)
    checkins.run_daily(today)
    checkin = Checkin.objects.get()
    row = checkin_answer(checkin, account, living="troubled", message="電気代が払えない")
    services.import_bundle(from_portal(cast.office_a.municipality_code, {"checkin_answer": [row]}), "a.zip")
    item = FollowUp.objects.get(key=f"checkin:{checkin.public_id}")
    assert link_of(item) == reverse("checkin_detail", args=[checkin.public_id])
    client = login(cast.users["cw"])
    page = client.get(reverse("followup_detail", args=[item.public_id])).content.decode()
    assert "完了にする" in page
    response = client.post(
        reverse("followup_done", args=[item.public_id]), {"done_on": today.isoformat(), "note": "電話で事情を聞いた"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.state == State.DONE
