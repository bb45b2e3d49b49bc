"""The portal's end of the recipient bundles. `recipient_household` creates and updates households, people
and accounts (users with unusable passwords; a new code starts 利用開始 over; people no longer listed stop
being members); a bad record refuses the whole bundle. A submission goes to the core once, with its
attachments named by their SHA-256; `submission_status` is shown to the recipient, and 認定済み / 差し戻し
notify the household."""

import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hogo.portal_notify.models import Notification
from hogo.recipient_portal.models import RecipientAccount, RecipientHousehold, RecipientPerson, Submission
from hogo.transfer.services import ImportRefused

from .recipient_helpers import (
    CHILD_A,
    HEAD_A,
    HOUSEHOLD_A,
    PASSWORD,
    deliver,
    household,
    income_post,
    jpeg,
    signed_in,
    to_core,
    two_households,
)


def test_households_people_and_accounts_are_created_and_updated(db):
    two_households()
    assert RecipientHousehold.objects.count() == 2 and RecipientPerson.objects.count() == 3
    user = get_user_model().objects.get(username="R10000001")
    assert not user.has_usable_password() and user.recipient_account.name == "山田 花子"

    deliver(household(people=[(HEAD_A, "山田 花子", True)]))

    assert not RecipientPerson.objects.get(key=CHILD_A).active
    assert RecipientAccount.objects.count() == 2


def test_a_new_code_starts_activation_over(client, db):
    deliver(household())
    signed_in(client)

    deliver(household(code="AAAA-BBBB-CCCC-DDDD"))

    account = RecipientAccount.objects.get()
    assert account.activated_at is None and not account.user.has_usable_password()
    response = client.get(reverse("my_home"))  # the old password's session is over
    assert response.status_code == 302 and reverse("portal_login") in response.url


def test_a_login_of_another_account_refuses_the_whole_bundle(db):
    deliver(household())
    with pytest.raises(ImportRefused):
        deliver(household(HOUSEHOLD_A.replace("5a", "5c"), account="ra-9", people=[(HEAD_A, "x", True)]))
    assert RecipientHousehold.objects.count() == 1


def test_a_submission_goes_to_the_core_once_with_its_attachments(client, db):
    two_households()
    account = signed_in(client)
    head = RecipientPerson.objects.get(key=HEAD_A)
    client.post(
        reverse("my_submission_new", args=["income"]), income_post(head.pk, upload=SimpleUploadedFile("s.jpg", jpeg()))
    )

    records = to_core()
    (row,) = records["submission"]
    assert row["household"] == HOUSEHOLD_A and row["account"] == account.key and row["kind"] == "income"
    assert row["content"]["incomes"] == [
        {"person": HEAD_A, "kind": "work", "month": "2026-11", "amount": 85000, "note": ""}
    ]
    (attachment,) = row["attachments"]
    data = bytes(Submission.objects.get().attachments.get().data)
    assert attachment["name"] == f"{hashlib.sha256(data).hexdigest()}.jpg" and attachment["person"] == HEAD_A
    assert to_core()["submission"] == []


def status(key, value, reason=""):
    return {"office": "131016", "key": key, "status": value, "reason": reason, "at": "2026-12-03T10:00:00+09:00"}


def test_the_status_from_the_core_is_shown_and_recognition_is_notified(client, db):
    two_households()
    signed_in(client)
    head = RecipientPerson.objects.get(key=HEAD_A)
    client.post(reverse("my_submission_new", args=["income"]), income_post(head.pk))
    submission = Submission.objects.get()
    page = reverse("my_submission", args=[submission.key])
    assert 'status--sending">送信待ち<' in client.get(page).content.decode()  # until the core's status arrives

    deliver(household(), statuses=[status(submission.key, "checking")])
    assert "確認中" in client.get(page).content.decode()
    deliver(household(), statuses=[status(submission.key, "recognised")])
    assert "認定済み" in client.get(page).content.decode()
    (note,) = Notification.objects.all()
    assert "認定されました" in note.subject and note.household.key == HOUSEHOLD_A


def test_a_returned_submission_shows_the_reason_and_is_notified(client, db):
    two_households()
    signed_in(client)
    head = RecipientPerson.objects.get(key=HEAD_A)
    client.post(reverse("my_submission_new", args=["income"]), income_post(head.pk))
    submission = Submission.objects.get()

    deliver(household(), statuses=[status(submission.key, "returned", "明細の<b>2枚目</b>がありません")])

    html = client.get(reverse("my_submission", args=[submission.key])).content.decode()
    assert "差し戻し" in html and "明細の&lt;b&gt;2枚目&lt;/b&gt;がありません" in html
    assert "差し戻されました" in Notification.objects.get().subject
    with pytest.raises(ImportRefused):
        deliver(household(), statuses=[status("sb-unknown", "checking")])


def test_the_password_login_leads_a_recipient_home(client, db):
    deliver(household())
    signed_in(client)
    client.logout()
    client.post(reverse("portal_login"), {"username": "R10000001", "password": PASSWORD})
    assert client.get(reverse("portal_home")).url == reverse("my_home")
