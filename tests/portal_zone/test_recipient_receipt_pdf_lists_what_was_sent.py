"""Each submission's receipt (受付票) PDF: its 受付番号, the time in 和暦, what was submitted (the people, the
income kinds, months and amounts), each attachment's SHA-256, and the recipient's own text printed as typed
(markup escaped, not interpreted)."""

import hashlib
import subprocess

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from hogo.common.wareki import wareki
from hogo.recipient_portal.models import RecipientPerson, Submission

from .recipient_helpers import HEAD_A, PDF, income_post, signed_in, two_households


def test_the_receipt_names_its_number_time_content_and_hashes(client, db, tmp_path):
    two_households()
    signed_in(client)
    head = RecipientPerson.objects.get(key=HEAD_A)
    data = income_post(head.pk, upload=SimpleUploadedFile("slip.pdf", PDF))
    data["note"] = '<font size="40">大きく</font> & よろしく'
    client.post(reverse("my_submission_new", args=["income"]), data)
    submission = Submission.objects.get()

    response = client.get(reverse("my_receipt", args=[submission.key]))
    path = tmp_path / "receipt.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout

    assert submission.number in text and wareki(timezone.localdate(submission.submitted_at)) in text
    assert "山田 花子" in text and "就労収入" in text and "85,000円" in text and "令和8年11月分" in text
    assert hashlib.sha256(PDF).hexdigest() in text.replace("\n", "")
    assert '<font size="40">大きく</font> & よろしく' in text
