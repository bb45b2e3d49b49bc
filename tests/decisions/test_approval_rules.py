"""Approvals: never by the drafter, once per step, only by the role of the step in the same
office; refusals change nothing and are audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.approvals import services as approvals
from hogo.audit.models import Action, AuditEntry
from hogo.common.refusals import message_of
from hogo.decisions.models import ApprovalAction, DecisionStatus


def refused(actor, decision, expected):
    before = ApprovalAction.objects.filter(decision=decision).count()
    with pytest.raises((PermissionDenied, ValidationError)) as exc:
        approvals.approve(actor, decision)
    assert expected in message_of(exc.value)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DRAFT
    assert ApprovalAction.objects.filter(decision=decision).count() == before
    assert AuditEntry.objects.filter(
        action=Action.DENIED, target_id=str(decision.public_id), actor_id=actor.pk
    ).exists()


def test_the_drafter_cannot_approve_their_own_decision(cast, drafted):
    refused(cast.users["cw"], drafted[3], "起案者")


def test_the_first_step_belongs_to_the_supervisor(cast, drafted):
    refused(cast.users["chief"], drafted[3], "査察指導員")
    refused(cast.users["clerk"], drafted[3], "査察指導員")


def test_a_supervisor_of_another_team_cannot_approve(cast, drafted):
    refused(cast.users["sv_other"], drafted[3], "担当の係ではありません")


def test_someone_outside_the_office_cannot_approve(cast, drafted):
    refused(cast.users["b_chief"], drafted[3], "他の福祉事務所")
    refused(cast.users["b_sv"], drafted[3], "他の福祉事務所")


def test_a_step_is_approved_once_and_the_same_person_cannot_take_the_next(cast, drafted):
    decision = drafted[3]
    approvals.approve(cast.users["sv"], decision)
    refused(cast.users["sv"], decision, "課長")
    assert ApprovalAction.objects.filter(decision=decision, action="approve").count() == 1


def test_the_database_refuses_a_second_approval_of_the_same_step(cast, drafted):
    from django.db import IntegrityError, transaction

    decision = drafted[3]
    approvals.approve(cast.users["sv"], decision)
    with pytest.raises(IntegrityError), transaction.atomic():
        ApprovalAction.objects.create(decision=decision, action="approve", step=0, actor=cast.users["cw_mate"])


def test_a_returned_decision_cannot_be_approved(cast, drafted):
    decision = drafted[3]
    with pytest.raises(ValidationError):
        approvals.return_for_redrafting(cast.users["sv"], decision, "")
    approvals.return_for_redrafting(cast.users["sv"], decision, "収入の確認資料を添付してください")
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.RETURNED
    with pytest.raises(ValidationError):
        approvals.approve(cast.users["sv"], decision)


def test_a_refused_approval_through_the_screen_shows_the_reason(cast, drafted, login):
    from django.urls import reverse

    decision = drafted[3]
    response = login(cast.users["cw"]).post(reverse("decision_approve", args=[decision.public_id]), follow=True)
    assert "起案者は自分の起案を承認できません" in response.content.decode()
