"""Screens of the linkage: import a file and see its figures (SV, chief, clerk), settle what waits for a
caseworker (exceptions, 住民異動, large changes), approve the rest in bulk and print the notices."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common.refusals import report, report_form
from hogo.common.wareki import wareki, wareki_month
from hogo.decisions.notices import render_notices
from hogo.households.models import Member
from hogo.households.scoping import households_visible_to
from hogo.offices.acting import acting_office
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import layouts, resident, services
from .forms import ConfirmForm, DismissForm, ImportForm, ResolveForm
from .models import WAITING, LinkageRow, Outcome

MONTH_KEYS = ("revision_month", "month")
SHOWN_PER_LIST = 200
CHOICE_KEYS = ("collection", "certificate", "event", "sex")


def _importing_office(request):
    return acting_office(request, *services.IMPORTERS, denied=services.NOT_IMPORTER)


def _importing_office_or_none(request):
    try:
        return _importing_office(request)
    except PermissionDenied:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def linkage_list(request):
    if not standing_of(request.user).offices_with(*services.IMPORTERS):
        raise PermissionDenied(services.NOT_IMPORTER)
    form = ImportForm(request.POST or None, request.FILES or None)
    refused, checked = [], None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            imported = services.import_file(
                request.user,
                _importing_office(request),
                data["source"],
                data["data"].name,
                data["data"].read(),
                dry_run=data["dry_run"],
            )
        except layouts.FileRefused as exc:
            refused = exc.refusal.messages
        else:
            if imported.already:
                messages.info(request, "このファイルは既に取り込まれています（何も変更していません）。")
                return redirect("linkage_detail", public_id=imported.run.public_id)
            if imported.dry_run:
                checked = imported.counts
            else:
                messages.success(request, f"{imported.counts['rows']:,}行を取り込みました。")
                return redirect("linkage_detail", public_id=imported.run.public_id)
    return render(
        request,
        "linkage/list.html",
        {
            "form": form,
            "refused": refused,
            "checked": checked,
            "office": _importing_office_or_none(request),
            "runs": services.visible_runs(request.user).select_related("office", "uploaded_by__staff")[:50],
        },
    )


def _run_or_404(request, public_id):
    run = services.visible_runs(request.user).filter(public_id=public_id).select_related("office").first()
    if run is None:
        raise Http404("連携データの取込が見つかりません。")
    return run


@login_required
def linkage_detail(request, public_id):
    run = _run_or_404(request, public_id)
    rows = run.items.select_related("household", "member", "decision")
    waiting = list(rows.filter(outcome__in=WAITING).order_by("line")[:SHOWN_PER_LIST])
    review = [r for r in rows.filter(outcome=Outcome.DRAFTED).exclude(review="").order_by("line") if r.waiting_review]
    review = review[:SHOWN_PER_LIST]
    drafted = list(rows.filter(outcome=Outcome.DRAFTED).order_by("household__case_number", "line")[:SHOWN_PER_LIST])
    on_page = waiting + review + drafted  # every list of the page, in the order shown
    record(
        request.user,
        Action.VIEW,
        target=run,
        detail={"view": "linkage_detail", **shown(r.household.public_id for r in on_page if r.household)},
    )
    return render(
        request,
        "linkage/detail.html",
        {
            "run": run,
            "waiting": waiting,
            "review": review,
            "drafted": drafted,
            "drafted_rows": rows.filter(outcome=Outcome.DRAFTED).count(),
            "approvable": services.approvable(run).count(),
            "may_approve": services.may_approve(request.user, run),
            "groups": services.notice_groups(run),
        },
    )


@login_required
@require_POST
def linkage_approve(request, public_id):
    run = _run_or_404(request, public_id)
    report(
        request,
        lambda: services.approve_run(request.user, run),
        lambda counts: f"{counts['approved']}件を承認しました（承認できなかったもの {counts['refused']}件）。",
    )
    return redirect("linkage_detail", public_id=run.public_id)


@login_required
def linkage_notices(request, public_id, drafter_id: int):
    """The approved decisions one caseworker drafted in this run, as one PDF in print order."""
    run = _run_or_404(request, public_id)
    group = next((g for g in services.notice_groups(run) if g["drafter"].pk == drafter_id), None)
    if group is None:
        raise Http404("印刷する通知書がありません。")
    decisions = group["decisions"]
    record(
        request.user,
        Action.VIEW,
        target=run,
        detail={"view": "linkage_notices", "notices": len(decisions), **shown(d.public_id for d in decisions)},
    )
    pdf = render_notices(decisions, f"保護変更決定通知書（{run.get_source_display()}）")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="notices-{run.public_id}-{drafter_id}.pdf"'
    return response


@login_required
def linkage_waiting(request):
    """The caseworker's list: rows of linkage data waiting for them."""
    if not standing_of(request.user).offices_with(Role.CASEWORKER, Role.SUPERVISOR):
        raise PermissionDenied("連携データの確認はケースワーカーと査察指導員が行います。")
    rows = services.rows_waiting_for(request.user)
    record(
        request.user,
        Action.LIST,
        target_type="linkage_row",
        detail={"view": "linkage_waiting", **shown(r.public_id for r in rows)},
    )
    return render(request, "linkage/waiting.html", {"rows": rows})


def shown_values(row: LinkageRow) -> list[tuple[str, str]]:
    """The row's values as the file's headers and what a person reads (和暦, Japanese choices)."""
    layout = layouts.LAYOUTS[row.run.source]
    names = {
        **{v: k for k, v in layouts.COLLECTION.items()},
        **{v: k for k, v in layouts.CERTIFICATES.items()},
        **{v: k for k, v in layouts.RESIDENT_EVENTS.items()},
        "male": "男",
        "female": "女",
    }
    out = []
    for column in layout.columns:
        value = row.values.get(column.key)
        if value in (None, ""):
            continue
        if column.key in services.DATE_KEYS:
            day = date.fromisoformat(value)
            text = wareki_month(day) if column.key in MONTH_KEYS else wareki(day)
        elif column.key == "care_level":
            text = {v: k for k, v in layouts.CARE_LEVELS.items()}[value]
        elif isinstance(value, int) and "amount" in column.key:
            text = f"{value:,}円"
        else:
            text = names.get(value, str(value)) if column.key in CHOICE_KEYS else str(value)
        out.append((column.header, text))
    return out


@login_required
def linkage_row(request, public_id):
    row = services.open_row(request.user, public_id)
    candidates = services.candidates_of(request.user, row)
    chosen = [row.member] if row.member_id and row.outcome == Outcome.EXCEPTION and not candidates else candidates
    chosen = [m for m in chosen if m is not None]
    event = row.values.get("event", "")
    visible = households_visible_to(request.user)
    visible_candidates = list(
        Member.objects.filter(pk__in=row.candidates, household__in=visible).select_related("household")
    )
    return render(
        request,
        "linkage/row.html",
        {
            "row": row,
            "values": shown_values(row),
            "resolve_form": ResolveForm(candidates=chosen) if row.outcome == Outcome.EXCEPTION and chosen else None,
            "dismiss_form": DismissForm() if row.outcome in WAITING else None,
            "confirm_form": ConfirmForm(event=event) if row.outcome == Outcome.TO_CONFIRM else None,
            "candidates": visible_candidates,
            "hidden_candidates": len(row.candidates) - len(visible_candidates),
            "may_list": bool(standing_of(request.user).offices_with(Role.CASEWORKER, Role.SUPERVISOR)),
        },
    )


def _row_for_action(request, public_id) -> LinkageRow:
    return services.open_row(request.user, public_id)


@login_required
@require_POST
def linkage_row_resolve(request, public_id):
    row = _row_for_action(request, public_id)
    allowed = services.candidates_of(request.user, row) or ([row.member] if row.member_id else [])
    report_form(
        request,
        ResolveForm(request.POST, candidates=allowed),
        lambda member: services.resolve(request.user, row, next(m for m in allowed if m.pk == member)),
        lambda done: f"反映しました（{done.get_outcome_display()}）。",
        label=f"{row.line}行目",
    )
    return redirect("linkage_row", public_id=row.public_id)


@login_required
@require_POST
def linkage_row_dismiss(request, public_id):
    row = _row_for_action(request, public_id)
    report_form(
        request,
        DismissForm(request.POST),
        lambda reason: services.dismiss(request.user, row, reason),
        "対応不要としました。",
        label=f"{row.line}行目",
    )
    return redirect("linkage_row", public_id=row.public_id)


@login_required
@require_POST
def linkage_row_review(request, public_id):
    row = _row_for_action(request, public_id)
    done = "確認済みにしました（一括承認の対象になります）。"
    report(request, lambda: services.mark_reviewed(request.user, row), done)
    return redirect("linkage_row", public_id=row.public_id)


def _confirmed_message(done: resident.Confirmed) -> str:
    if done.drafted is None:
        return f"反映しました。変更決定は起案していません（{done.draft_problem}）。"
    if done.drafted.decision is None:
        return "反映しました。保護費の額は変わらないため、変更決定は起案していません。"
    return "反映し、変更決定を起案しました。"


@login_required
@require_POST
def linkage_row_confirm(request, public_id):
    row = _row_for_action(request, public_id)
    report_form(
        request,
        ConfirmForm(request.POST, event=row.values.get("event", "")),
        lambda **given: resident.confirm(request.user, row, resident.Confirmation(**given)),
        _confirmed_message,
        label=f"{row.line}行目",
    )
    return redirect("linkage_row", public_id=row.public_id)
