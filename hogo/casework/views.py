"""Thin views over the casework queries and services."""

import calendar
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hogo.audit.models import Action
from hogo.audit.services import client_address, record
from hogo.followups import queries as followup_queries
from hogo.households.forms import put_errors_on_fields, save_through
from hogo.households.scoping import households_visible_to, may_edit
from hogo.households.services import open_household, open_household_for_edit
from hogo.offices.models import Role
from hogo.offices.queries import caseworkers_of_teams, standing_of

from . import drafting, grading, queries, routing, services
from .forms import AddendumForm, GradeForm, RecordEditForm, RecordForm, RecordSearchForm, VisitPlanForm, VisitRecordForm
from .models import GradeDecision
from .records_text import CHECKLIST, Finding


def _month(request, today):
    try:
        year, month = map(int, request.GET.get("month", "").split("-"))
        start = date(year, month, 1)
    except ValueError:
        start = today.replace(day=1)
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
        source=client_address(request),
        detail={"view": "visits", "month": start.isoformat(), "shown": [str(r.household.public_id) for r in rows]},
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
    ids = request.GET.getlist("stop")[:25]
    households = list(queries.with_head(households_visible_to(request.user, today).filter(public_id__in=ids)))
    editable = [h for h in households if may_edit(request.user, h)]
    missing = [h for h in editable if h.latitude is None or h.longitude is None]
    located = [h for h in editable if h not in missing]
    office = located[0].office if located else None
    route = None
    if office is not None and office.latitude is not None:
        by_id = {str(h.public_id): h for h in located}
        ordered_input = sorted(located, key=lambda h: ids.index(str(h.public_id)))
        result = routing.plan_route(
            (float(office.latitude), float(office.longitude)),
            [routing.Stop(str(h.public_id), float(h.latitude), float(h.longitude)) for h in ordered_input],
        )
        route = {
            "stops": [(by_id[i], leg) for i, leg in zip(result.order, result.legs_m)],
            "back_m": result.legs_m[-1] if result.legs_m else 0,
            "length_m": result.length_m,
            "list_order_m": result.list_order_length_m,
            "saved_m": result.list_order_length_m - result.length_m,
        }
    record(
        request.user,
        Action.LIST,
        source=client_address(request),
        detail={"view": "visit_route", "households": [str(h.public_id) for h in editable]},
    )
    return render(
        request,
        "casework/route.html",
        {
            "route": route,
            "missing": missing,
            "office": office,
            "no_office_position": office is not None and office.latitude is None,
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
        source=client_address(request),
        detail={"view": "visit_calendar", "month": start.isoformat()},
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
    household = open_household_for_edit(
        request.user, public_id, source=client_address(request), message=services.NOT_YOURS
    )
    form = VisitPlanForm(request.POST or None, initial={"planned_on": timezone.localdate() + timedelta(days=1)})
    if save_through(
        request,
        form,
        lambda **data: services.propose_visit(request.user, household, source=client_address(request), **data),
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
    visit = services.open_visit(request.user, public_id, source=client_address(request))
    try:
        services.set_visit_status(request.user, visit, request.POST.get("status", ""), source=client_address(request))
        messages.success(request, "訪問予定の状態を更新しました。")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("household_detail", public_id=visit.household.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def visit_sheet(request, public_id):
    """Visit mode on a tablet: what to know and ask before going, the checklist after."""
    household = open_household_for_edit(
        request.user, public_id, source=client_address(request), message=services.NOT_YOURS
    )
    today = timezone.localdate()
    form = VisitRecordForm(request.POST or None, request.FILES or None, initial={"done_on": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        findings = [
            Finding(key, data.get(f"{key}_result") or "", data.get(f"{key}_note") or "") for key, _ in CHECKLIST
        ]
        try:
            draft = _record_visit_with_photo(request, household, data, findings)
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            messages.success(
                request, "訪問を記録しました。記録の下書きを確認して確定してください。次の訪問予定を作りました。"
            )
            return redirect("record_detail", public_id=draft.public_id)
    open_items = followup_queries.household_items(household, today)
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
            "to_ask": _what_to_ask(open_items, household),
        },
    )


def _record_visit_with_photo(request, household, data, findings):
    from django.db import transaction

    with transaction.atomic():
        draft = services.record_visit(
            request.user,
            household,
            done_on=data["done_on"],
            met=data["met"],
            findings=findings,
            policy=data.get("policy") or "",
            source=client_address(request),
        )
        if data.get("photo"):
            services.attach_photo(
                request.user,
                household,
                upload=data["photo"],
                purpose=data.get("photo_purpose") or "room",
                visit=draft.visit,
                source=client_address(request),
            )
    return draft


def _what_to_ask(open_items, household):
    """What to ask this time, from the open follow-ups."""
    asks = []
    for row in open_items:
        code = row.item.rule.code if row.item.rule_id else ""
        if code == "job_search_report":
            asks.append("求職活動の状況（ハローワークの利用、応募先）を聞き、求職活動報告を受け取る")
        elif code.startswith("income_declaration"):
            asks.append("収入の変化を確認し、収入申告書と給与明細・年金通知を受け取る")
        elif code == "assets_declaration":
            asks.append("資産申告書（預貯金通帳の写し）を受け取る")
        elif code.startswith("medical_opinion") or code == "care_certification":
            asks.append("通院・服薬の状況、介護サービスの利用を聞く")
        elif row.item.source == "declaration":
            asks.append(f"未認定の{row.item.title.replace('の認定', '')}について内容を確かめる")
    return list(dict.fromkeys(asks))


@login_required
@require_http_methods(["GET", "POST"])
def grade(request, public_id):
    household = open_household(request.user, public_id, source=client_address(request))
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
        lambda **data: services.decide_grade(request.user, household, source=client_address(request), **data),
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
            "plan": _annual_plan(household),
            "history": household.grade_decisions.select_related("decided_by__staff")[:10],
        },
    )


def _annual_plan(household):
    """The next twelve months of visits from the open visit follow-up and the grade's interval."""
    from hogo.followups.models import FollowUp, State
    from hogo.followups.rules import ensure_rules
    from hogo.followups.schedule import visit_interval_months

    rule = next((r for r in ensure_rules(household.office) if r.code == services.VISIT_RULE and r.active), None)
    item = (
        FollowUp.objects.filter(household=household, rule=rule, state__in=(State.OPEN, State.SNOOZED)).first()
        if rule
        else None
    )
    if item is None:
        return None
    months = visit_interval_months(rule.spec(), household.visit_grade, household.residence != "home")
    today = timezone.localdate()
    start = max(item.due_on, today)  # an overdue visit is due now
    return {"months": months, "dates": grading.annual_plan(start, months, today + timedelta(days=365))}


@login_required
def grade_overrides(request):
    """For supervisors: grades set differently from the recommendation in their team."""
    standing = standing_of(request.user)
    if not standing.has_role(Role.SUPERVISOR):
        raise PermissionDenied("格付けの変更理由を見られるのは査察指導員です。")
    today = timezone.localdate()
    decisions = (
        GradeDecision.objects.filter(household__in=households_visible_to(request.user, today))
        .exclude(override_reason="")
        .select_related("household", "decided_by__staff")[:200]
    )
    record(request.user, Action.LIST, source=client_address(request), detail={"view": "grade_overrides"})
    names = {cw.pk: cw.name for cw in caseworkers_of_teams(standing.team_ids, today)}
    return render(request, "casework/overrides.html", {"decisions": decisions, "names": names})


@login_required
@require_http_methods(["GET", "POST"])
def record_new(request, public_id):
    household = open_household_for_edit(
        request.user, public_id, source=client_address(request), message=services.NOT_YOURS
    )
    kind = request.POST.get("kind") or request.GET.get("kind") or "visit"
    notes, draft, draft_error = request.POST.get("notes", ""), "", ""
    if request.POST.get("action") == "draft":
        # Only a suggestion: shown beside the notes, nothing is saved until the CW saves the form.
        try:
            draft = drafting.draft_from_notes(notes, services.template_items(household.office, kind))
        except drafting.DraftUnavailable as exc:
            draft_error = str(exc)
        record(
            request.user,
            Action.CREATE,
            target=household,
            source=client_address(request),
            detail={"draft_requested": True, "ok": bool(draft)},
        )
        form = RecordForm(
            initial={
                "occurred_on": request.POST.get("occurred_on") or timezone.localdate(),
                "kind": kind,
                "body": draft,
            }
        )
    else:
        form = RecordForm(request.POST or None, initial={"occurred_on": timezone.localdate(), "kind": kind})
        created = save_through(
            request,
            form,
            lambda **data: services.create_record(request.user, household, source=client_address(request), **data),
            "記録を作りました（下書き）。",
        )
        if created:
            return redirect("record_detail", public_id=created.public_id)
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
def record_detail(request, public_id):
    case_record = services.open_record(request.user, public_id, source=client_address(request))
    household = case_record.household
    editable = may_edit(request.user, household)
    may_write = editable and not case_record.signed and case_record.author_id == request.user.pk
    edit_form = (
        RecordEditForm(
            request.POST if request.POST.get("action") in ("save", "confirm") else None,
            initial={"body": case_record.body},
        )
        if may_write
        else None
    )
    addendum_form = (
        AddendumForm(request.POST if request.POST.get("action") == "addendum" else None)
        if editable and case_record.signed
        else None
    )
    action = request.POST.get("action")
    if request.method == "POST":
        if action in ("save", "confirm") and edit_form is not None:
            if save_through(
                request,
                edit_form,
                lambda body: services.update_record(
                    request.user, case_record, body=body, confirm=action == "confirm", source=client_address(request)
                ),
                "記録を確定しました。査察指導員の確認を待ちます。" if action == "confirm" else "下書きを保存しました。",
            ):
                return redirect("record_detail", public_id=case_record.public_id)
        elif action == "sign":
            try:
                services.sign_record(request.user, case_record, source=client_address(request))
                messages.success(request, "記録を確認しました。以後は追記だけができます。")
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            return redirect("record_detail", public_id=case_record.public_id)
        elif action == "addendum" and addendum_form is not None:
            if save_through(
                request,
                addendum_form,
                lambda body: services.add_addendum(
                    request.user, case_record, body=body, source=client_address(request)
                ),
                "追記しました。",
            ):
                return redirect("record_detail", public_id=case_record.public_id)
        elif action in ("save", "confirm", "addendum"):
            raise PermissionDenied(
                "確認済みの記録は変更できません。追記してください。" if case_record.signed else services.NOT_YOURS
            )
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


@login_required
def record_search(request):
    form = RecordSearchForm(request.GET or None)
    results, words, searched = [], [], False
    if form.is_valid() and (any(form.cleaned_data.values()) or request.GET.get("cw") or request.GET.get("household")):
        searched = True
        data = form.cleaned_data
        household = None
        if request.GET.get("household"):
            household = open_household(request.user, request.GET["household"], source=client_address(request))
        records, words = queries.search_records(
            request.user,
            data["q"] or "",
            household=household,
            kind=data["kind"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            caseworker_id=request.GET.get("cw") if (request.GET.get("cw") or "").isdigit() else None,
        )
        results = list(records[: queries.SEARCH_LIMIT])
        record(
            request.user,
            Action.SEARCH,
            source=client_address(request),
            detail={"view": "record_search", "query": data["q"], "shown": [str(r.public_id) for r in results]},
        )
    return render(
        request,
        "casework/search.html",
        {"form": form, "results": results, "words": words, "searched": searched, "limit": queries.SEARCH_LIMIT},
    )


@login_required
def photo(request, public_id):
    item = services.open_photo(request.user, public_id, source=client_address(request))
    response = FileResponse(item.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def declaration_photo(request, public_id):
    """Attach a photo of a document the recipient showed (a pay slip, a notice) to a declaration,
    so nobody types it again."""
    from hogo.followups.services import open_declaration

    declaration = open_declaration(request.user, public_id, source=client_address(request))
    try:
        services.attach_photo(
            request.user,
            declaration.household,
            upload=request.FILES.get("image"),
            purpose="document",
            caption=request.POST.get("caption", ""),
            declaration=declaration,
            source=client_address(request),
        )
        messages.success(request, "書類の写真を添付しました。")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("declaration_detail", public_id=declaration.public_id)
