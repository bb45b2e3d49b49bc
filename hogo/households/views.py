"""Thin views: they parse input, call a query or a service, and render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from hogo.audit.models import Action, AuditEntry
from hogo.audit.services import record, shown
from hogo.common import registry, versions
from hogo.common.people import names_by_id
from hogo.common.refusals import put_errors_on_fields, read_query, save_through
from hogo.offices.acting import acting_office
from hogo.offices.models import Role
from hogo.offices.queries import caseworkers_of_teams, standing_of

from . import lifecycle, queries, services
from .forms import (
    SORTS_SHOWN,
    AlwaysKnowForm,
    AssignForm,
    CheckFactsForm,
    HouseholdForm,
    HouseholdListForm,
    MemberForm,
    StatusForm,
)
from .models import Household, Income
from .scoping import active_assignments, may_edit, may_see_access_log

PAGE_SIZE = 100


def _list_context(request, listing: dict, *, caseload_only: bool, caseworker_id=None):
    """`listing`: the list's parameters as HouseholdListForm read them."""
    query = listing.get("q", "")
    sort = listing.get("sort") or "kana"
    results = queries.search(request.user, query, sort, caseload_only=caseload_only, caseworker_id=caseworker_id)
    page = Paginator(results, PAGE_SIZE).get_page(listing.get("page"))
    record(
        request.user,
        Action.SEARCH if query else Action.LIST,
        detail={
            "query": query,
            "count": page.paginator.count,
            "page": page.number,
            "caseload_only": caseload_only,
            **shown(h.public_id for h in page),
        },
    )
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "rows": page,
        "page": page,
        "page_params": params.urlencode(),
        "query": query,
        "sort": sort,
        "sorts": SORTS_SHOWN,
    }


def _render_list(request, template, context):
    if request.headers.get("HX-Request"):
        return render(request, "households/_results.html", context)
    return render(request, template, context)


@login_required
def home(request):
    start_page = registry.start_page_for(request)
    if start_page:
        return redirect(start_page)
    standing = standing_of(request.user)
    is_cw = standing.has_role(Role.CASEWORKER)
    listing = read_query(request, HouseholdListForm(request.GET))
    scope = listing.get("scope") or ("mine" if is_cw else "all")
    context = _list_context(request, listing, caseload_only=(scope == "mine" and is_cw))
    context.update(
        standing=standing,
        scope=scope,
        is_cw=is_cw,
        roles=sorted(Role(r).label for r in standing.roles),
        may_register=bool(standing.offices_with(Role.CASEWORKER, Role.SUPERVISOR)),
        is_supervisor=standing.has_role(Role.SUPERVISOR),
    )
    return _render_list(request, "households/home.html", context)


@login_required
def household_search(request):
    listing = read_query(request, HouseholdListForm(request.GET))
    context = _list_context(request, listing, caseload_only=False, caseworker_id=listing.get("cw"))
    context["scope"] = "all"
    return _render_list(request, "households/search.html", context)


@login_required
def household_detail(request, public_id):
    household = services.open_household(request.user, public_id)
    today = timezone.localdate()
    members = household.members.order_by("left_on", "pk").prefetch_related(
        Prefetch("incomes", queryset=Income.objects.current())
    )
    assignment = active_assignments(today).filter(household=household).select_related("caseworker").first()
    return render(
        request,
        "households/detail.html",
        {
            "household": household,
            "members": members,
            "caseworker": assignment.caseworker if assignment else None,
            "assignments": household.assignments.select_related("caseworker"),
            "status_changes": household.status_changes.select_related("recorded_by__staff"),
            "may_edit": may_edit(request.user, household),
            "may_assign": may_edit(request.user, household)
            and standing_of(request.user).has_role(Role.SUPERVISOR, household.office_id),
            "may_see_access_log": may_see_access_log(request.user, household),
            "status_by_hand": bool(lifecycle.allowed_by_hand(household.status)),
            "today": today,
        },
    )


def _editable(request, public_id) -> Household:
    return services.open_household_for_edit(request.user, public_id)


@login_required
@require_http_methods(["GET", "POST"])
def household_new(request):
    office = acting_office(request, *services.REGISTERING_ROLES, denied=services.MAY_NOT_REGISTER)
    caseworkers = services.caseworker_choices(request.user, office)
    form = HouseholdForm(request.POST or None, caseworkers=caseworkers, office=office)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            household = services.register_household(
                request.user,
                household=services.HouseholdInput(
                    rent=d["rent"] or 0,
                    **{
                        k: d[k]
                        for k in (
                            "case_number",
                            "address",
                            "grade_area",
                            "winter_region",
                            "household_type",
                            "postal_code",
                            "prefecture",
                            "municipality",
                            "assistance_policy",
                            "cautions",
                        )
                    },
                ),
                head=services.MemberInput(
                    relation="head",
                    **{
                        k: d[k]
                        for k in (
                            "name",
                            "name_kana",
                            "birth_date",
                            "sex",
                            "disability_kind",
                            "disability_grade",
                            "care_level",
                            "school_stage",
                        )
                    },
                ),
                caseworker=d["caseworker"],
                office=office,
            )
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            messages.success(request, f"世帯（ケース番号 {household.case_number}）を登録しました。")
            return redirect("household_detail", public_id=household.public_id)
    return render(
        request, "households/form.html", {"form": form, "title": "世帯の新規登録（相談受付）", "submit": "登録する"}
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_new(request, public_id):
    household = _editable(request, public_id)
    form = MemberForm(request.POST or None)
    if save_through(
        request,
        form,
        lambda **data: services.add_member(request.user, household, services.MemberInput(**data)),
        "世帯員を追加しました。",
    ):
        return redirect("household_detail", public_id=household.public_id)
    return render(
        request,
        "households/form.html",
        {"form": form, "household": household, "title": "世帯員の追加", "submit": "追加する"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def status_change(request, public_id):
    household = _editable(request, public_id)
    form = StatusForm(
        request.POST or None,
        allowed=lifecycle.allowed_by_hand(household.status),
        initial={"effective_date": timezone.localdate()},
    )
    if save_through(
        request,
        form,
        lambda new_status, effective_date, reason: services.change_status(
            request.user, household, new_status, effective_date, reason
        ),
        "状態を変更しました。",
    ):
        return redirect("household_detail", public_id=household.public_id)
    return render(
        request,
        "households/form.html",
        {
            "form": form,
            "household": household,
            "title": f"状態の変更（現在: {household.get_status_display()}）",
            "submit": "変更する",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def always_know_edit(request, public_id):
    household = _editable(request, public_id)
    values = versions.values_of(versions.watch(household, services.ALWAYS_KNOW_FIELDS))
    form = AlwaysKnowForm(request.POST or None, initial={**values, "version": versions.loaded_token(values)})
    if save_through(
        request,
        form,
        lambda **data: services.update_always_know(request.user, household, **data),
        "援助方針・留意事項を更新しました。",
    ):
        return redirect("household_detail", public_id=household.public_id)
    return render(
        request,
        "households/form.html",
        {"form": form, "household": household, "title": "援助方針・留意事項の編集", "submit": "保存する"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def check_facts_edit(request, public_id):
    household = _editable(request, public_id)
    members = list(household.members.filter(left_on__isnull=True).order_by("pk"))
    form = CheckFactsForm(
        request.POST or None,
        members=members,
        initial={
            "residence": household.residence,
            "visit_grade": household.visit_grade,
            "latitude": household.latitude,
            "longitude": household.longitude,
            "version": versions.token_of(services.check_facts_watched(household, members)),
        },
    )
    if save_through(
        request,
        form,
        lambda **data: services.update_check_facts(
            request.user,
            household,
            residence=data["residence"],
            visit_grade=data["visit_grade"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            members=form.member_values(),
            version=data["version"],
        ),
        "確認のための情報を更新しました。確認事項を作り直しました。",
    ):
        return redirect("household_detail", public_id=household.public_id)
    return render(request, "households/check_facts.html", {"form": form, "household": household})


@login_required
@require_http_methods(["GET", "POST"])
def caseworker_assign(request, public_id):
    household = _editable(request, public_id)
    standing = standing_of(request.user)
    if not standing.has_role(Role.SUPERVISOR, household.office_id):
        raise PermissionDenied("担当CWを変更できるのは係の査察指導員です。")
    form = AssignForm(
        request.POST or None,
        caseworkers=caseworkers_of_teams(standing.team_ids, timezone.localdate()),
        initial={"valid_from": timezone.localdate()},
    )
    if save_through(
        request,
        form,
        lambda caseworker, valid_from: services.assign_caseworker(request.user, household, caseworker, valid_from),
        "担当CWを変更しました。",
    ):
        return redirect("household_detail", public_id=household.public_id)
    return render(
        request,
        "households/form.html",
        {"form": form, "household": household, "title": "担当CWの変更", "submit": "変更する"},
    )


@login_required
def access_log(request, public_id):
    household = services.open_household(request.user, public_id)
    if not may_see_access_log(request.user, household):
        raise PermissionDenied("閲覧履歴を見られるのは査察指導員と課長です。")
    entries = list(
        AuditEntry.objects.filter(target_type=Household.audit_type, target_id=str(household.public_id)).order_by(
            "-seq"
        )[:200]
    )
    names = names_by_id(e.actor_id for e in entries)
    for entry in entries:
        entry.actor_name = names.get(entry.actor_id) or entry.actor_username or "（不明）"
    return render(request, "households/access_log.html", {"household": household, "entries": entries})
