"""A recipient's answer from the portal confirms or declines the visit (audited with its bundle, once),
keeps the wish for another time, and the CW sees it on the calendar and the visit list before leaving."""

import pytest
from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.casework.models import VisitStatus
from hogo.checkins.models import VisitAnswer
from hogo.transfer import services

from .checkin_helpers import from_portal, on_portal, proposed_visit, visit_answer

pytestmark = pytest.mark.django_db


def test_a_confirmation_confirms_the_visit_once_and_is_audited_with_its_bundle(cast, login):
    code = cast.office_a.municipality_code
    account = on_portal(cast.households["own"])
    visit = proposed_visit(cast)
    data = from_portal(code, {"visit_answer": [visit_answer(visit, account)]})
    received = services.import_bundle(data, "from-portal.zip")
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CONFIRMED
    entries = AuditEntry.objects.filter(detail__bundle=received.bundle.bundle_id, target_id=str(visit.public_id))
    assert entries.count() == 1 and entries.get().detail["from"] == "portal"
    assert services.import_bundle(data, "from-portal.zip").already
    # the same answer carried again by a later bundle changes nothing
    again = from_portal(code, {"visit_answer": [visit_answer(visit, account, at=visit.portal_answer.answered_at)]})
    services.import_bundle(again, "again.zip")
    assert AuditEntry.objects.filter(target_id=str(visit.public_id), detail__from="portal").count() == 1
    page = login(cast.users["cw"]).get(reverse("visit_calendar") + f"?month={visit.planned_on:%Y-%m}")
    assert "ポータルで確認済み" in page.content.decode()


def test_a_wish_for_another_time_declines_the_visit_and_the_cw_reads_the_wish(cast, login):
    code = cast.office_a.municipality_code
    account = on_portal(cast.households["own"])
    visit = proposed_visit(cast)
    row = visit_answer(visit, account, "other_time", "午後なら大丈夫です")
    services.import_bundle(from_portal(code, {"visit_answer": [row]}), "from-portal.zip")
    visit.refresh_from_db()
    assert visit.status == VisitStatus.DECLINED
    assert VisitAnswer.objects.get(visit=visit).wish == "午後なら大丈夫です"
    client = login(cast.users["cw"])
    for url in (reverse("visit_calendar"), reverse("visit_list")):
        text = client.get(url + f"?month={visit.planned_on:%Y-%m}").content.decode()
        assert "午後なら大丈夫です" in text, url


def test_an_answer_to_a_visit_the_cw_cancelled_meanwhile_is_kept_but_does_not_revive_it(cast):
    code = cast.office_a.municipality_code
    account = on_portal(cast.households["own"])
    visit = proposed_visit(cast)
    visit.status = VisitStatus.CANCELLED
    visit.save()
    services.import_bundle(from_portal(code, {"visit_answer": [visit_answer(visit, account)]}), "x.zip")
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED and VisitAnswer.objects.filter(visit=visit).exists()
