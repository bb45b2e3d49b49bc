"""The core's end of the recipient bundles (issue 23). It sends each household with a portal account (its
current people and accounts, the code's hash, never the code); 利用開始 from the portal sets activated_at
(audited). A submission arrives as a received declaration (電子申請, received on the day it was sent in
Tokyo), its photo as a document photo on the declaration and its PDF kept, acting as the household's CW and
audited "from portal"; the same bundle or key again changes nothing; a person not in the household refuses
the whole bundle. The status sent back follows the declaration: received, checking (the CW opened it),
recognised (a Recognition), returned with the CW's reason."""

import hashlib
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from hogo.audit.models import AuditEntry
from hogo.casework.models import Photo
from hogo.followups.models import Declaration
from hogo.followups.services import recognise_declaration
from hogo.recipients import services as recipients
from hogo.recipients.models import Submission, SubmittedDocument
from hogo.transfer import keys, services
from hogo.transfer.models import Quarantined
from tests.bundles import acknowledged_by_portal, bundle_id_of

from .helpers import PDF, from_portal, imported, income_submission, issued, jpeg, records_of

pytestmark = pytest.mark.django_db


def export(cast):
    """The core's next bundle to the portal; the portal accepts it and its next bundle says so."""
    code = cast.office_a.municipality_code
    if not list(keys.keys_dir().glob(f"core-{code}-*.key")):
        keys.new_key("core", code)
    data = services.export_bundle(cast.office_a, "portal")
    services.import_bundle(acknowledged_by_portal(code, bundle_id_of(data)), "ack-from-portal.zip")
    return records_of(data)


def test_the_core_sends_households_with_accounts_and_only_the_codes_hash(cast):
    account, code = issued(cast)
    sent = export(cast)
    (row,) = sent["recipient_household"]
    household = cast.households["own"]
    assert row["household"] == str(household.public_id) and row["active"] is True
    assert row["people"] == [
        {"person": str(household.members.get().public_id), "name": "山田 太郎", "head": True, "active": True}
    ]
    (acc,) = row["accounts"]
    assert acc["account"] == account.key and acc["login"] == account.login and acc["ended"] is False
    assert acc["code_hash"] == hashlib.sha256(code.encode()).hexdigest() and code not in json.dumps(sent)


def test_activation_on_the_portal_sets_activated_at_and_is_audited(cast):
    account, _ = issued(cast)
    event = {
        "office": cast.office_a.municipality_code,
        "account": account.key,
        "event": "activated",
        "code_hash": account.code_hash,
        "at": timezone.localtime().isoformat(),
    }
    services.import_bundle(from_portal(cast.office_a.municipality_code, {"recipient_account_event": [event]}), "p.zip")
    account.refresh_from_db()
    assert account.activated_at is not None
    assert AuditEntry.objects.filter(target_id=str(account.public_id), detail__from="portal").exists()


def test_a_totp_event_sent_again_until_acknowledged_is_audited_once(cast):
    account, _ = issued(cast)
    code = cast.office_a.municipality_code
    event = {"office": code, "account": account.key, "event": "totp_on", "at": timezone.localtime().isoformat()}
    for name in ("first.zip", "again.zip"):  # two bundles: the portal sends it until the core acknowledges
        services.import_bundle(from_portal(code, {"recipient_account_event": [event]}), name)
    assert AuditEntry.objects.filter(target_id=str(account.public_id), detail__event="totp_on").count() == 1


def test_a_submission_becomes_a_received_declaration_with_its_photo_and_pdf(cast):
    account, submission = imported(cast)
    declaration = submission.declaration
    assert declaration.channel == "electronic" and declaration.kind == "income"
    assert declaration.received_on == timezone.localdate(submission.submitted_at)
    assert "85,000円" in declaration.note and "ポータルから受付" in declaration.note
    assert declaration.recorded_by == cast.users["cw"]
    photo = Photo.objects.get(declaration=declaration)
    assert photo.purpose == "document" and "山田 太郎" in photo.caption
    doc = SubmittedDocument.objects.get(submission=submission)
    assert doc.sha256 == hashlib.sha256(PDF).hexdigest() and doc.file.read() == PDF
    entry = AuditEntry.objects.get(target_id=str(submission.public_id))
    assert entry.detail["from"] == "portal" and entry.detail["acting_as"] == "cw"
    assert not declaration.incomes.exists()  # the CW enters the figures; nothing enters the ledger by itself


def test_the_same_submission_again_changes_nothing(cast):
    account, submission = imported(cast)
    row, attachments = income_submission(account, photo=jpeg(), key=submission.key)
    code = cast.office_a.municipality_code
    services.import_bundle(from_portal(code, {"submission": [row]}, attachments), "again.zip")
    assert Submission.objects.count() == 1 and Declaration.objects.count() == 1 and Photo.objects.count() == 1


def test_a_person_not_in_the_household_refuses_the_whole_bundle(cast):
    account, _ = issued(cast)
    good, attachments = income_submission(account, photo=jpeg())
    stranger = str(cast.households["mate"].members.get().public_id)
    bad, _ = income_submission(account, person=stranger)
    code = cast.office_a.municipality_code
    with pytest.raises(services.ImportRefused):
        services.import_bundle(from_portal(code, {"submission": [good, bad]}, attachments), "bad.zip")
    assert not Submission.objects.exists() and not Declaration.objects.exists() and not Photo.objects.exists()
    assert Quarantined.objects.count() == 1


def test_a_bad_amount_refuses_the_whole_bundle(cast):
    account, _ = issued(cast)
    bad, _ = income_submission(account, amount=1200.5)
    with pytest.raises(services.ImportRefused):
        services.import_bundle(from_portal(cast.office_a.municipality_code, {"submission": [bad]}), "bad.zip")
    assert not Declaration.objects.exists()


def statuses(cast):
    return [(r["status"], r["reason"]) for r in export(cast)["submission_status"]]


def test_the_status_flows_from_received_to_recognised(cast, login):
    _account, submission = imported(cast)
    assert statuses(cast) == [("received", "")]
    assert statuses(cast) == []  # sent once

    login(cast.users["chief"]).get(reverse("recipient_submission", args=[submission.public_id]))
    assert statuses(cast) == []  # only the household's CW or SV opening it counts
    login(cast.users["cw"]).get(reverse("recipient_submission", args=[submission.public_id]))
    assert statuses(cast) == [("checking", "")]

    recognise_declaration(
        cast.users["cw"],
        submission.declaration,
        outcome="no_change",
        recognised_on=timezone.localdate(),
        reason="変動なし",
    )
    assert statuses(cast) == [("recognised", "")]


def test_a_returned_submission_sends_the_reason_and_cannot_be_returned_after_recognition(cast):
    _account, submission = imported(cast)
    recipients.return_submission(cast.users["cw"], submission, reason="2枚目の明細がありません")
    assert statuses(cast)[-1] == ("returned", "2枚目の明細がありません")


def test_a_recognised_submission_cannot_be_returned(cast):
    _account, submission = imported(cast)
    recognise_declaration(
        cast.users["cw"],
        submission.declaration,
        outcome="no_change",
        recognised_on=timezone.localdate(),
        reason="変動なし",
    )
    with pytest.raises(ValidationError):
        recipients.return_submission(cast.users["cw"], submission, reason="今さら")
    with pytest.raises(ValidationError) as refused:
        recipients.return_submission(cast.users["cw"], Submission.objects.get(), reason=" ")
    assert "reason" in refused.value.message_dict


def test_the_declaration_page_leads_to_the_submission_where_the_cw_returns_it(cast, login):
    _account, submission = imported(cast)
    client = login(cast.users["cw"])
    page = client.get(reverse("declaration_detail", args=[submission.declaration.public_id])).content.decode()
    assert reverse("recipient_submission", args=[submission.public_id]) in page
    html = client.get(reverse("recipient_submission", args=[submission.public_id])).content.decode()
    assert "85,000円" in html and "差し戻す" in html and "収入台帳にはまだ入っていません" in html


def test_the_household_page_lists_the_accounts_and_submissions_with_their_status(cast, login):
    account, submission = imported(cast)
    html = login(cast.users["cw_mate"]).get(reverse("household_detail", args=[cast.households["own"].public_id]))
    text = html.content.decode()
    assert account.login in text and "受付済み" in text and "コードを再発行" not in text


def test_an_income_entered_from_the_declaration_makes_it_checking(cast):
    from datetime import date

    from hogo.followups.services import enter_declared_income
    from hogo.households.income_services import IncomeEntry

    _account, submission = imported(cast)
    assert statuses(cast) == [("received", "")]
    entry = IncomeEntry(
        member=cast.households["own"].members.get(),
        kind="earnings",
        detail="給与",
        payer="みなと青果",
        monthly_amount=85_000,
        since=date(2026, 11, 1),
        income_tax=1_000,
        resident_tax=500,
        social_insurance=14_000,
        commuting=5_000,
    )
    enter_declared_income(cast.users["cw"], submission.declaration, entry)
    assert statuses(cast) == [("checking", "")]
