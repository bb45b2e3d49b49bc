"""Screens of the mass recalculation: start a run, watch it, review exceptions, approve in bulk."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common.forms import DATE_WIDGET, LabelledForm
from hogo.common.refusals import put_errors_on_fields
from hogo.offices.acting import acting_office
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import recalc
from .models import RecalcResult


class RecalcForm(LabelledForm):
    as_of = forms.DateField(label="適用日（基準の改定日など）", widget=DATE_WIDGET)
    reason = forms.CharField(label="理由", max_length=200, initial="基準改定")


def _run_or_404(request, public_id):
    run = recalc.visible_runs(request.user).filter(public_id=public_id).select_related("office", "requested_by").first()
    if run is None:
        raise Http404("一斉更正が見つかりません。")
    return run


def _starting_office(request):
    """The acting office in which a run started from this page begins (PermissionDenied until chosen)."""
    return acting_office(request, Role.CHIEF, Role.CLERK, denied="一斉更正を開始できるのは課長と事務です。")


def _starting_office_or_none(request):
    try:
        return _starting_office(request)
    except PermissionDenied:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def recalc_list(request):
    standing = standing_of(request.user)
    if not standing.offices_with(Role.CHIEF, Role.CLERK, Role.SUPERVISOR):
        raise PermissionDenied("一斉更正を扱えるのは課長・事務・査察指導員です。")
    starter_offices = standing.offices_with(Role.CHIEF, Role.CLERK)
    form = (
        RecalcForm(request.POST or None, initial={"as_of": timezone.localdate().replace(day=1)})
        if starter_offices
        else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("一斉更正を開始できるのは課長と事務です。")
        if form.is_valid():
            try:
                run = recalc.start_recalc(request.user, _starting_office(request), **form.cleaned_data)
            except ValidationError as exc:
                put_errors_on_fields(form, exc)
            else:
                messages.success(request, f"一斉更正を開始しました（{run.total}世帯）。")
                return redirect("recalc_detail", public_id=run.public_id)
    return render(
        request,
        "decisions/recalc_list.html",
        {
            "runs": recalc.visible_runs(request.user)[:50],
            "form": form,
            "starting_office": _starting_office_or_none(request) if form else None,
        },
    )


@login_required
def recalc_detail(request, public_id):
    run = _run_or_404(request, public_id)
    exceptions = list(
        RecalcResult.objects.filter(run=run)
        .exclude(exception="")
        .select_related("household", "decision")
        .order_by("outcome", "household__case_number")[:200]
    )
    context = {
        "run": run,
        "exceptions": exceptions,
        "may_approve": standing_of(request.user).has_role(Role.SUPERVISOR, run.office_id)
        or standing_of(request.user).has_role(Role.CHIEF, run.office_id),
    }
    if request.headers.get("HX-Request"):
        response = render(request, "decisions/_recalc_progress.html", context)
        if run.status == run.Status.DONE:
            response["HX-Refresh"] = "true"  # reload once so the exceptions and the approval form appear
        return response
    # The full page lists households by case number with their amounts; the progress fragment does not.
    record(
        request.user,
        Action.VIEW,
        target=run,
        detail={"view": "recalc_detail", **shown(r.household.public_id for r in exceptions)},
    )
    return render(request, "decisions/recalc_detail.html", context)


@login_required
@require_POST
def recalc_approve(request, public_id):
    run = _run_or_404(request, public_id)
    standing = standing_of(request.user)
    if not (standing.has_role(Role.SUPERVISOR, run.office_id) or standing.has_role(Role.CHIEF, run.office_id)):
        raise PermissionDenied("一括承認できるのは査察指導員と課長です。")
    counts = recalc.approve_run(request.user, run)
    messages.success(request, f"{counts['approved']}件を承認しました（承認できなかったもの {counts['refused']}件）。")
    return redirect("recalc_detail", public_id=run.public_id)
