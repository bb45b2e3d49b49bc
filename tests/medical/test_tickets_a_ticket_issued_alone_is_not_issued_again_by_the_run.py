"""A 医療券 issued alone for a month (issue_ticket) is not issued again by that month's run, and the run
does not charge the household's 本人支払額 a second time; the run issues the rest."""

from django.db.models import Sum

from hogo.medical import services
from hogo.medical.models import Ticket, TicketKind

from .medical_helpers import NOVEMBER, advisor, assisted, decided_period, institutions


def test_the_run_skips_the_ticket_issued_alone_and_issues_the_rest(cast):
    places, doctor, cw = institutions(cast.office_a), advisor(cast), cast.users["cw"]
    own = assisted(cast, pension=200_000)
    alone = decided_period(cw, doctor, own, places.hospital)
    decided_period(cw, doctor, own, places.clinic)
    first = services.issue_ticket(cw, alone, NOVEMBER)
    assert first.self_pay > 0

    run = services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER)

    assert run.count == 1
    medical = Ticket.objects.filter(kind=TicketKind.MEDICAL, month=NOVEMBER, void=False)
    assert sorted(t.institution_id for t in medical) == sorted([places.hospital.pk, places.clinic.pk])
    assert medical.get(institution=places.clinic).self_pay == 0
    assert medical.aggregate(total=Sum("self_pay"))["total"] == first.self_pay
