"""Approve, return and comment on any approvable record along its office's route: one set of
rules for decisions, 法第63条・第78条 determinations, bulk runs and whatever becomes approvable.

Each action locks the record's row, checks the route, writes an insert-only action and the audit
entry in one transaction. A refusal raises PermissionDenied (no authority: wrong role, office,
team, own draft) or ValidationError (the record's state or the input: already decided, a step
taken by someone else a moment ago, a missing reason); the refusal is audited outside the
rolled-back transaction, so the attempt is on record even though nothing changed."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.refusals import message_of
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from .models import DEFAULT_ROUTE, ActionKind, Approvable, ApprovalRoute, Status

_EFFECTS = {}


def register_effect(model, effect) -> None:
    """`effect(actor, subject)` runs in the approving transaction when the last step approves a
    `model` record (an app registers it in its AppConfig.ready()); a ValidationError or ValueError
    it raises refuses the approval and rolls everything back."""
    _EFFECTS[model] = effect


ALREADY_TAKEN = "この段階は、たった今ほかの職員が承認しました。画面を開き直して確認してください。"


def route_of(office_or_id) -> list[str]:
    office_id = getattr(office_or_id, "pk", office_or_id)
    route = ApprovalRoute.objects.filter(office_id=office_id).first()
    return list(route.steps) if route and route.steps else list(DEFAULT_ROUTE)


def route_for(subject: Approvable) -> list[str]:
    """The steps `subject` goes through: its model's own (`approval_steps`) or its office's route."""
    steps = getattr(subject, "approval_steps", None)
    return [str(step) for step in steps] if steps else route_of(subject.approval_office_id)


def next_step(subject: Approvable) -> int:
    """The index in the route of the step that waits (the number of approvals so far)."""
    return subject.actions.filter(action=ActionKind.APPROVE).count()


def refusal(actor, subject: Approvable, route: list[str] | None = None) -> PermissionDenied | ValidationError | None:
    """Why `actor` may not approve or return `subject` now, as the exception to raise, or None."""
    route = route if route is not None else route_for(subject)
    noun = subject.approval_noun
    if subject.status != Status.DRAFT:
        return ValidationError(f"この{noun}は既に{subject.get_status_display()}です。")
    if subject.drafted_by_id == actor.pk:
        return PermissionDenied("起案者は自分の起案を承認できません。")
    step = next_step(subject)
    if step >= len(route):
        return ValidationError(f"この{noun}の承認はすべて済んでいます。")
    role = route[step]
    standing = standing_of(actor)
    if not standing.has_role(role, subject.approval_office_id):
        if subject.approval_office_id not in standing.office_ids:
            return PermissionDenied(f"他の福祉事務所の{noun}は承認できません。")
        return PermissionDenied(f"この段階（{step + 1}/{len(route)}）の承認は{Role(role).label}が行います。")
    if not subject.approval_in_scope(actor):
        return PermissionDenied(f"この世帯の{noun}を承認する権限がありません（担当の係ではありません）。")
    if subject.actions.filter(action=ActionKind.APPROVE, actor=actor).exists():
        return PermissionDenied("同じ職員が複数の段階を承認することはできません。")
    return None


def refusal_text(actor, subject: Approvable, route: list[str] | None = None) -> str | None:
    """The refusal as the sentence a page shows beside the buttons, or None when the actor may act."""
    problem = refusal(actor, subject, route)
    return message_of(problem) if problem else None


def _locked(subject: Approvable) -> Approvable:
    return type(subject).objects.select_for_update().get(pk=subject.pk)


def _refuse(actor, subject: Approvable, verb: str, problem: Exception):
    record(actor, Action.DENIED, target=subject, detail={verb: message_of(problem)})
    raise problem


def approve(actor, subject: Approvable, comment: str = "") -> Approvable:
    """Approve the step that waits; the last step approves the record and runs its registered effect."""
    problem = None
    with transaction.atomic():
        subject = _locked(subject)
        route = route_for(subject)
        problem = refusal(actor, subject, route)
        if problem is None:
            step = next_step(subject)
            try:
                with transaction.atomic():
                    subject.actions.create(
                        action=ActionKind.APPROVE, step=step, role=route[step], actor=actor, comment=comment.strip()
                    )
            except IntegrityError:
                problem = ValidationError(ALREADY_TAKEN)
            else:
                last = step + 1 == len(route)
                if last:
                    problem = _take_effect(actor, subject)
                if problem is None:
                    record(
                        actor,
                        Action.UPDATE,
                        target=subject,
                        detail={"approve_step": step + 1, "of": len(route), "approved": last},
                    )
                else:
                    transaction.set_rollback(True)
    if problem is not None:
        _refuse(actor, subject, "approve", problem)
    return subject


def _take_effect(actor, subject: Approvable) -> ValidationError | None:
    subject.status, subject.approved_at = Status.APPROVED, timezone.now()
    subject.save(update_fields=["status", "approved_at"])
    effect = _EFFECTS.get(type(subject))
    try:
        if effect is not None:
            effect(actor, subject)
    except ValidationError as exc:
        return exc
    except ValueError as exc:
        return ValidationError(str(exc))
    return None


def return_for_redrafting(actor, subject: Approvable, comment: str) -> Approvable:
    """Send a draft back to its drafter with the reason; the drafter drafts anew."""
    problem = None
    with transaction.atomic():
        subject = _locked(subject)
        problem = refusal(actor, subject)
        if problem is None and not (comment or "").strip():
            problem = ValidationError({"comment": "差戻しの理由を入力してください。"})
        if problem is None:
            subject.actions.create(
                action=ActionKind.RETURN, step=next_step(subject), actor=actor, comment=comment.strip()
            )
            subject.status = Status.RETURNED
            subject.save(update_fields=["status"])
            record(actor, Action.UPDATE, target=subject, detail={"returned": True})
    if problem is not None:
        _refuse(actor, subject, "return", problem)
    return subject


def approve_each(actor, subjects, comment: str) -> dict:
    """Approve many at the actor's step (bulk approval of a run): each goes through `approve`;
    refusals are counted and audited, not raised."""
    counts = {"approved": 0, "refused": 0}
    for subject in subjects:
        try:
            approve(actor, subject, comment=comment)
            counts["approved"] += 1
        except (PermissionDenied, ValidationError):
            counts["refused"] += 1
    return counts
