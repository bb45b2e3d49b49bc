"""Screens of the payments (issue 21): the office's runs, returns and unpaid transfers (clerk, chief); one
run with its totals, approval and outputs; a household's payment method and 代理納付 (its CW and SV, the
clerk); the household page's payment history."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hogo.approvals.views import approve_view, return_view
from hogo.approvals.views import panel as approval_panel
from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common.refusals import report, report_form, save_through
from hogo.common.wareki import wareki_month
from hogo.households.services import open_household
from hogo.offices.acting import acting_office

from . import documents, services
from .forms import MethodForm, ProxyForm, RecomputeForm, RepayForm, ResultFileForm, RunForm
from .models import CounterRepayment, Item, Method, Payee, Payment, PaymentRun

RECENT_RUNS = 24


def _office(request):
    return acting_office(request, *services.RUNNERS, denied=services.NOT_RUNNER)


@login_required
@require_http_methods(["GET", "POST"])
def payment_office(request):
    """Runs of the office, a new run, the bank's results and the transfers still unpaid."""
    office = _office(request)
    today = timezone.localdate()
    form = RunForm(request.POST or None, initial={"month": _next_month(today)})
    run = save_through(
        request,
        form,
        lambda month, **options: services.compute_run(request.user, office, month, **options),
        lambda run: f"{run.totals.get('payments', 0):,}件の支払を計算しました。内容を確かめて決裁に回してください。",
    )
    if run is not None:
        return redirect("payment_run", public_id=run.public_id)
    unpaid = services.unpaid_returns([office.pk])
    record(
        request.user,
        Action.LIST,
        target_type="payment",
        office_id=office.pk,
        detail={"view": "payment_office", **shown(r.payment.public_id for r in unpaid)},
    )
    return render(
        request,
        "payments/office.html",
        {
            "office": office,
            "form": form,
            "runs": PaymentRun.objects.filter(office=office).select_related("drafted_by__staff")[:RECENT_RUNS],
            "result_form": ResultFileForm(),
            "unpaid": unpaid,
            "repay_form": RepayForm(initial={"paid_on": today}),
            "repaid": CounterRepayment.objects.filter(returned__payment__run__office=office)
            .select_related("returned__payment__household")
            .order_by("-recorded_at")[:20],
        },
    )


def _next_month(day):
    return services._next_month(day.replace(day=1))


@login_required
@require_POST
def payment_results_import(request):
    office = _office(request)
    form = ResultFileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("payment_office")
    upload = form.cleaned_data["data"]
    report(
        request,
        lambda: services.import_results(request.user, office, upload.name, upload.read()),
        lambda imported: f"振込結果を取り込みました（振込不能 {imported.returned}件・振込済 {imported.paid}件）。",
    )
    return redirect("payment_office")


LINE_COLUMNS = [
    (Item.LIVING, "生活扶助"),
    (Item.HOUSING, "住宅扶助"),
    (Item.EDUCATION, "教育扶助"),
    (Item.OCCUPATIONAL, "生業扶助"),
    (Item.YEAR_END, "期末一時扶助"),
    (Item.TRANSPORT, "移送費"),
    (Item.REPAY, "再支給"),
]
METHOD_ROWS = [
    (f"{Payee.HOUSEHOLD}:{Method.BANK}", "口座振込（世帯）"),
    (f"{Payee.HOUSEHOLD}:{Method.COUNTER}", "窓口払（世帯）"),
    (f"{Payee.PROXY}:{Method.BANK}", "代理納付（家主・保険者へ振込）"),
]


@login_required
@require_GET
def payment_run(request, public_id):
    run = services.open_run(request.user, public_id)
    totals = run.totals or {}
    by_item = totals.get("by_item", {})
    by_method = totals.get("by_method", {})
    approval = approval_panel(
        request.user,
        run,
        approve_url=reverse("payment_run_approve", args=[run.public_id]),
        return_url=reverse("payment_run_return", args=[run.public_id]),
    )
    labels = dict(Item.choices)
    return render(
        request,
        "payments/run.html",
        {
            "run": run,
            "approval": approval,
            "items": [(label, by_item.get(code, 0)) for code, label in LINE_COLUMNS if by_item.get(code)],
            "methods": [(label, by_method.get(key, {"count": 0, "total": 0})) for key, label in METHOD_ROWS],
            "totals": totals,
            "overpaid": [
                {
                    **o,
                    "label": labels.get(o["item"], o["item"]),
                    "month_label": wareki_month(date.fromisoformat(o["month"])),
                }
                for o in run.overpaid
            ],
            "may_recompute": run.status == "returned" and services.may_run(request.user, run.office_id),
            "documents": [(key, label) for key, label in DOCUMENTS.items()],
        },
    )


payment_run_approve = approve_view(services.open_run, "payment_run")
payment_run_return = return_view(services.open_run, "payment_run")


@login_required
@require_POST
def payment_run_recompute(request, public_id):
    run = services.open_run(request.user, public_id)
    report_form(
        request,
        RecomputeForm(request.POST),
        lambda include_pending, pay_on: services.recompute(
            request.user, run, include_pending=include_pending, pay_on=pay_on
        ),
        "計算し直しました。",
    )
    return redirect("payment_run", public_id=run.public_id)


def _frozen_run(request, public_id) -> PaymentRun:
    run = services.open_run(request.user, public_id)
    services.require_runner(request.user, run.office_id, "download")
    if not run.frozen:
        raise PermissionDenied("決裁の済んだ支給だけを出力できます。")
    return run


@login_required
@require_GET
def payment_run_zengin(request, public_id):
    run = _frozen_run(request, public_id)
    try:
        data = services.export_zengin(request.user, run)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("payment_run", public_id=run.public_id)
    response = HttpResponse(data, content_type="text/plain; charset=shift_jis")
    response["Content-Disposition"] = f'attachment; filename="zengin-{run.month:%Y%m}-{run.kind}.txt"'
    return response


DOCUMENTS = {
    "counter": "窓口払一覧（PDF）",
    "receipts": "窓口払の領収書（PDF）",
    "proxy": "代理納付一覧（PDF）",
    "accounting": "支出命令の集計（PDF）",
}


@login_required
@require_GET
def payment_run_pdf(request, public_id, document):
    if document not in DOCUMENTS:
        raise Http404("その帳票はありません。")
    run = _frozen_run(request, public_id)
    if document == "counter":
        content = documents.render_counter_list(run)
    elif document == "receipts":
        payments = list(
            run.payments.filter(method=Method.COUNTER).select_related("household").prefetch_related("lines")
        )
        content = documents.render_receipts(payments)
    elif document == "proxy":
        content = documents.render_proxy_list(run)
    else:
        content = documents.render_accounting_summary(run)
    record(request.user, Action.VIEW, target=run, office_id=run.office_id, detail={"document": document})
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="payments-{document}-{run.month:%Y%m}.pdf"'
    return response


@login_required
@require_GET
def payment_run_proxy_csv(request, public_id):
    run = _frozen_run(request, public_id)
    record(request.user, Action.VIEW, target=run, office_id=run.office_id, detail={"document": "proxy_csv"})
    response = HttpResponse(documents.proxy_csv(run), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="proxy-{run.month:%Y%m}.csv"'
    return response


@login_required
@require_POST
def payment_repay(request, public_id):
    """A returned transfer paid at the counter; its receipt is linked from the office page."""
    office = _office(request)
    payment = get_object_or_404(Payment, public_id=public_id, run__office=office)
    returned = getattr(payment, "returned", None)
    if returned is None:
        raise Http404("振込不能の記録がありません。")
    report_form(
        request,
        RepayForm(request.POST),
        lambda paid_on: services.repay_at_counter(request.user, returned, paid_on=paid_on),
        "窓口で再支給しました。領収書を印刷してください。",
        label=payment.household.case_number,
    )
    return redirect("payment_office")


@login_required
@require_GET
def payment_repayment_receipt(request, public_id):
    office = _office(request)
    repaid = get_object_or_404(
        CounterRepayment.objects.select_related("returned__payment__run__office", "returned__payment__household"),
        public_id=public_id,
        returned__payment__run__office=office,
    )
    record(request.user, Action.VIEW, target=repaid, office_id=office.pk, detail={"receipt": True})
    response = HttpResponse(documents.render_repayment_receipt(repaid), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="repayment-{repaid.returned.payment.household.case_number}.pdf"'
    )
    return response


# --- a household's payment method and 代理納付 -------------------------------------------------------------


def _changeable(request, public_id):
    household = open_household(request.user, public_id)
    if not services.may_change_method(request.user, household):
        raise PermissionDenied("この世帯の支給方法を変更する権限がありません（担当CW・査察指導員・事務員）。")
    return household


def _household_form(request, public_id, form_class, act, done: str, template: str, history):
    """A household's payment method or 代理納付 form: saved through its service, back to the household."""
    household = _changeable(request, public_id)
    form = form_class(request.POST or None, initial={"method": Method.BANK, "starts_on": timezone.localdate()})
    if save_through(request, form, lambda **data: act(request.user, household, **data), done) is not None:
        return redirect("household_detail", public_id=household.public_id)
    rows = history(household).select_related("recorded_by__staff")[:12]
    return render(request, template, {"household": household, "form": form, "history": rows})


@login_required
@require_http_methods(["GET", "POST"])
def payment_method_edit(request, public_id):
    return _household_form(
        request,
        public_id,
        MethodForm,
        services.set_method,
        "支給方法を登録しました。",
        "payments/method_edit.html",
        lambda household: household.payment_methods,
    )


@login_required
@require_http_methods(["GET", "POST"])
def proxy_payee_edit(request, public_id):
    return _household_form(
        request,
        public_id,
        ProxyForm,
        services.set_proxy,
        "代理納付を登録しました。",
        "payments/proxy_edit.html",
        lambda household: household.proxy_payees,
    )


def household_panel(request, household) -> dict:
    """The household page's section of payments (registered in apps.py)."""
    today = timezone.localdate()
    return {
        "method": services.method_of(household, today),
        "proxies": services.proxies_of(household, today),
        "payments": services.history_of(household, limit=12),
        "may_change": services.may_change_method(request.user, household),
    }
