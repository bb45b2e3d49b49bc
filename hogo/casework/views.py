"""Thin views over the casework queries and services."""

import calendar
from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common import versions
from hogo.common.refusals import read_query, report, report_form, save_through
from hogo.followups import queries as followup_queries
from hogo.followups.services import open_declaration
from hogo.households.scoping import households_visible_to, may_edit
from hogo.households.services import open_household, open_household_for_edit, require_edit
from hogo.offices.models import Role
from hogo.offices.queries import caseworkers_of_teams, standing_of

from . import drafting, grading, queries, routing, services
from .forms import (
    AddendumForm,
    DeclarationPhotoForm,
    DraftRequestForm,
    GradeForm,
    MonthForm,
    RecordEditForm,
    RecordForm,
    RecordKindForm,
    RecordSearchForm,
    RouteForm,
    VisitPlanForm,
    VisitRecordForm,
    VisitStatusForm,
)
from .models import GradeDecision, RecordKind


def _month(request, today):
    """The month asked for in the address (?month=2026-04), else this one: its first and last day."""
    start = read_query(request, MonthForm(request.GET)).get("month") or today.replace(day=1)
    end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start, end


def _require_caseworker(request):
    standing = standing_of(request.user)
    if not standing.offices_with(Role.CASEWORKER):
        raise PermissionDenied("訪問予定を使えるのはケースワーカーです。")
    return standing


@login_required
def visit_list(request):
    _require_caseworker(request)
    today = timezone.localdate()
    start, end = _month(request, today)
    rows = queries.due_visits(request.user, start, end, today)
    record(
        request.user,
        Action.LIST,
        detail={"view": "visits", "month": start.isoformat(), **shown(r.household.public_id for r in rows)},
    )
    previous = (start - timedelta(days=1)).replace(day=1)
    return render(
        request,
        "casework/visits.html",
        {"rows": rows, "start": start, "today": today, "previous": previous, "next": end + timedelta(days=1)},
    )


@login_required
def visit_route(request):
    _require_caseworker(request)
    today = timezone.localdate()
    ids = read_query(request, RouteForm(request.GET)).get("stop", [])
    households = list(queries.with_head(households_visible_to(request.user, today).filter(public_id__in=ids)))
    editable = [h for h in households if may_edit(request.user, h)]
    missing = [h for h in editable if h.latitude is None or h.longitude is None]
    located = [h for h in editable if h not in missing]
    # A route starts and ends at the office of its households; stops of two offices make no route.
    office_ids = {h.office_id for h in located}
    office = located[0].office if len(office_ids) == 1 else None
    route = None
    if office is not None and office.latitude is not None:
        by_id = {str(h.public_id): h for h in located}
        ordered_input = sorted(located, key=lambda h: ids.index(str(h.public_id)))
        result = routing.plan_route(
            (float(office.latitude), float(office.longitude)),
            [routing.Stop(str(h.public_id), float(h.latitude), float(h.longitude)) for h in ordered_input],
        )
        route = {
            "stops": [(by_id[i], leg) for i, leg in zip(result.order, result.legs_m, strict=False)],  # + leg back
            "back_m": result.legs_m[-1] if result.legs_m else 0,
            "length_m": result.length_m,
            "list_order_m": result.list_order_length_m,
            "saved_m": result.list_order_length_m - result.length_m,
        }
    record(
        request.user,
        Action.LIST,
        detail={"view": "visit_route", **shown(h.public_id for h in editable)},
    )
    return render(
        request,
        "casework/route.html",
        {
            "route": route,
            "missing": missing,
            "office": office,
            "no_office_position": office is not None and office.latitude is None,
            "several_offices": len(office_ids) > 1,
            "empty": not editable,
        },
    )


@login_required
def visit_calendar(request):
    _require_caseworker(request)
    today = timezone.localdate()
    start, end = _month(request, today)
    visits = queries.month_visits(request.user, start, end, today)
    by_day: dict[date, list] = {}
    for visit in visits:
        by_day.setdefault(visit.planned_on, []).append(visit)
    weeks = [
        [(day, by_day.get(day, []), day.month == start.month) for day in week]
        for week in calendar.Calendar(firstweekday=6).monthdatescalendar(start.year, start.month)
    ]
    record(
        request.user,
        Action.LIST,
        detail={"view": "visit_calendar", "month": start.isoformat(), **shown(v.household.public_id for v in visits)},
    )
    previous = (start - timedelta(days=1)).replace(day=1)
    return render(
        request,
        "casework/calendar.html",
        {"weeks": weeks, "start": start, "today": today, "previous": previous, "next": end + timedelta(days=1)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def visit_new(request, public_id):
    household = open_household_for_edit(request.user, public_id, message=services.NOT_YOURS)
    form = VisitPlanForm(request.POST or None, initial={"planned_on": timezone.localdate() + timedelta(days=1)})
    if save_through(
        request,
        form,
        lambda **data: services.propose_visit(request.user, household, **data),
        "訪問予定を入れました。",
    ):
        return redirect("household_detail", public_id=household.public_id)
    return render(
        request,
        "households/form.html",
        {"form": form, "household": household, "title": "訪問予定", "submit": "予定を入れる"},
    )


@login_required
@require_POST
def visit_status(request, public_id):
    visit = services.open_visit(request.user, public_id)
    require_edit(request.user, visit.household, services.NOT_YOURS)
    report_form(
        request,
        VisitStatusForm(request.POST),
        lambda status: services.set_visit_status(request.user, visit, status),
        "訪問予定の状態を更新しました。",
    )
    return redirect("household_detail", public_id=visit.household.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def visit_sheet(request, public_id):
    """Visit mode on a tablet: what to know and ask before going, the checklist after."""
    household = open_household_for_edit(request.user, public_id, message=services.NOT_YOURS)
    today = timezone.localdate()
    form = VisitRecordForm(request.POST or None, request.FILES or None, initial={"done_on": today})
    draft = save_through(
        request,
        form,
        lambda **visit: services.record_visit_with_photo(request.user, household, **visit),
        "訪問を記録しました。記録の下書きを確認して確定してください。次の訪問予定を作りました。",
    )
    if draft:
        return redirect("record_detail", public_id=draft.public_id)
    open_items = followup_queries.household_items(household, today, viewer=request.user)
    members = household.members.filter(left_on__isnull=True).order_by("pk")
    return render(
        request,
        "casework/visit_sheet.html",
        {
            "household": household,
            "members": members,
            "form": form,
            "open_items": open_items,
            "records": household.case_records.select_related("author__staff")[:3],
            "to_ask": followup_queries.visit_questions(open_items),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def grade(request, public_id):
    household = open_household(request.user, public_id)
    editable = may_edit(request.user, household)
    recommendation = grading.recommend(services.grade_facts(household))
    form = GradeForm(
        request.POST or None,
        initial={
            "chosen": household.visit_grade
            or (recommendation.grade if recommendation.grade != grading.INSTITUTION else "")
        },
    )
    if request.method == "POST" and not editable:
        raise PermissionDenied(services.NOT_YOURS)
    if save_through(
        request,
        form,
        lambda **data: services.decide_grade(request.user, household, **data),
        "訪問格付けを決めました。次の訪問予定を作り直しました。",
    ):
        return redirect("household_detail", public_id=household.public_id)
    return render(
        request,
        "casework/grade.html",
        {
            "household": household,
            "recommendation": recommendation,
            "form": form,
            "editable": editable,
            "thresholds": grading.thresholds_text(),
            "plan": services.annual_visit_plan(household, timezone.localdate()),
            "history": household.grade_decisions.select_related("decided_by__staff")[:10],
        },
    )


@login_required
def grade_overrides(request):
    """For supervisors: grades set differently from the recommendation in their team."""
    standing = standing_of(request.user)
    if not standing.has_role(Role.SUPERVISOR):
        raise PermissionDenied("格付けの変更理由を見られるのは査察指導員です。")
    today = timezone.localdate()
    decisions = list(
        GradeDecision.objects.filter(household__in=households_visible_to(request.user, today))
        .exclude(override_reason="")
        .select_related("household", "decided_by__staff")[:200]
    )
    record(
        request.user,
        Action.LIST,
        detail={"view": "grade_overrides", **shown(d.household.public_id for d in decisions)},
    )
    names = {cw.pk: cw.name for cw in caseworkers_of_teams(standing.team_ids, today)}
    return render(request, "casework/overrides.html", {"decisions": decisions, "names": names})


def _record_new_page(request, household, form, *, notes="", draft="", draft_error=""):
    return render(
        request,
        "casework/record_new.html",
        {
            "form": form,
            "household": household,
            "notes": notes,
            "draft": draft,
            "draft_error": draft_error,
            "drafting": drafting.enabled(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_new(request, public_id):
    household = open_household_for_edit(request.user, public_id, message=services.NOT_YOURS)
    kind = read_query(request, RecordKindForm(request.GET)).get("kind") or RecordKind.VISIT
    form = RecordForm(request.POST or None, initial={"occurred_on": timezone.localdate(), "kind": kind})
    created = save_through(
        request,
        form,
        lambda **data: services.create_record(request.user, household, **data),
        "記録を作りました（下書き）。",
    )
    if created:
        return redirect("record_detail", public_id=created.public_id)
    return _record_new_page(request, household, form)


@login_required
@require_POST
def record_draft(request, public_id):
    """A draft from the caseworker's notes, shown beside them: only a suggestion, nothing is saved
    until the caseworker saves the record form."""
    household = open_household_for_edit(request.user, public_id, message=services.NOT_YOURS)
    asked = DraftRequestForm(request.POST)
    draft, problem = "", ""
    if asked.is_valid():
        draft, problem = services.suggest_record(request.user, household, **asked.cleaned_data)
    else:
        problem = " ".join(e for errors in asked.errors.values() for e in errors)
    kind = asked.cleaned_data.get("kind") or RecordKind.VISIT
    form = RecordForm(initial={"occurred_on": timezone.localdate(), "kind": kind, "body": draft})
    notes = asked["notes"].value() or ""
    return _record_new_page(request, household, form, notes=notes, draft=draft, draft_error=problem)


def _record_page(request, case_record, *, edit_form=None, addendum_form=None):
    """The record's page: the author edits a draft, the supervisor signs, a signed record takes
    addenda. A form that was posted and refused comes back with its errors."""
    household = case_record.household
    editable = may_edit(request.user, household)
    if _may_write(request.user, case_record):
        values = versions.values_of(versions.watch(case_record, services.RECORD_EDIT_FIELDS))
        edit_form = edit_form or RecordEditForm(initial={**values, "version": versions.loaded_token(values)})
    if editable and case_record.signed:
        addendum_form = addendum_form or AddendumForm()
    return render(
        request,
        "casework/record.html",
        {
            "record": case_record,
            "household": household,
            "edit_form": edit_form,
            "addendum_form": addendum_form,
            "may_sign": not case_record.signed
            and case_record.confirmed_at
            and services.may_sign(request.user, household),
            "addenda": case_record.addenda.select_related("author__staff"),
            "photos": case_record.visit.photos.all() if case_record.visit_id else [],
            "required": services.template_items(household.office, case_record.kind),
        },
    )


def _may_write(user, case_record) -> bool:
    return may_edit(user, case_record.household) and not case_record.signed and case_record.author_id == user.pk


@login_required
@require_GET
def record_detail(request, public_id):
    return _record_page(request, services.open_record(request.user, public_id))


def _open_for_writing(request, public_id):
    """The record (404 when not visible, audited), for its author while it is a draft (403 otherwise)."""
    case_record = services.open_record(request.user, public_id)
    if not _may_write(request.user, case_record):
        raise PermissionDenied(
            "確認済みの記録は変更できません。追記してください。" if case_record.signed else services.NOT_YOURS
        )
    return case_record


def _save_record(request, public_id, *, confirm: bool, done: str):
    case_record = _open_for_writing(request, public_id)
    form = RecordEditForm(request.POST)
    if save_through(
        request,
        form,
        lambda body, version: services.update_record(
            request.user, case_record, body=body, confirm=confirm, version=version
        ),
        done,
    ):
        return redirect("record_detail", public_id=case_record.public_id)
    return _record_page(request, case_record, edit_form=form)


@login_required
@require_POST
def record_save(request, public_id):
    return _save_record(request, public_id, confirm=False, done="下書きを保存しました。")


@login_required
@require_POST
def record_confirm(request, public_id):
    return _save_record(request, public_id, confirm=True, done="記録を確定しました。査察指導員の確認を待ちます。")


@login_required
@require_POST
def record_sign(request, public_id):
    case_record = services.open_record(request.user, public_id)
    if not services.may_sign(request.user, case_record.household):
        raise PermissionDenied("記録を確認（署名）できるのは係の査察指導員です。")
    report(
        request,
        lambda: services.sign_record(request.user, case_record),
        "記録を確認しました。以後は追記だけができます。",
    )
    return redirect("record_detail", public_id=case_record.public_id)


@login_required
@require_POST
def record_addendum(request, public_id):
    case_record = services.open_record(request.user, public_id)
    require_edit(request.user, case_record.household, services.NOT_YOURS)
    form = AddendumForm(request.POST)
    if save_through(
        request,
        form,
        lambda body: services.add_addendum(request.user, case_record, body=body),
        "追記しました。",
    ):
        return redirect("record_detail", public_id=case_record.public_id)
    return _record_page(request, case_record, addendum_form=form)


@login_required
def record_search(request):
    form = RecordSearchForm(request.GET)
    results, words, searched = [], [], False
    data = read_query(request, form)
    if form.is_valid() and any(data.values()):
        searched = True
        household = open_household(request.user, data["household"]) if data["household"] else None
        records, words = queries.search_records(
            request.user,
            data["q"] or "",
            household=household,
            kind=data["kind"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            caseworker_id=data["cw"],
        )
        results = list(records[: queries.SEARCH_LIMIT])
        record(
            request.user,
            Action.SEARCH,
            detail={"view": "record_search", "query": data["q"], "shown": [str(r.public_id) for r in results]},
        )
    return render(
        request,
        "casework/search.html",
        {"form": form, "results": results, "words": words, "searched": searched, "limit": queries.SEARCH_LIMIT},
    )


@login_required
def photo(request, public_id):
    item = services.open_photo(request.user, public_id)
    response = FileResponse(item.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def declaration_photo(request, public_id):
    """Attach a photo of a document the recipient showed (a pay slip, a notice) to a declaration,
    so nobody types it again."""
    declaration = open_declaration(request.user, public_id)
    require_edit(request.user, declaration.household, services.NOT_YOURS)
    report_form(
        request,
        DeclarationPhotoForm(request.POST, request.FILES),
        lambda image, caption: services.attach_photo(
            request.user,
            declaration.household,
            upload=image,
            purpose="document",
            caption=caption,
            declaration=declaration,
        ),
        "書類の写真を添付しました。",
    )
    return redirect("declaration_detail", public_id=declaration.public_id)
