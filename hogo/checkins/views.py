"""The CW's and SV's screens of check-ins: the caseload's households on the portal with their check-in
setting, a household's setting and check-ins, and one check-in's self-report."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common.refusals import save_through
from hogo.households.scoping import households_visible_to, may_edit
from hogo.households.services import open_household_for_edit
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import services
from .forms import PlanForm
from .models import CheckinPlan


@login_required
def checkin_list(request):
    if not standing_of(request.user).offices_with(Role.CASEWORKER, Role.SUPERVISOR):
        raise PermissionDenied("近況報告の設定を使えるのは、ケースワーカーと査察指導員です。")
    today = timezone.localdate()
    households = [
        h
        for h in services.with_portal_account(households_visible_to(request.user, today))
        .select_related("office")
        .order_by("case_number")
        if may_edit(request.user, h, today)
    ]
    plans = {p.household_id: p for p in CheckinPlan.objects.filter(household__in=households)}
    rows = [(h, plans.get(h.pk), h.checkins.first()) for h in households]
    record(request.user, Action.LIST, detail={"view": "checkins", **shown(h.public_id for h in households)})
    return render(request, "checkins/list.html", {"rows": rows, "today": today})


@login_required
@require_http_methods(["GET", "POST"])
def checkin_plan(request, public_id):
    household = open_household_for_edit(request.user, public_id, message=services.NOT_YOURS)
    plan = CheckinPlan.objects.filter(household=household).first()
    initial = {"active": "1", "interval_months": 1, "starts_on": timezone.localdate()}
    if plan is not None:
        initial = {
            "active": "1" if plan.active else "0",
            "interval_months": plan.interval_months,
            "starts_on": plan.starts_on,
            "reason": plan.reason,
        }
    form = PlanForm(request.POST or None, initial=initial)
    if save_through(
        request,
        form,
        lambda **data: services.set_plan(request.user, household, **data),
        "近況報告の設定を保存しました。",
    ):
        return redirect("checkin_plan", public_id=household.public_id)
    return render(
        request,
        "checkins/plan.html",
        {
            "household": household,
            "plan": plan,
            "form": form,
            "checkins": household.checkins.select_related("followup")[:12],
            "on_portal": services.has_portal_account(household),
        },
    )


@login_required
def checkin_detail(request, public_id):
    checkin = services.open_checkin(request.user, public_id)
    today = timezone.localdate()
    return render(request, "checkins/detail.html", {"checkin": checkin, "household": checkin.household, "today": today})
