"""The approval panel and the approve / return actions, the same for every approvable record.
An app wires them to its own URLs with the function that opens (and audits) its record."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from hogo.common.refusals import report_form
from hogo.offices.models import Role

from . import services
from .forms import ApprovalForm
from .models import Status


def panel(actor, subject, *, approve_url: str, return_url: str) -> dict:
    """What the approval section of a record's page shows: the history, the route in Japanese, the
    step that waits, and the form when the actor may act (or why not)."""
    route = services.route_for(subject)
    waiting = subject.status == Status.DRAFT
    problem = services.refusal_text(actor, subject, route) if waiting else None
    return {
        "subject": subject,
        "actions": subject.actions.select_related("actor__staff"),
        "route": [Role(step).label if step in Role.values else step for step in route],
        "next_step": services.next_step(subject) + 1 if waiting else None,
        "problem": problem,
        "form": ApprovalForm() if waiting and problem is None else None,
        "approve_url": approve_url,
        "return_url": return_url,
    }


def _approved_message(subject) -> str:
    if subject.status == Status.APPROVED:
        return f"決裁しました。{subject.approval_noun}の効力が生じました。"
    return "承認しました。次の決裁者に回りました。"


def _action_view(open_subject, detail_url_name: str, act, done):
    """A POST-only view: open the record with `open_subject(user, public_id)` (audited), run
    `act(user, record, comment)` through the refusal convention, and go back to the record."""

    @login_required
    @require_POST
    def view(request, public_id):
        subject = open_subject(request.user, public_id)
        report_form(request, ApprovalForm(request.POST), lambda comment: act(request.user, subject, comment), done)
        return redirect(reverse(detail_url_name, kwargs={"public_id": public_id}))

    return view


def approve_view(open_subject, detail_url_name: str):
    """Approve the step that waits on the record."""
    return _action_view(open_subject, detail_url_name, services.approve, _approved_message)


def return_view(open_subject, detail_url_name: str):
    """Return the record to its drafter with the reason."""
    return _action_view(
        open_subject, detail_url_name, services.return_for_redrafting, "差し戻しました。起案者に戻りました。"
    )
