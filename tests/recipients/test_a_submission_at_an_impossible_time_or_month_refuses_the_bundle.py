"""The portal's time of a submission becomes the declaration's 受付日, so it must be possible: not after the
bundle was made, not before the account existed. A month like 2026-13 is refused too. One such row refuses
the whole bundle; nothing is received."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.followups.models import Declaration
from hogo.transfer import services as transfer
from hogo.transfer.models import Quarantined

from .helpers import from_portal, income_submission, issued

pytestmark = pytest.mark.django_db


def tomorrow(row):
    row["submitted_at"] = (timezone.localtime() + timedelta(days=1)).isoformat()


def before_the_account(row):
    row["submitted_at"] = (timezone.localtime() - timedelta(days=3)).isoformat()


def month_thirteen(row):
    row["content"]["incomes"][0]["month"] = "2026-13"


@pytest.mark.parametrize("spoil", [tomorrow, before_the_account, month_thirteen])
def test_an_impossible_submission_refuses_the_bundle_and_nothing_is_received(cast, spoil):
    account, _ = issued(cast)
    good, _ = income_submission(account)
    bad, _ = income_submission(account)
    spoil(bad)
    code = account.household.office.municipality_code
    with pytest.raises(transfer.ImportRefused):
        transfer.import_bundle(from_portal(code, {"submission": [good, bad]}), "bad.zip")
    assert Quarantined.objects.get().reason_code == "import_failed"
    assert not Declaration.objects.exists()


def test_a_submission_made_a_minute_ago_is_received(cast):
    account, _ = issued(cast)
    row, _ = income_submission(account)
    sent = timezone.localtime() - timedelta(minutes=1)
    row["submitted_at"] = sent.isoformat()
    transfer.import_bundle(from_portal(account.household.office.municipality_code, {"submission": [row]}), "ok.zip")
    assert Declaration.objects.get().received_on == sent.date()
