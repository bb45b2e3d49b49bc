"""Thin views for the application-to-decision flow."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hogo.approvals.views import approve_view, return_view
from hogo.approvals.views import panel as approval_panel
from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.benefits.engine.calculator import Line, expand_record
from hogo.common import versions
from hogo.common.refusals import read_query, report_form, save_through
from hogo.common.wareki import wareki
from hogo.households.scoping import households_visible_to, may_edit
from hogo.households.services import open_household, open_household_for_edit, require_edit
from hogo.inquiries.services import balances_of

from . import changes, deadlines, ledger, services
from .figures import application_figures
from .forms import (
    ApplicationForm,
    ChangeDraftForm,
    ChecklistItemForm,
    ConsultationForm,
    DecisionForm,
    DecisionKindQuery,
    ExtensionForm,
    NeedTestForm,
)
from .models import DecisionKind, DecisionStatus, NeedTest
from .notices import previous_decision, render_notice


def _editable_household(request, public_id):
    return open_household_for_edit(request.user, public_id, message=services.NOT_CASEWORKING)


def _editable_application(request, public_id):
    application = services.open_application(request.user, public_id)
    require_edit(request.user, application.household, services.NOT_CASEWORKING)
    return application


def _form_page(request, form, household, title, submit):
    return render(
        request, "households/form.html", {"form": form, "household": household, "title": title, "submit": submit}
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_new(request, public_id):
    household = _editable_household(request, public_id)
    form = ConsultationForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if save_through(
        request,
        form,
        lambda **data: services.record_consultation(request.user, household, **data),
        "面接相談を記録しました。",
    ):
        return redirect("household_detail", public_id=household.public_id)
    return _form_page(request, form, household, "面接相談の記録", "記録する")


@login_required
@require_http_methods(["GET", "POST"])
def application_new(request, public_id):
    household = _editable_household(request, public_id)
    form = ApplicationForm(request.POST or None, initial={"received_on": timezone.localdate()})
    application = save_through(
        request,
        form,
        lambda **data: services.receive_application(request.user, household, **data),
        lambda a: f"申請を受け付けました。決定期限は{wareki(a.deadline)}です。",
    )
    if application:
        return redirect("application_detail", public_id=application.public_id)
    return _form_page(request, form, household, "保護申請の受付", "受け付ける")


@login_required
def application_detail(request, public_id):
    application = services.open_application(request.user, public_id)
    household = application.household
    today = timezone.localdate()
    editable = may_edit(request.user, household) and not application.decided_on
    items = [
        (
            item,
            ChecklistItemForm(
                prefix=f"item{item.pk}",
                initial={
                    "status": item.status,
                    "done_on": item.done_on,
                    "note": item.note,
                    "exemption": item.exemption,
                    "version": versions.token_of(services.checklist_watched(item)),
                },
            ),
        )
        for item in application.checklist.all()
    ]
    return render(
        request,
        "decisions/application.html",
        {
            "application": application,
            "household": household,
            "items": items,
            "inquiries": application.inquiries.order_by("reference"),
            "editable": editable,
            "urgency": deadlines.urgency(application.deadline, today) if not application.decided_on else "done",
            "days_left": (application.deadline - today).days,
            "days_overdue": (today - application.deadline).days,
            "decided_days": (application.decided_on - application.received_on).days if application.decided_on else None,
            "deemed_rejection": deadlines.deemed_rejection_date(application.received_on),
            "need_tests": application.need_tests.all(),
            "need_test_form": NeedTestForm(initial={"as_of": today.replace(day=1)}),
            "extension_form": ExtensionForm(),
            "decisions": application.decisions.all(),
        },
    )


@login_required
@require_POST
def checklist_update(request, public_id, item_id):
    application = _editable_application(request, public_id)
    item = get_object_or_404(application.checklist, pk=item_id)
    form = ChecklistItemForm(request.POST, prefix=f"item{item.pk}")
    report_form(
        request,
        form,
        lambda **data: services.update_checklist_item(request.user, item, **data),
        f"「{item.label}」を更新しました。",
        item.label,
    )
    return redirect("application_detail", public_id=application.public_id)


@login_required
@require_POST
def application_extend(request, public_id):
    application = _editable_application(request, public_id)
    report_form(
        request,
        ExtensionForm(request.POST),
        lambda **data: services.extend_deadline(request.user, application, **data),
        "決定期限を延長しました。",
    )
    return redirect("application_detail", public_id=application.public_id)


@login_required
@require_POST
def need_test_run(request, public_id):
    application = _editable_application(request, public_id)
    test = report_form(
        request,
        NeedTestForm(request.POST),
        lambda as_of: services.run_need_test(request.user, application.household, as_of=as_of, application=application),
        "要否判定を行いました。",
    )
    if test:
        return redirect("need_test_detail", public_id=test.public_id)
    return redirect("application_detail", public_id=application.public_id)


@login_required
def need_test_detail(request, public_id):
    """The stored result, re-explained exactly as it was computed (not recomputed)."""
    test = get_object_or_404(NeedTest.objects.select_related("household", "application"), public_id=public_id)
    open_household(request.user, test.household.public_id)
    result = expand_record(test.result)
    lines = [
        Line(x["code"], x["label"], x["amount"], x["working"], x["source"], x["verified"], x["member"])
        for x in result["explanation"]
    ]
    return render(
        request,
        "decisions/need_test.html",
        {
            "test": test,
            "household": test.household,
            "lines": lines,
            "result": result,
            "balances": balances_of(test.household),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_new(request, public_id):
    household = _editable_household(request, public_id)
    asked = read_query(request, DecisionKindQuery(request.GET if request.method == "GET" and request.GET else None))
    initial = {"effective_from": timezone.localdate(), "kind": asked.get("kind") or DecisionKind.START}
    open_application = household.applications.filter(decided_on__isnull=True).first()
    if open_application:
        initial["application"] = open_application.public_id
    latest_test = household.need_tests.first()
    if latest_test:
        initial["need_test"] = latest_test.public_id
    form = DecisionForm(request.POST or None, household=household, initial=initial)
    decision = save_through(
        request,
        form,
        lambda **data: services.draft_decision(request.user, household, **data),
        "決定を起案しました。決裁に回っています。",
    )
    if decision:
        return redirect("decision_detail", public_id=decision.public_id)
    return _form_page(request, form, household, "決定の起案", "起案する")


def _drafted(drafted: changes.Drafted) -> str:
    comparison = drafted.comparison
    if drafted.decision is None:
        return (
            f"{wareki(comparison.effective_from)}からの扶助額は {comparison.old_total:,}円 のまま変わりません。"
            "変更決定は起案しませんでした。"
        )
    change = f"扶助額 {comparison.old_total:,}円 → {comparison.new_total:,}円"
    return f"変更決定を起案しました（{change}）。決裁に回っています。"


@login_required
@require_POST
def change_draft(request, public_id):
    """「この内容で変更決定を起案」: recompute the household for the day the change takes effect and
    draft a change decision when an amount changes (decision 0018)."""
    household = _editable_household(request, public_id)
    form = ChangeDraftForm(request.POST)
    drafted = report_form(
        request,
        form,
        lambda effective_from, back: changes.draft_change(request.user, household, effective_from=effective_from),
        _drafted,
    )
    if drafted and drafted.decision:
        return redirect("decision_detail", public_id=drafted.decision.public_id)
    back = form.cleaned_data.get("back") if form.is_valid() else ""
    return redirect(back or reverse("household_detail", args=[household.public_id]))


def _before_after(decision) -> list[changes.Line]:
    """For a change: per 扶助 and in total, the decision in force before it and this one."""
    previous = previous_decision(decision) if decision.kind == DecisionKind.CHANGE else None
    if previous is None:
        return []
    lines = [
        changes.Line(code, label, previous.amounts.get(code, 0), decision.amounts.get(code, 0))
        for code, label in services.ASSISTANCE_ROWS
        if previous.amounts.get(code) or decision.amounts.get(code)
    ]
    return [*lines, changes.Line("total", "合計（月額）", previous.benefit_total, decision.benefit_total)]


@login_required
def decision_detail(request, public_id):
    decision = services.open_decision(request.user, public_id)
    approval = approval_panel(
        request.user,
        decision,
        approve_url=reverse("decision_approve", args=[decision.public_id]),
        return_url=reverse("decision_return", args=[decision.public_id]),
    )
    return render(
        request,
        "decisions/decision.html",
        {
            "decision": decision,
            "household": decision.household,
            "approval": approval,
            "amount_rows": [(label, decision.amounts.get(code, 0)) for code, label in services.ASSISTANCE_ROWS],
            "before_after": _before_after(decision),
            "one_time_rows": services.one_time_rows(decision.one_time),
            "one_time_month": services.one_time_month(decision.one_time),
            "one_time_total": decision.benefit_total + sum(a for _, a in services.one_time_rows(decision.one_time)),
            "application_urgency": deadlines.urgency(decision.application.deadline, timezone.localdate())
            if decision.application
            else "",
        },
    )


decision_approve = approve_view(services.open_decision, "decision_detail")
decision_return = return_view(services.open_decision, "decision_detail")


@login_required
def decision_notice(request, public_id):
    decision = services.open_decision(request.user, public_id)
    if decision.status != DecisionStatus.APPROVED:
        raise PermissionDenied("通知書は決裁後に作成できます。")
    response = HttpResponse(render_notice(decision), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="notice-{decision.household.case_number}-{decision.kind}.pdf"'
    return response


@login_required
def household_ledger(request, public_id):
    """Month by month: which approved decisions govern and what is owed; retroactive differences."""
    household = open_household(request.user, public_id)
    decisions = services.approved_rows(household.pk)
    months = []
    starts = [d.effective_from for d in decisions if d.kind in ledger.PAYING]
    if starts:
        today = timezone.localdate()
        first = max(min(starts).replace(day=1), today.replace(day=1, year=today.year - 3))
        months = list(reversed(ledger.ledger(decisions, first, today.replace(day=1))))
    by_id = {d.id: d for d in household.decisions.filter(status=DecisionStatus.APPROVED)}
    labels = {**dict(services.ASSISTANCE_ROWS), **services.ONE_TIME_LABELS}
    # the 扶助 ever owed in these months, so a tablet shows the columns that say something
    columns = [(c, label) for c, label in services.ASSISTANCE_ROWS if any(m.owed[c] for m in months)]
    columns = columns or services.ASSISTANCE_ROWS[:1]
    rows = [
        {
            "month": m.month,
            "decisions": [by_id[i] for i in m.governing],
            "total": m.total,
            "amounts": [m.owed[code] for code, _ in columns],
            "one_time": sum(m.one_time.values()),
        }
        for m in months
    ]
    adjustments = [
        (a, labels.get(a.assistance, a.assistance))
        for a in household.ledger_adjustments.select_related("decision").order_by("-month", "id")
    ]
    return render(
        request,
        "decisions/ledger.html",
        {
            "household": household,
            "rows": rows,
            "labels": [label for _, label in columns],
            "has_one_time": any(row["one_time"] for row in rows),
            "adjustments": adjustments,
        },
    )


@login_required
def decision_figures(request):
    """The 14-day figures over the households the user may see (a team for a supervisor, the
    office for a chief or clerk); caseworkers see their own."""
    today = timezone.localdate()
    since = today.replace(year=today.year - 1)
    figures = application_figures(households_visible_to(request.user), since, today)
    # The overdue applications are listed by case number.
    record(
        request.user,
        Action.LIST,
        detail={"view": "decision_figures", **shown(r["public_id"] for r in figures["overdue"])},
    )
    return render(request, "decisions/figures.html", {"figures": figures, "since": since})
