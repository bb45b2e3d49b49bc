"""Thin views over the collaboration services: the caseworker's side (issues, consent, need
assessment, conferences, support plans) and the partner-agency members' side."""

import json
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_http_methods, require_POST

from hogo.audit.services import client_address
from hogo.common.wareki import wareki
from hogo.households.forms import put_errors_on_fields, save_through
from hogo.households.scoping import may_edit
from hogo.households.services import open_household, open_household_for_edit

from . import pdf, services
from .forms import AssessmentForm, AssignmentRowForm, ConsentForm, EvaluationForm, IssueForm, MeetingForm, PlanForm
from .models import Agency, AgencyMember, ConferenceMember, Consent, NeedAssessment, Pledge

ASSIGNMENT_ROWS = 6


def _editable(request, public_id):
    return open_household_for_edit(request.user, public_id, source=client_address(request), message=services.NOT_YOURS)


def _form_page(request, form, household, title, submit):
    return render(
        request, "households/form.html", {"form": form, "household": household, "title": title, "submit": submit}
    )


@login_required
@require_http_methods(["GET", "POST"])
def issue_new(request, public_id):
    household = _editable(request, public_id)
    form = IssueForm(request.POST or None)
    if save_through(
        request,
        form,
        lambda code, custom, note: services.note_issue(
            request.user, household, code=code or custom, note=note, source=client_address(request)
        ),
        "課題を記録しました。",
    ):
        return redirect("household_detail", public_id=household.public_id)
    return _form_page(request, form, household, "世帯の課題", "記録する")


@login_required
@require_http_methods(["GET", "POST"])
def consent_new(request, public_id):
    household = _editable(request, public_id)
    form = ConsentForm(
        request.POST or None,
        members=household.members.filter(left_on__isnull=True),
        agencies=Agency.objects.filter(office=household.office, active=True),
        initial={"given_on": timezone.localdate()},
    )
    if save_through(
        request,
        form,
        lambda **data: services.record_consent(request.user, household, source=client_address(request), **data),
        "同意を記録しました。",
    ):
        return redirect("household_detail", public_id=household.public_id)
    return _form_page(request, form, household, "情報共有の同意", "記録する")


@login_required
@require_POST
def consent_withdraw(request, pk):
    consent = get_object_or_404(Consent.objects.select_related("household"), pk=pk)
    household = open_household(request.user, consent.household.public_id, source=client_address(request))
    try:
        services.withdraw_consent(request.user, consent, source=client_address(request))
        messages.success(request, "同意の撤回を記録しました。これから共有する資料には同意がないことを明示します。")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("household_detail", public_id=household.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def assessment(request, public_id):
    household = _editable(request, public_id)
    form = AssessmentForm(request.POST or None)
    done = save_through(
        request,
        form,
        lambda **data: services.assess_need(request.user, household, source=client_address(request), **data),
        "検討を記録しました。",
    )
    if done:
        if done.hold:
            return redirect(f"/households/{household.public_id}/conferences/new/?assessment={done.pk}")
        return redirect("household_detail", public_id=household.public_id)
    return render(
        request,
        "collaboration/assessment.html",
        {
            "household": household,
            "form": form,
            "suggestions": services.suggestions_for(household),
            "issues": household.issues.filter(resolved_on__isnull=True),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def conference_new(request, public_id):
    household = _editable(request, public_id)
    assessment_id = request.GET.get("assessment") or request.POST.get("assessment")
    chosen_assessment = (
        NeedAssessment.objects.filter(pk=assessment_id, household=household).first() if assessment_id else None
    )
    suggestions = services.suggestions_for(household)
    suggested = {
        s.agency.id: "「" + "」「".join(r.split(":")[0] for r in s.reasons) + "」について助言・協力を依頼する"
        for s in suggestions
    }
    agencies = list(Agency.objects.filter(office=household.office, active=True))
    agencies.sort(
        key=lambda a: (
            a.pk not in suggested,
            [s.agency.id for s in suggestions].index(a.pk) if a.pk in suggested else 0,
            a.name,
        )
    )
    errors = {}
    if request.method == "POST":
        invitations = [
            (a, request.POST.get(f"reason_{a.pk}", "")) for a in agencies if request.POST.get(f"invite_{a.pk}")
        ]
        try:
            conference = services.open_conference(
                request.user,
                household,
                purpose=request.POST.get("purpose", ""),
                invitations=invitations,
                assessment=chosen_assessment,
                source=client_address(request),
            )
        except ValidationError as exc:
            errors = exc.message_dict
        else:
            messages.success(request, "会議を作りました。候補日と構成員を登録してください。")
            return redirect("conference_detail", public_id=conference.public_id)
    rows = [
        {
            "agency": a,
            "suggested": a.pk in suggested,
            "checked": bool(request.POST.get(f"invite_{a.pk}")),
            "reason": request.POST.get(f"reason_{a.pk}", suggested.get(a.pk, "")),
        }
        for a in agencies
    ]
    return render(
        request,
        "collaboration/conference_new.html",
        {
            "household": household,
            "rows": rows,
            "errors": errors,
            "purpose": request.POST.get("purpose", ""),
            "assessment": chosen_assessment,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def conference_detail(request, public_id):
    conference = services.open_conference_for_staff(request.user, public_id, source=client_address(request))
    household = conference.household
    editable = may_edit(request.user, household)
    invitations = list(conference.invitations.select_related("agency"))
    meeting_form = MeetingForm(
        request.POST if request.POST.get("action") == "meeting" else None,
        invitations=invitations,
        initial={
            "held_on": conference.held_on or timezone.localdate(),
            "minutes": conference.minutes,
            "conclusions": conference.conclusions,
            "attended": [str(i.agency_id) for i in invitations if i.attended],
        },
    )
    action = request.POST.get("action")
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(services.NOT_YOURS)
        try:
            if action == "date":
                starts_at = parse_datetime(request.POST.get("starts_at", "") or "")
                if starts_at is not None and timezone.is_naive(starts_at):
                    starts_at = timezone.make_aware(starts_at)
                services.add_candidate_date(request.user, conference, starts_at, source=client_address(request))
                messages.success(request, "候補日を追加しました。")
            elif action == "member":
                member = get_object_or_404(AgencyMember, pk=request.POST.get("member"))
                services.add_member(request.user, conference, member, source=client_address(request))
                messages.success(request, f"{member.name}さんを構成員にしました。誓約の署名後に資料を見られます。")
            elif action == "remove":
                membership = get_object_or_404(
                    ConferenceMember, pk=request.POST.get("membership"), conference=conference
                )
                services.remove_member(request.user, membership, source=client_address(request))
                messages.success(request, "構成員から外しました。今日から資料を見られません。")
            elif action == "materials":
                services.share_materials(
                    request.user, conference, facts=request.POST.getlist("facts"), source=client_address(request)
                )
                messages.success(request, "資料を作成しました。")
            elif action == "meeting":
                if meeting_form.is_valid():
                    data = meeting_form.cleaned_data
                    services.record_meeting(
                        request.user,
                        conference,
                        held_on=data["held_on"],
                        attended=[int(a) for a in data["attended"]],
                        minutes=data["minutes"],
                        conclusions=data["conclusions"],
                        source=client_address(request),
                    )
                    messages.success(request, "会議録を記録しました。")
                else:
                    raise ValidationError("会議録の入力内容を確認してください。")
            return redirect("conference_detail", public_id=conference.public_id)
        except ValidationError as exc:
            if action == "meeting":
                put_errors_on_fields(meeting_form, exc)
            messages.error(request, " ".join(exc.messages))
    memberships = list(conference.memberships.select_related("member__agency"))
    pledged = set(Pledge.objects.filter(conference=conference).values_list("member_id", flat=True))
    candidates = list(conference.candidate_dates.prefetch_related("answers__member"))
    invited_agencies = [i.agency_id for i in invitations]
    return render(
        request,
        "collaboration/conference.html",
        {
            "conference": conference,
            "household": household,
            "editable": editable,
            "invitations": invitations,
            "memberships": memberships,
            "pledged": pledged,
            "candidates": candidates,
            "addable": AgencyMember.objects.filter(agency_id__in=invited_agencies)
            .exclude(pk__in=[m.member_id for m in memberships if m.left_on is None])
            .select_related("agency"),
            "facts": services.shareable_facts(household),
            "materials": conference.materials.order_by("-created_at"),
            "consents": services.consent_status(household),
            "meeting_form": meeting_form,
            "plans": conference.plans.order_by("-version"),
        },
    )


def _assignment_forms(request, household, initial=None):
    agencies = Agency.objects.filter(office=household.office, active=True)
    initial = initial or []
    count = max(ASSIGNMENT_ROWS, len(initial) + 2)
    if request.method == "POST":
        count = max(count, sum(1 for key in request.POST if key.endswith("-person")))
    return [
        AssignmentRowForm(
            request.POST or None, prefix=f"a{i}", agencies=agencies, initial=initial[i] if i < len(initial) else None
        )
        for i in range(count)
    ]


@login_required
@require_http_methods(["GET", "POST"])
def plan_new(request, public_id):
    conference = services.open_conference_for_staff(request.user, public_id, source=client_address(request))
    household = conference.household
    if not may_edit(request.user, household):
        raise PermissionDenied(services.NOT_YOURS)
    today = timezone.localdate()
    previous = household.support_plans.first()
    initial = {
        "basic_info": previous.basic_info if previous else services.basic_info_of(household),
        "purpose": previous.purpose if previous else conference.purpose,
        "issues": previous.issues
        if previous
        else "、".join(i.label for i in household.issues.filter(resolved_on__isnull=True)),
        "period_from": today,
        "period_to": today.replace(year=today.year + 1) if not (today.month == 2 and today.day == 29) else today,
        "next_monitoring_on": today + timedelta(days=90),
        "meeting_dates": wareki(conference.held_on or today),
        "contingencies": previous.contingencies if previous else "",
    }
    rows_initial = (
        [
            {
                "agency": a.agency,
                "person": a.person,
                "task": a.task,
                "for_whom": a.for_whom,
                "frequency": a.frequency,
                "valid_from": a.valid_from,
                "valid_to": a.valid_to,
            }
            for a in previous.assignments.all()
        ]
        if previous
        else [
            {"agency": i.agency, "task": i.reason, "valid_from": today, "valid_to": initial["period_to"]}
            for i in conference.invitations.select_related("agency")
        ]
    )
    form = PlanForm(request.POST or None, initial=initial)
    rows = _assignment_forms(request, household, rows_initial)
    if request.method == "POST" and form.is_valid() and all(r.is_valid() for r in rows):
        assignments = [r.cleaned_data for r in rows if not r.is_blank()]
        try:
            plan = services.create_plan(
                request.user,
                household,
                conference=conference,
                assignments=assignments,
                source=client_address(request),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            messages.success(
                request, f"支援計画（第{plan.version}版）を作りました。モニタリング日を確認事項に入れました。"
            )
            return redirect("plan_detail", public_id=plan.public_id)
    return render(
        request,
        "collaboration/plan_new.html",
        {"form": form, "rows": rows, "household": household, "conference": conference, "previous": previous},
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_detail(request, public_id):
    plan = services.open_plan(request.user, public_id, source=client_address(request))
    household = plan.household
    editable = may_edit(request.user, household)
    form = EvaluationForm(request.POST or None, initial={"evaluated_on": timezone.localdate()}) if editable else None
    if form is not None and save_through(
        request,
        form,
        lambda **data: services.evaluate_plan(request.user, plan, source=client_address(request), **data),
        "評価を記録しました。",
    ):
        return redirect("plan_detail", public_id=plan.public_id)
    return render(
        request,
        "collaboration/plan.html",
        {
            "plan": plan,
            "household": household,
            "form": form,
            "editable": editable,
            "assignments": plan.assignments.select_related("agency"),
            "evaluations": plan.evaluations.order_by("-evaluated_on"),
            "versions": household.support_plans.order_by("-version"),
            "history": services.assignment_history(household),
        },
    )


@login_required
def plan_pdf(request, public_id):
    plan = services.open_plan(request.user, public_id, source=client_address(request))
    response = HttpResponse(pdf.render_plan(plan), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="support-plan-v{plan.version}.pdf"'
    return response


@login_required
def minutes_pdf(request, public_id):
    conference = services.open_conference_for_staff(request.user, public_id, source=client_address(request))
    response = HttpResponse(pdf.render_minutes(conference), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="conference-minutes.pdf"'
    return response


@login_required
@require_POST
def example_export(request, public_id):
    conference = services.open_conference_for_staff(request.user, public_id, source=client_address(request))
    try:
        example = services.anonymised_example(request.user, conference, source=client_address(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("conference_detail", public_id=conference.public_id)
    response = HttpResponse(
        json.dumps(example, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="case-example.json"'
    return response


# --- partner-agency members -----------------------------------------------------------------


@login_required
def agency_home(request):
    member = services.agency_member_of(request.user)
    if member is None:
        raise PermissionDenied("関係機関の担当者として登録されていません。")
    conferences = list(services.conferences_of(member).select_related("household"))
    pledged = set(Pledge.objects.filter(member=member).values_list("conference_id", flat=True))
    return render(
        request, "collaboration/agency_home.html", {"member": member, "conferences": conferences, "pledged": pledged}
    )


@login_required
@require_http_methods(["GET", "POST"])
def agency_conference(request, public_id):
    member = services.agency_member_of(request.user)
    signed = member is not None and Pledge.objects.filter(conference__public_id=public_id, member=member).exists()
    conference, member = services.open_for_member(
        request.user, public_id, need_pledge=signed, source=client_address(request)
    )
    if request.method == "POST":
        try:
            if request.POST.get("action") == "pledge":
                services.sign_pledge(request.user, public_id, source=client_address(request))
                messages.success(request, "誓約に署名しました。資料を見られます。")
            elif request.POST.get("action") == "dates":
                for candidate in conference.candidate_dates.all():
                    value = request.POST.get(f"date_{candidate.pk}")
                    if value in ("yes", "no"):
                        services.answer_date(request.user, candidate, value == "yes", source=client_address(request))
                messages.success(request, "日程の回答を送りました。")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("agency_conference", public_id=public_id)
    answers = {
        a.candidate_id: a.available for c in conference.candidate_dates.all() for a in c.answers.filter(member=member)
    }
    return render(
        request,
        "collaboration/agency_conference.html",
        {
            "conference": conference,
            "member": member,
            "signed": signed,
            "pledge_text": services.PLEDGE_TEXT,
            "materials": conference.materials.order_by("-created_at") if signed else [],
            "candidates": conference.candidate_dates.all(),
            "answers": answers,
            "invitation": conference.invitations.filter(agency=member.agency).first(),
        },
    )
