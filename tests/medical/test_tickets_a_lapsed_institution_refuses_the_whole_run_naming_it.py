"""A run is all-or-nothing: when an institution of the month is no longer designated (its designation ended
before the month), the whole run is refused naming the institution and the case, and nothing is issued —
not even the other institutions' tickets; once the directory is put right, the month runs."""

from datetime import date

import pytest

from hogo.medical import services
from hogo.medical.models import Institution, Ticket, TicketRun

from .medical_helpers import NOVEMBER, advisor, assisted, decided_period, institutions


def test_a_lapsed_institution_refuses_the_whole_run_and_issues_nothing(cast):
    places, doctor = institutions(cast.office_a), advisor(cast)
    decided_period(cast.users["cw"], doctor, assisted(cast), places.hospital)
    decided_period(
        cast.users["cw_mate"], doctor, assisted(cast, "mate", cw="cw_mate"), places.clinic, pharmacy=places.pharmacy
    )
    Institution.objects.filter(pk=places.clinic.pk).update(designated_until=date(2026, 10, 31))

    with pytest.raises(services.RunRefused) as refused:
        services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER)

    assert refused.value.problems == [
        f"はまべ内科クリニック（1310000002）は令和8年11月に指定を受けていません"
        f"（ケース番号 {cast.households['mate'].case_number}）。"
    ]
    assert not Ticket.objects.exists()
    assert not TicketRun.objects.exists()

    Institution.objects.filter(pk=places.clinic.pk).update(designated_until=None)
    assert services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER).count == 3
