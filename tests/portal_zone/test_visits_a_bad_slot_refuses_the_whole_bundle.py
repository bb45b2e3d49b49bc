"""A bundle from the core with one bad slot or check-in — a household the portal has not received, an unknown
status, an unreadable date, a key already of another household — is refused whole."""

import pytest

from hogo.portal_visits.models import Checkin, VisitSlot
from hogo.transfer.models import Quarantined
from hogo.transfer.services import ImportRefused

from .visits_helpers import OTHER_HOUSEHOLD, checkin, deliver, recipient, slot

pytestmark = pytest.mark.django_db

KEY = "44444444-4444-4444-8444-444444444444"


@pytest.mark.parametrize(
    "bad",
    [
        {"slots": [slot(household="00000000-0000-4000-8000-000000000000")]},
        {"slots": [slot(status="maybe")]},
        {"slots": [slot(date="2026-13-45")]},
        {"slots": [{**slot(), "key": "not-a-key"}]},
        {"checkins": [{**checkin(), "window_closes_on": "2000-01-01"}]},
        {"checkins": [checkin(status="late")]},
    ],
    ids=["unknown_household", "unknown_status", "bad_date", "bad_key", "window_before_due", "unknown_checkin_status"],
)
def test_one_bad_record_refuses_the_bundle(bad):
    recipient()
    with pytest.raises(ImportRefused):
        deliver([slot(), *bad.get("slots", [])], [checkin(), *bad.get("checkins", [])])
    assert Quarantined.objects.get().reason_code == "import_failed"
    assert not VisitSlot.objects.exists() and not Checkin.objects.exists()


def test_a_key_already_of_another_household_refuses_the_bundle():
    recipient()
    recipient(OTHER_HOUSEHOLD, "r_other", 2)
    deliver([slot(KEY)])
    with pytest.raises(ImportRefused):
        deliver([slot(KEY, OTHER_HOUSEHOLD)])
    assert VisitSlot.objects.get().household.key != OTHER_HOUSEHOLD
