"""A 法第63条・第78条 determination goes through the same approval service as a decision: the
same refusals, each audited, and nothing changes when refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.approvals import services as approvals
from hogo.approvals.models import Status
from hogo.audit.models import Action, AuditEntry
from hogo.common.refusals import message_of
from hogo.receivables.models import DeterminationAction


def refused(actor, subject, expected, kind):
    status_before = subject.status
    before = DeterminationAction.objects.filter(determination=subject).count()
    with pytest.raises(kind) as exc:
        approvals.approve(actor, subject)
    assert expected in message_of(exc.value)
    subject.refresh_from_db()
    assert subject.status == status_before and not subject.receivables.exists()
    assert DeterminationAction.objects.filter(determination=subject).count() == before
    assert AuditEntry.objects.filter(action=Action.DENIED, target_id=str(subject.public_id), actor_id=actor.pk).exists()


def test_the_drafter_cannot_approve_their_own_determination(cast, determination):
    refused(cast.users["cw"], determination, "起案者", PermissionDenied)


def test_the_first_step_belongs_to_the_supervisor_of_the_team(cast, determination):
    refused(cast.users["chief"], determination, "査察指導員", PermissionDenied)
    refused(cast.users["sv_other"], determination, "担当の係ではありません", PermissionDenied)


def test_another_office_cannot_approve_a_determination(cast, determination):
    refused(cast.users["b_sv"], determination, "他の福祉事務所", PermissionDenied)


def test_the_supervisor_cannot_also_take_the_chiefs_step(cast, determination):
    approvals.approve(cast.users["sv"], determination)
    refused(cast.users["sv"], determination, "課長", PermissionDenied)


def test_returning_needs_a_reason_and_the_refusal_is_audited(cast, determination):
    with pytest.raises(ValidationError) as exc:
        approvals.return_for_redrafting(cast.users["sv"], determination, "  ")
    assert "comment" in exc.value.message_dict
    assert AuditEntry.objects.filter(action=Action.DENIED, target_id=str(determination.public_id)).exists()
    determination.refresh_from_db()
    assert determination.status == Status.DRAFT


def test_a_returned_determination_cannot_be_approved(cast, determination):
    approvals.return_for_redrafting(cast.users["sv"], determination, "月の内訳を確認してください")
    determination.refresh_from_db()
    refused(cast.users["sv"], determination, "差戻し", ValidationError)


def test_the_last_approval_opens_the_receivable_and_freezes_the_determination(cast, determination):
    approvals.approve(cast.users["sv"], determination)
    approvals.approve(cast.users["chief"], determination)
    determination.refresh_from_db()
    assert determination.status == Status.APPROVED and determination.receivables.count() == 1
    determination.cause = "office"
    with pytest.raises(ValidationError):
        determination.save()
