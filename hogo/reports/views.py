"""The reports' screens: choose a report and a month, watch the run, read the tables and the charts,
download XLSX and CSV. Thin: `services` decides who may run what, `outputs` and `charts` render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.refusals import put_errors_on_fields

from . import charts, outputs, services
from .catalogue import REPORTS
from .forms import RunForm
from .models import ReportRun

NO_REPORTS = "統計を作成できるのは、ケースワーカー・査察指導員・課長・事務です。"


def _latest_trends(user, offices) -> ReportRun | None:
    """The trends of the latest finished 月次調査 the user may open (the charts of the reports page)."""
    run = (
        services.visible_runs(user)
        .filter(report="monthly", status=ReportRun.Status.DONE, office__in=offices)
        .order_by("-finished_at", "-id")
        .first()
    )
    return run


@login_required
@require_http_methods(["GET", "POST"])
def report_index(request):
    offices = services.offices_for(request.user)
    if not offices:
        raise PermissionDenied(NO_REPORTS)
    keys = list(dict.fromkeys(k for o in offices for k in services.reports_for(request.user, o.pk)))
    initial = {"month": timezone.localdate().replace(day=1), "report": keys[0] if keys else None}
    form = RunForm(request.POST or None, reports=keys, offices=offices, initial=initial)
    if request.method == "POST" and form.is_valid():
        office = next(o for o in offices if o.pk == form.cleaned_data["office"])
        try:
            run = services.start_run(request.user, office, form.cleaned_data["report"], form.cleaned_data["month"])
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            messages.success(request, f"「{REPORTS[run.report].title}」の集計を始めました。")
            return redirect("report_run", public_id=run.public_id)
    latest = _latest_trends(request.user, offices)
    return render(
        request,
        "reports/index.html",
        {
            "form": form,
            "runs": services.visible_runs(request.user).select_related("office", "requested_by")[:30],
            "latest": latest,
            "charts": charts.trend_charts(latest.result.get("trends", {})) if latest else [],
            "catalogue": [REPORTS[k] for k in keys],
        },
    )


@login_required
def report_run(request, public_id):
    run = services.open_run(request.user, public_id)
    context = {
        "run": run,
        "report": REPORTS[run.report],
        "tables": outputs.shown_tables(run) if run.status == ReportRun.Status.DONE else [],
        "suppressed": run.status == ReportRun.Status.DONE and outputs.has_suppressed(run),
        "footnote": outputs.FOOTNOTE.format(n=run.threshold),
        "charts": charts.trend_charts(run.result.get("trends", {})) if run.result.get("trends") else [],
        "heading": outputs.heading(run),
    }
    if request.headers.get("HX-Request"):
        response = render(request, "reports/_progress.html", context)
        if run.finished:
            response["HX-Refresh"] = "true"  # once done, reload so the tables and downloads appear
        return response
    record(request.user, Action.VIEW, target=run, office_id=run.office_id, detail={"view": "report_run"})
    return render(request, "reports/run.html", context)


def _download(request, public_id, kind: str):
    run = services.open_run(request.user, public_id)
    if run.status != ReportRun.Status.DONE:
        raise ValidationError({"run": "集計が終わってから出力できます。"})
    record(request.user, Action.VIEW, target=run, office_id=run.office_id, detail={"download": kind})
    name = f"{run.report}-{run.office.municipality_code}-{run.month:%Y-%m}"
    if kind == "xlsx":
        response = HttpResponse(
            outputs.xlsx(run), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        response = HttpResponse(outputs.csv_bytes(run), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


@login_required
def report_run_xlsx(request, public_id):
    return _download(request, public_id, "xlsx")


@login_required
def report_run_csv(request, public_id):
    return _download(request, public_id, "csv")
