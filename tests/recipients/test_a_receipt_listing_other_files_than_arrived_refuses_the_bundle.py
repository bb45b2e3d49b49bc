"""The hashes a submission lists for its receipt are shown to the CW as the recipient's receipt shows them,
so they must name exactly the files that arrived: a listed file that did not come, or a file that came but
is not listed, refuses the whole bundle."""

import hashlib

import pytest

from hogo.followups.models import Declaration
from hogo.transfer import services as transfer

from .helpers import PDF, from_portal, income_submission, issued, jpeg

pytestmark = pytest.mark.django_db


def listing(*files):
    return [{"sha256": hashlib.sha256(data).hexdigest(), "ext": ext, "label": "明細"} for data, ext in files]


@pytest.mark.parametrize("case", ["a_file_that_did_not_come", "a_file_not_listed"])
def test_a_receipt_that_does_not_match_the_files_refuses_the_bundle(cast, case):
    account, _ = issued(cast)
    photo = jpeg()
    row, attachments = income_submission(account, photo=photo, pdf=PDF)
    if case == "a_file_that_did_not_come":
        row["content"]["attachments"] = listing((photo, "jpg"), (PDF, "pdf"), (b"%PDF-other", "pdf"))
    else:
        row["content"]["attachments"] = listing((photo, "jpg"))
    code = account.household.office.municipality_code
    with pytest.raises(transfer.ImportRefused):
        transfer.import_bundle(from_portal(code, {"submission": [row]}, attachments), "bad.zip")
    assert not Declaration.objects.exists()


def test_a_receipt_listing_exactly_the_files_is_received(cast):
    account, _ = issued(cast)
    photo = jpeg()
    row, attachments = income_submission(account, photo=photo, pdf=PDF)
    row["content"]["attachments"] = listing((photo, "jpg"), (PDF, "pdf"))
    code = account.household.office.municipality_code
    transfer.import_bundle(from_portal(code, {"submission": [row]}, attachments), "ok.zip")
    assert Declaration.objects.count() == 1
