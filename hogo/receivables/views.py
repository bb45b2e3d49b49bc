"""Thin views: determinations (caseworker and approvers), and receivables for the collection team."""

from datetime import date, timedelta
from types import SimpleNamespace

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hogo.approvals.views import approve_view, return_view
from hogo.approvals.views import panel as approval_panel
from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common import versions
from hogo.common.refusals import report, report_form, save_through
from hogo.households.services import open_household_for_edit
from hogo.offices.acting import acting_office
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import pdf, rules, services
from .forms import (
    ContactForm,
    DeliveryResultsForm,
    DeterminationForm,
    DunningForm,
    OffsetForm,
    PaymentForm,
    PlanForm,
    WriteOffForm,
)
from .models import CollectionSettings, DunningBatch


@login_required
@require_http_methods(["GET", "POST"])
def determination_new(request, public_id):
    household = open_household_for_edit(request.user, public_id, message=services.NOT_YOURS)
    candidates = services.candidate_lines(household)
    lines = [{**c, "month": date.fromisoformat(c["month"])} for c in candidates]
    adding = request.POST.get("add_row") if request.method == "POST" else None
    form = DeterminationForm(
        request.POST or None,
        initial={"due_on": timezone.localdate() + timedelta(days=30)},
        lines=lines,
        adding=adding if adding in ("lines", "deductions") else None,
    )
    determination = save_through(
        request,
        form,
        lambda **data: services.draft_determination(request.user, household, **data),
        "返還金・徴収金の決定を起案しました。決裁に回っています。",
    )
    if determination:
        return redirect("determination_detail", public_id=determination.public_id)
    return render(
        request, "receivables/determination_new.html", {"form": form, "household": household, "candidates": candidates}
    )


@login_required
def determination_detail(request, public_id):
    determination = services.open_determination(request.user, public_id)
    lines = [
        rules.Overpayment(date.fromisoformat(line["month"]), line["assistance"], line["amount"])
        for line in determination.lines
    ]
    start = determination.dishonest_from.replace(day=1) if determination.dishonest_from else None
    approval = approval_panel(
        request.user,
        determination,
        approve_url=reverse("determination_approve", args=[determination.public_id]),
        return_url=reverse("determination_return", args=[determination.public_id]),
    )
    return render(
        request,
        "receivables/determination.html",
        {
            "d": determination,
            "approval": approval,
            "lines": [(line, "78" if start and line.month >= start else "63") for line in lines],
            "receivables": determination.receivables.all(),
        },
    )


determination_approve = approve_view(services.open_determination, "determination_detail")
determination_return = return_view(services.open_determination, "determination_detail")


NOT_COLLECTING = "債権を扱えるのは債権管理の担当・事務・課長です。"


def _collecting_office(request):
    """The user's standing and the id of their acting office for the office-wide receivable pages."""
    office = acting_office(request, *services.READING_ROLES, denied=NOT_COLLECTING)
    return standing_of(request.user), office.pk


@login_required
def receivable_list(request):
    standing, office_id = _collecting_office(request)
    today = timezone.localdate()
    rows = []
    for receivable in (
        services.visible_receivables(request.user)
        .filter(office_id=office_id)
        .prefetch_related("entries", "instalments")
    ):
        due = services.next_due(receivable)
        rows.append(
            {
                "r": receivable,
                "balance": services.balance_of(receivable),
                "due": due,
                "days": (today - due).days if due and due < today else 0,
            }
        )
    record(
        request.user,
        Action.LIST,
        office_id=office_id,
        detail={"view": "receivables", **shown(row["r"].public_id for row in rows)},
    )
    return render(
        request,
        "receivables/list.html",
        {
            "rows": rows,
            "figures": services.figures(office_id, today),
            "may_collect": any(standing.has_role(role, office_id) for role in services.COLLECTING_ROLES),
        },
    )


def _receivable_page(request, receivable, *, payment_form=None, plan_form=None):
    """The receivable's page; a form that was posted and refused comes back with its errors."""
    standing = standing_of(request.user)
    today = timezone.localdate()
    return render(
        request,
        "receivables/detail.html",
        {
            "r": receivable,
            "entries": receivable.entries.select_related("recorded_by__staff"),
            "balance": services.balance_of(receivable),
            "plan": services.current_plan(receivable),
            "next_due": services.next_due(receivable),
            "limitation": receivable.limitation_on(),
            "today": today,
            "collecting": standing.has_role(Role.COLLECTOR, receivable.office_id)
            or standing.has_role(Role.CLERK, receivable.office_id),
            "is_chief": standing.has_role(Role.CHIEF, receivable.office_id),
            "payment_form": payment_form or PaymentForm(initial={"on": today}),
            "plan_form": plan_form or PlanForm(plan_version=services.plan_version_of(receivable)),
            "contact_version": versions.token_of(services.contact_watched(receivable)),
        },
    )


@login_required
@require_GET
def receivable_detail(request, public_id):
    return _receivable_page(request, services.open_receivable(request.user, public_id))


def _open_for_collecting(request, public_id):
    """The receivable (404 when not visible, audited), for the collection team only (403)."""
    receivable = services.open_receivable(request.user, public_id)
    services.require_collecting(request.user, receivable)
    return receivable


def _back_to(receivable):
    return redirect("receivable_detail", public_id=receivable.public_id)


@login_required
@require_POST
def receivable_payment(request, public_id):
    receivable = _open_for_collecting(request, public_id)
    form = PaymentForm(request.POST)
    if save_through(
        request,
        form,
        lambda **data: services.record_payment(request.user, receivable, **data),
        "入金を記録しました。",
    ):
        return _back_to(receivable)
    return _receivable_page(request, receivable, payment_form=form)


@login_required
@require_POST
def receivable_plan(request, public_id):
    receivable = _open_for_collecting(request, public_id)
    if request.POST.get("add_row") == "instalments":  # 「行を追加」: the rows as typed and one more, nothing saved
        plan_form = PlanForm(request.POST, adding="instalments")
        return _receivable_page(request, receivable, plan_form=plan_form)
    form = PlanForm(request.POST)
    if save_through(
        request,
        form,
        lambda instalments, plan_version: services.set_plan(
            request.user, receivable, instalments=instalments, plan_version=plan_version
        ),
        "分納の計画を保存しました。",
    ):
        return _back_to(receivable)
    return _receivable_page(request, receivable, plan_form=form)


@login_required
@require_POST
def receivable_offset_application(request, public_id):
    receivable = _open_for_collecting(request, public_id)
    report(
        request,
        lambda: services.record_offset_application(request.user, receivable, applied_on=timezone.localdate()),
        "書面による申出を記録しました。",
    )
    return _back_to(receivable)


@login_required
@require_POST
def receivable_offset(request, public_id):
    receivable = _open_for_collecting(request, public_id)
    report_form(
        request,
        OffsetForm(request.POST),
        lambda amount: services.record_offset(request.user, receivable, amount=amount, on=timezone.localdate()),
        "保護金品からの徴収を記録しました。",
    )
    return _back_to(receivable)


@login_required
@require_POST
def receivable_contact(request, public_id):
    receivable = _open_for_collecting(request, public_id)
    report_form(
        request,
        ContactForm(request.POST),
        lambda phone, version: services.update_contact(request.user, receivable, phone=phone, version=version),
        "連絡先を更新しました。",
    )
    return _back_to(receivable)


@login_required
@require_POST
def receivable_write_off(request, public_id):
    receivable = services.open_receivable(request.user, public_id)
    services.require_writing_off(request.user, receivable)
    report_form(
        request,
        WriteOffForm(request.POST),
        lambda reason: services.write_off(request.user, receivable, reason=reason),
        "不納欠損を処理しました。",
    )
    return _back_to(receivable)


@login_required
def payment_slips(request, public_id):
    receivable = services.open_receivable(request.user, public_id)
    plan = services.current_plan(receivable)
    if not plan:
        plan = [SimpleNamespace(number=1, due_on=receivable.due_on, amount=services.balance_of(receivable))]
    settings_row, _ = CollectionSettings.objects.get_or_create(office_id=receivable.office_id)
    response = HttpResponse(pdf.render_slips(receivable, plan, settings_row), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="payment-slips-{receivable.reference}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def dunning(request):
    standing, office_id = _collecting_office(request)
    form = DunningForm(request.GET or None)
    rows = []
    if form.is_valid():
        data = form.cleaned_data
        rows = services.overdue(
            office_id,
            min_days=data["min_days"],
            min_amount=data["min_amount"],
            kinds=data["kinds"],
            today=timezone.localdate(),
        )
        if request.method == "POST":
            batch = report(
                request,
                lambda: services.create_batch(
                    request.user, office_id, criteria=dict(data), receivables=[r["receivable"] for r in rows]
                ),
                f"{len(rows)}件の督促を作りました。",
            )
            if batch:
                return redirect("dunning_batch", public_id=batch.public_id)
        record(
            request.user,
            Action.LIST,
            office_id=office_id,
            detail={"view": "dunning", **shown(row["receivable"].public_id for row in rows)},
        )
    return render(
        request,
        "receivables/dunning.html",
        {"form": form, "rows": rows, "batches": DunningBatch.objects.filter(office_id=office_id)[:20]},
    )


def _batch(request, public_id):
    # A batch is worked in its own office, whichever office the user is acting in.
    offices = standing_of(request.user).offices_with(*services.READING_ROLES)
    if not offices:
        raise PermissionDenied(NOT_COLLECTING)
    return get_object_or_404(DunningBatch, public_id=public_id, office_id__in=offices)


@login_required
@require_http_methods(["GET", "POST"])
def dunning_batch(request, public_id):
    batch = _batch(request, public_id)
    if request.method == "POST":
        report_form(
            request,
            DeliveryResultsForm(request.POST, request.FILES),
            lambda results: services.import_deliveries(request.user, batch, results.read()),
            lambda added: f"配信結果を{added}件取り込みました。",
            label="配信結果",
        )
        return redirect("dunning_batch", public_id=batch.public_id)
    deliveries = {d.receivable_id: d for d in batch.deliveries.all()}
    receivables = list(batch.receivables.order_by("reference"))
    _record_batch_read(request, batch, receivables, "dunning_batch")
    return render(
        request,
        "receivables/batch.html",
        {"batch": batch, "rows": [{"r": r, "delivery": deliveries.get(r.pk)} for r in receivables]},
    )


def _record_batch_read(request, batch, receivables, view):
    """A dunning batch shows debtors' names (and the letters their addresses and balances): one
    entry naming the batch and the receivables shown."""
    record(
        request.user,
        Action.VIEW,
        target_type="dunning_batch",
        target_id=str(batch.public_id),
        office_id=batch.office_id,
        detail={"view": view, **shown(r.public_id for r in receivables)},
    )


@login_required
def dunning_letters(request, public_id):
    batch = _batch(request, public_id)
    today = timezone.localdate()
    rows = [
        {"receivable": r, "balance": services.balance_of(r), "due": services.next_due(r) or r.due_on}
        for r in batch.receivables.order_by("reference")
    ]
    _record_batch_read(request, batch, [row["receivable"] for row in rows], "dunning_letters")
    response = HttpResponse(pdf.render_letters(rows, batch.office), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="dunning-{today.isoformat()}.pdf"'
    return response


@login_required
def dunning_export(request, public_id):
    batch = _batch(request, public_id)
    record(
        request.user,
        Action.UPDATE,
        office_id=batch.office_id,
        detail={"sms_export": str(batch.public_id)},
    )
    response = HttpResponse(services.sms_export(batch), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="sms-{batch.public_id}.zip"'
    return response
