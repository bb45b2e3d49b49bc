"""Thin views: determinations (caseworker and approvers), and receivables for the collection team."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from hogo.audit.models import Action
from hogo.audit.services import client_address, record
from hogo.decisions.services import approval_problem, route_of
from hogo.households.forms import save_through
from hogo.households.services import open_household_for_edit
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import pdf, rules, services
from .forms import DeterminationForm, DunningForm, PaymentForm, PlanForm
from .models import CollectionSettings, DunningBatch


@login_required
@require_http_methods(["GET", "POST"])
def determination_new(request, public_id):
    household = open_household_for_edit(
        request.user, public_id, source=client_address(request), message=services.NOT_YOURS
    )
    candidates = services.candidate_lines(household)
    initial = {
        "lines": "\n".join(f"{c['month'][:7]} {c['assistance']} {c['amount']}" for c in candidates),
        "due_on": timezone.localdate() + timedelta(days=30),
    }
    form = DeterminationForm(request.POST or None, initial=initial)
    determination = save_through(
        request,
        form,
        lambda **data: services.draft_determination(request.user, household, source=client_address(request), **data),
        "返還金・徴収金の決定を起案しました。決裁に回っています。",
    )
    if determination:
        return redirect("determination_detail", public_id=determination.public_id)
    return render(
        request, "receivables/determination_new.html", {"form": form, "household": household, "candidates": candidates}
    )


@login_required
@require_http_methods(["GET", "POST"])
def determination_detail(request, public_id):
    determination = services.open_determination(request.user, public_id, source=client_address(request))
    route = route_of(determination.household.office)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "approve":
                services.approve_determination(
                    request.user, determination, request.POST.get("comment", ""), source=client_address(request)
                )
                messages.success(request, "承認しました。")
            else:
                services.return_determination(
                    request.user, determination, request.POST.get("comment", ""), source=client_address(request)
                )
                messages.success(request, "差し戻しました。")
        except (PermissionDenied, ValidationError) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("determination_detail", public_id=determination.public_id)
    problem = approval_problem(request.user, determination, route) if determination.status == "draft" else "—"
    lines = [
        rules.Overpayment(date.fromisoformat(l["month"]), l["assistance"], l["amount"]) for l in determination.lines
    ]
    start = determination.dishonest_from.replace(day=1) if determination.dishonest_from else None
    return render(
        request,
        "receivables/determination.html",
        {
            "d": determination,
            "route": route,
            "problem": problem,
            "actions": determination.actions.select_related("actor__staff"),
            "lines": [(l, "78" if start and l.month >= start else "63") for l in lines],
            "receivables": determination.receivables.all(),
        },
    )


def _collecting_office(request):
    standing = standing_of(request.user)
    offices = standing.offices_with(*services.READING_ROLES)
    if not offices:
        raise PermissionDenied("債権を扱えるのは債権管理の担当・事務・課長です。")
    return standing, offices[0]


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
        request.user, Action.LIST, office_id=office_id, source=client_address(request), detail={"view": "receivables"}
    )
    return render(
        request,
        "receivables/list.html",
        {
            "rows": rows,
            "figures": services.figures(office_id, today),
            "may_collect": bool(standing.offices_with(*services.COLLECTING_ROLES)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def receivable_detail(request, public_id):
    receivable = services.open_receivable(request.user, public_id, source=client_address(request))
    standing = standing_of(request.user)
    collecting = standing.has_role(Role.COLLECTOR, receivable.office_id) or standing.has_role(
        Role.CLERK, receivable.office_id
    )
    action = request.POST.get("action")
    payment_form = PaymentForm(request.POST if action == "payment" else None, initial={"on": timezone.localdate()})
    plan_form = PlanForm(request.POST if action == "plan" else None)
    if request.method == "POST":
        done = None
        try:
            if action == "payment":
                done = save_through(
                    request,
                    payment_form,
                    lambda **data: services.record_payment(
                        request.user, receivable, source=client_address(request), **data
                    ),
                    "入金を記録しました。",
                )
            elif action == "plan":
                done = save_through(
                    request,
                    plan_form,
                    lambda instalments: services.set_plan(
                        request.user, receivable, instalments=instalments, source=client_address(request)
                    ),
                    "分納の計画を保存しました。",
                )
            elif action == "offset_application":
                done = services.record_offset_application(
                    request.user, receivable, applied_on=timezone.localdate(), source=client_address(request)
                )
                messages.success(request, "書面による申出を記録しました。")
            elif action == "offset":
                done = services.record_offset(
                    request.user,
                    receivable,
                    amount=int(request.POST.get("amount") or 0),
                    on=timezone.localdate(),
                    source=client_address(request),
                )
                messages.success(request, "保護金品からの徴収を記録しました。")
            elif action == "contact":
                done = services.update_contact(
                    request.user, receivable, phone=request.POST.get("phone", ""), source=client_address(request)
                )
                messages.success(request, "連絡先を更新しました。")
            elif action == "write_off":
                done = services.write_off(
                    request.user, receivable, reason=request.POST.get("reason", ""), source=client_address(request)
                )
                messages.success(request, "不納欠損を処理しました。")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        if done:
            return redirect("receivable_detail", public_id=receivable.public_id)
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
            "collecting": collecting,
            "is_chief": standing.has_role(Role.CHIEF, receivable.office_id),
            "payment_form": payment_form,
            "plan_form": plan_form,
        },
    )


@login_required
def payment_slips(request, public_id):
    receivable = services.open_receivable(request.user, public_id, source=client_address(request))
    plan = services.current_plan(receivable)
    if not plan:
        from types import SimpleNamespace

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
            try:
                batch = services.create_batch(
                    request.user,
                    office_id,
                    criteria={k: v for k, v in data.items()},
                    receivables=[r["receivable"] for r in rows],
                    source=client_address(request),
                )
            except (PermissionDenied, ValidationError) as exc:
                messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            else:
                messages.success(request, f"{len(rows)}件の督促を作りました。")
                return redirect("dunning_batch", public_id=batch.public_id)
    return render(
        request,
        "receivables/dunning.html",
        {"form": form, "rows": rows, "batches": DunningBatch.objects.filter(office_id=office_id)[:20]},
    )


def _batch(request, public_id):
    standing, office_id = _collecting_office(request)
    return get_object_or_404(DunningBatch, public_id=public_id, office_id=office_id)


@login_required
@require_http_methods(["GET", "POST"])
def dunning_batch(request, public_id):
    batch = _batch(request, public_id)
    if request.method == "POST":
        upload = request.FILES.get("results")
        try:
            if upload is None:
                raise ValidationError("配信結果のファイルを選んでください。")
            added = services.import_deliveries(request.user, batch, upload.read(), source=client_address(request))
            messages.success(request, f"配信結果を{added}件取り込みました。")
        except (PermissionDenied, ValidationError) as exc:
            messages.error(request, "取り込みませんでした: " + " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("dunning_batch", public_id=batch.public_id)
    deliveries = {d.receivable_id: d for d in batch.deliveries.all()}
    return render(
        request,
        "receivables/batch.html",
        {
            "batch": batch,
            "rows": [{"r": r, "delivery": deliveries.get(r.pk)} for r in batch.receivables.order_by("reference")],
        },
    )


@login_required
def dunning_letters(request, public_id):
    batch = _batch(request, public_id)
    today = timezone.localdate()
    rows = [
        {"receivable": r, "balance": services.balance_of(r), "due": services.next_due(r) or r.due_on}
        for r in batch.receivables.order_by("reference")
    ]
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
        source=client_address(request),
        detail={"sms_export": str(batch.public_id)},
    )
    response = HttpResponse(services.sms_export(batch), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="sms-{batch.public_id}.zip"'
    return response
