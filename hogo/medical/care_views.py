"""Screens of 介護扶助 and 移送費 (issue 20): a household's care plans and transports with the month's
amounts, recording a care plan, requesting a 移送費 and the transport's page with its approval panel."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from hogo.approvals.views import approve_view, return_view
from hogo.approvals.views import panel as approval_panel
from hogo.common.refusals import read_query, save_through
from hogo.households.scoping import may_edit
from hogo.households.services import open_household, open_household_for_edit

from . import care, services, transport
from .care_forms import CareMonthForm, CarePlanForm, TransportForm
from .models import Institution, InstitutionKind


def _institutions(office, kind):
    today = timezone.localdate()
    return [i for i in Institution.objects.filter(office=office, kind=kind) if i.designated_on(today)]


def _members(household):
    return list(household.members.filter(left_on__isnull=True).order_by("id"))


@login_required
@require_GET
def household_care(request, public_id):
    """A household's care plans and 移送費, and what is paid for 移送費 in a month (this month by default)."""
    household = open_household(request.user, public_id)
    form = CareMonthForm(request.GET or None)
    month = read_query(request, form).get("month") or timezone.localdate().replace(day=1)
    paid = transport.monthly_transport(household, month)
    return render(
        request,
        "medical/care/household.html",
        {
            "household": household,
            "form": form,
            "month": month,
            "paid": paid,
            "total": sum(amount for _, amount in paid),
            "plans": household.care_plans.select_related("member", "planner"),
            "transports": household.transports.select_related("member", "institution"),
            "may_act": may_edit(request.user, household),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def care_plan_new(request, public_id):
    household = open_household_for_edit(request.user, public_id, services.NOT_CASEWORKING)
    members = _members(household)
    providers = _institutions(household.office, InstitutionKind.CARE)
    form = CarePlanForm(
        request.POST or None, members=members, providers=providers, initial={"starts_on": timezone.localdate()}
    )
    by_id = {m.pk: m for m in members}
    providers_by_id = {p.pk: p for p in providers}

    def act(**data):
        data = form.service_data()
        data["member"], data["planner"] = by_id[data["member"]], providers_by_id[data["planner"]]
        return care.record_care_plan(request.user, household, **data)

    plan = save_through(request, form, act, "介護扶助の計画を記録しました。翌月分から介護券に反映します。")
    if plan:
        return redirect("care_plan_detail", public_id=plan.public_id)
    return render(request, "medical/care/plan_new.html", {"household": household, "form": form})


@login_required
@require_GET
def care_plan_detail(request, public_id):
    plan = care.open_care_plan(request.user, public_id)
    shares = care.shares_of(plan)
    latest = care.plan_in_force(plan.member, max(plan.starts_on, timezone.localdate()))
    return render(
        request,
        "medical/care/plan.html",
        {
            "plan": plan,
            "household": plan.household,
            "shares": shares,
            "total_cost": sum(s.cost for s in shares),
            "total_share": sum(s.care_share for s in shares),
            "superseded_by": latest if latest is not None and latest.pk != plan.pk else None,
            "tickets": plan.tickets.filter(void=False).select_related("institution").order_by("-month", "number")[:24],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def transport_new(request, public_id):
    household = open_household_for_edit(request.user, public_id, services.NOT_CASEWORKING)
    members = _members(household)
    institutions = _institutions(household.office, InstitutionKind.MEDICAL)
    form = TransportForm(
        request.POST or None,
        members=members,
        institutions=institutions,
        initial={"starts_on": timezone.localdate().replace(day=1), "kind": "routine"},
    )
    by_id = {m.pk: m for m in members}
    institutions_by_id = {i.pk: i for i in institutions}

    def act(*, member, institution, kind, **data):
        return transport.request_transport(
            request.user,
            household,
            member=by_id[member],
            institution=institutions_by_id[institution],
            routine=kind == "routine",
            **data,
        )

    made = save_through(request, form, act, "移送費の決定を起案しました。決裁に回っています。")
    if made:
        return redirect("transport_detail", public_id=made.public_id)
    return render(request, "medical/care/transport_new.html", {"household": household, "form": form})


@login_required
@require_GET
def transport_detail(request, public_id):
    made = transport.open_transport(request.user, public_id)
    approval = approval_panel(
        request.user,
        made,
        approve_url=reverse("transport_approve", args=[made.public_id]),
        return_url=reverse("transport_return", args=[made.public_id]),
    )
    return render(
        request,
        "medical/care/transport.html",
        {"t": made, "household": made.household, "approval": approval},
    )


transport_approve = approve_view(transport.open_transport, "transport_detail")
transport_return = return_view(transport.open_transport, "transport_detail")
