"""A bundle from the portal with one bad visit or check-in answer — another household's visit, an unknown
choice, a change without its text, an answer after the window, an account of another household — is refused
whole and quarantined."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.casework.models import VisitStatus
from hogo.checkins import services as checkins
from hogo.checkins.models import Checkin, VisitAnswer
from hogo.transfer import services
from hogo.transfer.models import Quarantined

from .checkin_helpers import checkin_answer, from_portal, on_portal, proposed_visit, visit_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(cast):
    today = timezone.localdate()
    account = on_portal(cast.households["own"])
    checkins.set_plan(cast.users["cw"], cast.households["own"], interval_months=1, starts_on=today, active=True)
    checkins.run_daily(today)
    return proposed_visit(cast), Checkin.objects.get(), account


def bad_rows(cast, visit, checkin, account):
    other = proposed_visit(cast, cast.households["mate"])
    wrong_household = {**visit_answer(other, account), "household": str(cast.households["own"].public_id)}
    late = checkin_answer(checkin, account, at=timezone.now() + timedelta(days=20))
    strangers = on_portal(cast.households["mate"])  # an account of another household
    return {
        "another_households_account": {"visit_answer": [visit_answer(visit, strangers)]},
        "another_households_account_checkin": {"checkin_answer": [checkin_answer(checkin, strangers)]},
        "another_households_visit": {"visit_answer": [wrong_household]},
        "unknown_answer": {"visit_answer": [visit_answer(visit, account, "maybe")]},
        "other_time_without_wish": {"visit_answer": [visit_answer(visit, account, "other_time", "")]},
        "unknown_health": {"checkin_answer": [checkin_answer(checkin, account, health="so-so")]},
        "change_without_text": {"checkin_answer": [checkin_answer(checkin, account, changed=True)]},
        "after_the_window": {"checkin_answer": [late]},
        "naive_time": {"checkin_answer": [{**checkin_answer(checkin, account), "answered_at": "2026-12-01T10:00:00"}]},
    }


@pytest.mark.parametrize(
    "case",
    [
        "another_households_account",
        "another_households_account_checkin",
        "another_households_visit",
        "unknown_answer",
        "other_time_without_wish",
        "unknown_health",
        "change_without_text",
        "after_the_window",
        "naive_time",
    ],
)
def test_one_bad_row_refuses_the_bundle_and_nothing_is_applied(cast, setup, case):
    visit, checkin, account = setup
    code = cast.office_a.municipality_code
    records = bad_rows(cast, visit, checkin, account)[case]
    good = {"visit_answer": [visit_answer(visit, account)], "checkin_answer": [checkin_answer(checkin, account)]}
    for record_type, rows in records.items():
        good[record_type] = good[record_type] + rows
    with pytest.raises(services.ImportRefused):
        services.import_bundle(from_portal(code, good), "bad.zip")
    assert Quarantined.objects.get().reason_code == "import_failed"
    visit.refresh_from_db()
    checkin.refresh_from_db()
    assert visit.status == VisitStatus.PROPOSED and not VisitAnswer.objects.exists()
    assert checkin.answered_at is None
