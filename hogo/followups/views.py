"""Thin views over the follow-up queries and services."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common.refusals import read_query, save_through
from hogo.common.wareki import wareki
from hogo.decisions import changes
from hogo.households.income_forms import IncomeForm
from hogo.households.income_services import IncomeEntry
from hogo.households.income_views import form_page
from hogo.households.models import IncomeKind, SourceDocument, Status
from hogo.households.scoping import active_assignments, households_visible_to, may_edit
from hogo.households.services import open_household_for_edit, require_edit
from hogo.offices.acting import acting_office
from hogo.offices.models import Role
from hogo.offices.queries import caseworkers_of_teams, standing_of, teams_in_office

from . import alerts, queries, services
from .forms import (
    TEAM_PAGE_SIZE,
    CompleteForm,
    DeclarationForm,
    DeclarationKindForm,
    RecognitionForm,
    SnoozeForm,
    TeamOverdueForm,
)
from .models import Notice, Source


def _item_page(request, item, snooze_form=None, complete_form=None):
    today = timezone.localdate()
    editable = may_edit(request.user, item.household)
    closable_here = (
        editable
        and item.source in (Source.RULE, Source.SUPPORT_PLAN, Source.CHECKIN)
        and not (item.rule and item.rule.closed_by)
    )
    return render(
        request,
        "followups/item.html",
        {
            "item": item,
            "row": queries.rows_of([item], today, viewer=request.user)[0],
            "editable": editable,
            "closable_here": closable_here,
            "snooze_form": snooze_form or SnoozeForm(initial={"until": today + queries.WEEK}),
            "complete_form": complete_form or CompleteForm(initial={"done_on": today}),
        },
    )


@login_required
def followup_detail(request, public_id):
    item = services.open_followup(request.user, public_id)
    record(request.user, Action.VIEW, target=item)
    return _item_page(request, item)


@login_required
@require_POST
def followup_snooze(request, public_id):
    item = services.open_followup(request.user, public_id)
    form = SnoozeForm(request.POST)
    if save_through(
        request,
        form,
        lambda **data: services.snooze(request.user, item, **data),
        "保留にしました。",
    ):
        return redirect("household_detail", public_id=item.household.public_id)
    return _item_page(request, item, snooze_form=form)


@login_required
@require_POST
def followup_done(request, public_id):
    item = services.open_followup(request.user, public_id)
    form = CompleteForm(request.POST)
    if save_through(
        request,
        form,
        lambda **data: services.complete(request.user, item, **data),
        "完了しました。次の予定を作りました。",
    ):
        return redirect("household_detail", public_id=item.household.public_id)
    return _item_page(request, item, complete_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def declaration_new(request, public_id):
    household = open_household_for_edit(request.user, public_id, message=services.NOT_YOURS)
    kind = read_query(request, DeclarationKindForm(request.GET)).get("kind")
    initial = {"received_on": timezone.localdate(), "kind": kind or None}
    form = DeclarationForm(request.POST or None, initial=initial)
    declaration = save_through(
        request,
        form,
        lambda **data: services.register_declaration(request.user, household, **data),
        lambda d: (
            f"{d.get_kind_display()}を受け付けました。"
            f"認定の期限は{wareki(services.recognition_due(household, d.received_on)[0])}です。"
        ),
    )
    if declaration:
        return redirect("household_detail", public_id=household.public_id)
    return render(
        request,
        "households/form.html",
        {"form": form, "household": household, "title": "申告の受付", "submit": "受け付ける"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def declaration_detail(request, public_id):
    declaration = services.open_declaration(request.user, public_id)
    household = declaration.household
    recognition = getattr(declaration, "recognition", None)
    editable = may_edit(request.user, household) and recognition is None
    form = None
    if editable:
        form = RecognitionForm(
            request.POST or None,
            decisions=household.decisions.order_by("-effective_from", "-id"),
            initial={"recognised_on": timezone.localdate()},
        )
        if save_through(
            request,
            form,
            lambda **data: services.recognise_declaration(request.user, declaration, **data),
            "認定しました。",
        ):
            return redirect("household_detail", public_id=household.public_id)
    elif request.method == "POST":
        raise PermissionDenied(services.NOT_YOURS if recognition is None else "この申告は既に認定されています。")
    item = household.followups.filter(key=f"declaration:{declaration.pk}").first()
    today = timezone.localdate()
    declared = [link.income for link in declaration.incomes.select_related("income__member", "income__superseded_by")]
    return render(
        request,
        "followups/declaration.html",
        {
            "declaration": declaration,
            "household": household,
            "recognition": recognition,
            "form": form,
            "may_edit": may_edit(request.user, household),
            "row": queries.rows_of([item], today, viewer=request.user)[0] if item else None,
            "declared_incomes": declared,
            "change_panels": [
                changes.panel(request.user, household, month, request.path)
                for month in sorted({i.since for i in declared if not hasattr(i, "superseded_by")})
            ],
        },
    )


@login_required
def team(request):
    """The supervisor's dashboard: per caseworker, caseload against the standard, overdue work,
    declarations waiting, decisions within the deadline; then every overdue item of the team.
    Only the teams and households of the acting office: the standard is that office's."""
    office = acting_office(request, Role.SUPERVISOR, denied="係の状況を見られるのは査察指導員です。")
    today = timezone.localdate()
    caseworkers = list(caseworkers_of_teams(teams_in_office(standing_of(request.user).team_ids, office.pk), today))
    visible = households_visible_to(request.user, today).filter(office=office)
    caseload = {
        row["caseworker_id"]: row
        for row in active_assignments(today)
        .filter(household__in=visible, caseworker__in=caseworkers)
        .values("caseworker_id")
        .annotate(
            total=Count("id"),
            active=Count("id", filter=Q(household__status=Status.ACTIVE)),
            applying=Count("id", filter=Q(household__status=Status.APPLYING)),
        )
    }
    work = queries.team_counts(request.user, today, office)
    decided = queries.decided_within_deadline(request.user, today, office=office)
    zero_load = {"total": 0, "active": 0, "applying": 0}
    zero_work = {"overdue": 0, "this_week": 0, "declarations": 0, "declarations_overdue": 0}
    names = {cw.pk: cw.name for cw in caseworkers}
    alert_groups = alerts.team_groups(request.user, today, office, names)
    alert_counts = alerts.counts_by_caseworker(alert_groups, names)
    rows = [
        {
            "caseworker": cw,
            **caseload.get(cw.pk, zero_load),
            **work.get(cw.pk, zero_work),
            **decided.get(cw.pk, {"decided": 0, "in_time": 0}),
            "alert_counts": alert_counts[cw.pk],
        }
        for cw in caseworkers
    ]
    form = TeamOverdueForm(request.GET, caseworkers=caseworkers)
    wanted = read_query(request, form)
    items = queries.team_overdue_items(
        request.user, today, office, caseworker_id=wanted.get("cw"), source=wanted.get("kind") or ""
    )
    page = Paginator(items, TEAM_PAGE_SIZE).get_page(wanted.get("page"))
    overdue = queries.rows_of(page.object_list, today, names, viewer=request.user)
    record(
        request.user,
        Action.LIST,
        office_id=office.pk,
        detail={
            "view": "team",
            "overdue_shown": [str(r.item.public_id) for r in overdue],
            **{f"{g.source.key}_shown": [a.target_id for a in g.alerts] for g in alert_groups if g.alerts},
        },
    )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "followups/team.html",
        {
            "rows": rows,
            "standard": office.caseload_standard,
            "overdue": overdue,
            "page": page,
            "page_params": params.urlencode(),
            "form": form,
            "filtered": bool(wanted.get("cw") or wanted.get("kind")),
            "today": today,
            "office": office,
            "alert_groups": alert_groups,
        },
    )


@login_required
def notices(request):
    items = list(Notice.objects.filter(recipient=request.user)[:30])
    # The digests list follow-ups by case number: which digests were shown is recorded.
    record(request.user, Action.LIST, detail={"view": "notices", **shown(n.pk for n in items)})
    Notice.objects.filter(recipient=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return render(request, "followups/notices.html", {"notices": items})


@login_required
@require_http_methods(["GET", "POST"])
def declaration_income_new(request, public_id):
    """Enter the pay-slip figures of a received declaration; then the recognised income is shown."""
    declaration = services.open_declaration(request.user, public_id)
    household = declaration.household
    require_edit(request.user, household)
    initial = {"payment_interval": 1, "source_document": SourceDocument.PAY_SLIP, "kind": IncomeKind.EARNINGS}
    form = IncomeForm(request.POST or None, household=household, initial=initial)
    income = save_through(
        request,
        form,
        lambda **data: services.enter_declared_income(request.user, declaration, IncomeEntry.from_form(data)),
        "申告の収入を登録しました。認定額と保護費の変化を確認してください。",
    )
    if income:
        return redirect("income_detail", public_id=income.public_id)
    return form_page(request, form, household, "申告の収入を入力", "登録して認定額を見る", declaration=declaration)
