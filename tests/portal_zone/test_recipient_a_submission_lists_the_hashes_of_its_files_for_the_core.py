"""A submission carries, in its content, the SHA-256 of every file as the portal sends it (the same hashes
as the recipient's receipt and the bundle's attachment names): the core re-encodes photos, so it shows
these to the CW to compare with the receipt."""

import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hogo.recipient_portal.models import Attachment, RecipientPerson, Submission

from .recipient_helpers import HEAD_A, income_post, jpeg, signed_in, to_core, two_households


def test_the_content_sent_to_the_core_lists_each_files_hash_as_sent(client, db):
    two_households()
    signed_in(client)
    head = RecipientPerson.objects.get(key=HEAD_A)
    data = income_post(head.pk, upload=SimpleUploadedFile("slip.jpg", jpeg()))
    assert client.post(reverse("my_submission_new", args=["income"]), data).status_code == 302

    attachment = Attachment.objects.get()
    sent = hashlib.sha256(bytes(attachment.data)).hexdigest()
    assert Submission.objects.get().content["attachments"] == [
        {"sha256": sent, "ext": "jpg", "label": "11月分の給与明細"}
    ]
    (row,) = to_core()["submission"]
    assert row["content"]["attachments"][0]["sha256"] == sent
    assert row["attachments"][0]["name"] == f"{sent}.jpg"


def test_a_submission_without_files_lists_none(client, db):
    two_households()
    signed_in(client)
    head = RecipientPerson.objects.get(key=HEAD_A)
    assert client.post(reverse("my_submission_new", args=["income"]), income_post(head.pk)).status_code == 302
    assert "attachments" not in Submission.objects.get().content
