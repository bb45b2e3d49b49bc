"""The core re-encodes a photo from the portal, so the Photo's own SHA-256 cannot be compared with the
recipient's receipt. The submission page shows, for every file (photo and PDF), the SHA-256 of the bytes the
portal sent, as the portal listed them in the submission's content."""

import hashlib

import pytest
from django.urls import reverse

from hogo.casework.models import Photo
from hogo.recipients.models import Submission
from hogo.transfer import services as transfer

from .helpers import PDF, from_portal, income_submission, issued, jpeg

pytestmark = pytest.mark.django_db


def sent(cast, *, listed=True):
    account, _ = issued(cast)
    photo = jpeg()
    row, attachments = income_submission(account, photo=photo, pdf=PDF)
    if listed:  # as hogo.recipient_portal.services.submit lists the files in the content
        row["content"]["attachments"] = [
            {"sha256": hashlib.sha256(photo).hexdigest(), "ext": "jpg", "label": "11月分の給与明細"},
            {"sha256": hashlib.sha256(PDF).hexdigest(), "ext": "pdf", "label": "11月分の給与明細"},
        ]
    code = account.household.office.municipality_code
    transfer.import_bundle(from_portal(code, {"submission": [row]}, attachments), "from-portal.zip")
    return photo, Submission.objects.get(key=row["key"])


def test_the_photo_shows_the_hash_of_the_bytes_the_portal_sent_not_the_reencoded_ones(cast, login):
    photo, submission = sent(cast)
    html = login(cast.users["cw"]).get(reverse("recipient_submission", args=[submission.public_id])).content.decode()
    stored = Photo.objects.get(declaration=submission.declaration)
    assert stored.sha256 != hashlib.sha256(photo).hexdigest()  # re-encoded: cannot be compared
    assert hashlib.sha256(photo).hexdigest() in html
    assert hashlib.sha256(PDF).hexdigest() in html


def test_a_submission_without_the_list_still_shows_its_pdfs_hash(cast, login):
    _photo, submission = sent(cast, listed=False)
    html = login(cast.users["cw"]).get(reverse("recipient_submission", args=[submission.public_id])).content.decode()
    assert hashlib.sha256(PDF).hexdigest() in html


def test_a_malformed_hash_in_the_content_is_not_shown(cast, login):
    _photo, submission = sent(cast)
    submission.content["attachments"].append({"sha256": "<script>", "ext": "jpg", "label": "x"})
    Submission.objects.filter(pk=submission.pk).update(content=submission.content)
    html = login(cast.users["cw"]).get(reverse("recipient_submission", args=[submission.public_id])).content.decode()
    assert "&lt;script&gt;" not in html and "<script>" not in html.split("<main", 1)[-1].split("</main>")[0]
