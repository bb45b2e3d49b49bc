"""A recipient sees only their own household: another household's submission and receipt are not found
(404), whatever the URL says; people of another household are not offered; someone who is not a recipient
(an agency member, an ended account) is refused, and the anonymous are sent to sign in."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hogo.recipient_portal.models import RecipientAccount, RecipientPerson, Submission

from .recipient_helpers import HEAD_A, income_post, jpeg, signed_in, two_households


def submitted_by_a(client):
    signed_in(client)
    head = RecipientPerson.objects.get(key=HEAD_A)
    client.post(
        reverse("my_submission_new", args=["income"]),
        income_post(head.pk, upload=SimpleUploadedFile("s.jpg", jpeg())),
    )
    client.logout()
    return Submission.objects.get()


def test_a_recipient_of_another_household_gets_404(client, db):
    two_households()
    submission = submitted_by_a(client)
    signed_in(client, "R20000002")

    assert client.get(reverse("my_submission", args=[submission.key])).status_code == 404
    assert client.get(reverse("my_receipt", args=[submission.key])).status_code == 404
    assert submission.key not in client.get(reverse("my_submissions")).content.decode()
    form = client.get(reverse("my_submission_new", args=["income"])).content.decode()
    assert "山田" not in form and "林 正男" in form


def test_the_household_itself_sees_its_submission_and_receipt(client, db):
    two_households()
    submission = submitted_by_a(client)
    signed_in(client)

    assert client.get(reverse("my_submission", args=[submission.key])).status_code == 200
    assert client.get(reverse("my_receipt", args=[submission.key]))["Content-Type"] == "application/pdf"
    assert submission.number in client.get(reverse("my_home")).content.decode()


def test_the_anonymous_sign_in_and_an_ended_account_is_refused(client, db):
    two_households()
    for name in ("my_home", "my_submissions", "my_settings"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and reverse("portal_login") in response.url
    account = signed_in(client)
    RecipientAccount.objects.filter(pk=account.pk).update(ended_at=account.activated_at)
    assert client.get(reverse("my_home")).status_code == 403
