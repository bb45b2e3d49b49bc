"""The core sends the portal, for each household with a portal account in force, a notice of each decision
whose notice was issued, of an open income declaration due soon, of an overdue amount of a receivable and
of a fulfilled certificate (its PDF attached when delivered in the portal) — each with a key that stays the
same from bundle to bundle. A household without an account gets none; what is settled is no longer sent
(the portal withdraws it)."""

import pytest
from django.utils import timezone

from hogo.followups.models import State
from hogo.voice import services
from hogo.voice.models import CertificateRequest

from .voice_helpers import (
    approved_decision,
    certificate_row,
    deliver,
    income_followup,
    open_to_portal,
    overdue_receivable,
    to_portal,
)

pytestmark = pytest.mark.django_db


def notices(office):
    records, attachments = to_portal(office)
    return {row["key"]: row for row in records["portal_notice"]}, attachments


def test_each_kind_of_notice_goes_with_a_stable_key(cast):
    household = cast.households["own"]
    open_to_portal(household)
    decision = approved_decision(cast, household)
    followup = income_followup(household)
    receivable = overdue_receivable(cast, household)
    sent, _ = notices(cast.office_a)
    due = receivable.due_on.isoformat()
    assert set(sent) == {
        f"decision-{decision.public_id}",
        f"declaration-{followup.public_id}",
        f"dunning-{receivable.public_id}-{due}",
    }
    assert all(row["household"] == str(household.public_id) for row in sent.values())
    decision_row = sent[f"decision-{decision.public_id}"]
    assert (
        decision_row["kind"] == "decision" and "98,000円" in decision_row["body"] and "通知書" in decision_row["body"]
    )
    assert "第61条" in sent[f"declaration-{followup.public_id}"]["body"]
    assert "30,000円" in sent[f"dunning-{receivable.public_id}-{due}"]["body"]
    again, _ = notices(cast.office_a)
    assert set(again) == set(sent)


def test_households_without_an_account_in_force_get_no_notice(cast):
    ended = open_to_portal(cast.households["own"])
    ended.ended_at = timezone.now()
    ended.save()
    approved_decision(cast, cast.households["own"])
    approved_decision(cast, cast.households["mate"])
    sent, _ = notices(cast.office_a)
    assert sent == {}


def test_a_settled_reminder_is_no_longer_sent(cast):
    household = cast.households["own"]
    open_to_portal(household)
    followup = income_followup(household)
    assert f"declaration-{followup.public_id}" in notices(cast.office_a)[0]
    followup.state, followup.done_on = State.DONE, timezone.localdate()
    followup.save()
    assert notices(cast.office_a)[0] == {}


def test_a_certificate_delivered_in_the_portal_goes_with_its_pdf(cast):
    household = cast.households["own"]
    account = open_to_portal(household)
    deliver(
        cast.office_a.municipality_code, {"certificate_request": [certificate_row(cast.office_a, household, account)]}
    )
    request = services.fulfil(cast.users["cw"], CertificateRequest.objects.get(), how="portal")
    sent, attachments = notices(cast.office_a)
    row = sent[f"certificate-{request.public_id}"]
    assert row["kind"] == "certificate" and row["attachment_label"] == "受給証明書.pdf"
    assert attachments[row["attachment"]] == bytes(request.pdf)


def test_a_posted_certificate_is_a_notice_without_a_pdf(cast):
    household = cast.households["own"]
    account = open_to_portal(household)
    deliver(
        cast.office_a.municipality_code, {"certificate_request": [certificate_row(cast.office_a, household, account)]}
    )
    request = services.fulfil(cast.users["cw"], CertificateRequest.objects.get(), how="post")
    sent, attachments = notices(cast.office_a)
    row = sent[f"certificate-{request.public_id}"]
    assert row["attachment"] is None and "郵便" in row["body"] and attachments == {}
