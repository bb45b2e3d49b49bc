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
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common import versions
from hogo.common.refusals import message_of, put_errors_on_fields, read_query, report, report_form, save_through
from hogo.common.wareki import wareki
from hogo.households.scoping import may_edit
from hogo.households.services import open_household, open_household_for_edit, require_edit

from . import pdf, services
from .forms import (
    AddMemberForm,
    AssessmentForm,
    AssignmentRowForm,
    CandidateDateForm,
    ChosenAssessmentForm,
    ConferenceForm,
    ConsentForm,
    DateAnswersForm,
    EvaluationForm,
    IssueForm,
    MaterialsForm,
    MeetingForm,
    PlanForm,
    RemoveMemberForm,
)
from .models import Agency, AgencyMember, Consent, Pledge

ASSIGNMENT_ROWS = 6


def _editable(request, public_id):
    return open_household_for_edit(request.user, public_id, message=services.NOT_YOURS)


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
        lambda code, custom, note: services.note_issue(request.user, household, code=code or custom, note=note),
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
        lambda **data: services.record_consent(request.user, household, **data),
        "同意を記録しました。",
    ):
        return redirect("household_detail", public_id=household.public_id)
    return _form_page(request, form, household, "情報共有の同意", "記録する")


@login_required
@require_POST
def consent_withdraw(request, pk):
    consent = get_object_or_404(Consent.objects.select_related("household"), pk=pk)
    household = open_household(request.user, consent.household.public_id)
    report(
        request,
        lambda: services.withdraw_consent(request.user, consent),
        "同意の撤回を記録しました。これから共有する資料には同意がないことを明示します。",
    )
    return redirect("household_detail", public_id=household.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def assessment(request, public_id):
    household = _editable(request, public_id)
    form = AssessmentForm(request.POST or None)
    done = save_through(
        request,
        form,
        lambda **data: services.assess_need(request.user, household, **data),
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
    candidates = services.invitation_candidates(household)
    if request.method == "POST":
        form = ConferenceForm(request.POST, household=household, candidates=candidates)
    else:
        chosen = read_query(request, ChosenAssessmentForm(request.GET, household=household)).get("assessment")
        form = ConferenceForm(household=household, candidates=candidates, initial={"assessment": chosen})
    conference = save_through(
        request,
        form,
        lambda **data: services.open_conference(request.user, household, **data),
        "会議を作りました。候補日と構成員を登録してください。",
    )
    if conference:
        return redirect("conference_detail", public_id=conference.public_id)
    return render(
        request, "collaboration/conference_new.html", {"household": household, "form": form, "rows": form.rows()}
    )


def _meeting_form(conference, invitations, data=None):
    return MeetingForm(
        data,
        invitations=invitations,
        initial={
            "version": versions.token_of(versions.watch(conference, services.MEETING_FIELDS)),
            "held_on": conference.held_on or timezone.localdate(),
            "minutes": conference.minutes,
            "conclusions": conference.conclusions,
            "attended": [str(i.agency_id) for i in invitations if i.attended],
        },
    )


def _conference_page(request, conference, meeting_form=None):
    """The conference's page; the minutes form, when posted and refused, comes back with its errors."""
    household = conference.household
    invitations = list(conference.invitations.select_related("agency"))
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
            "editable": may_edit(request.user, household),
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
            "meeting_form": meeting_form or _meeting_form(conference, invitations),
            "plans": conference.plans.order_by("-version"),
        },
    )


@login_required
@require_GET
def conference_detail(request, public_id):
    return _conference_page(request, services.open_conference_for_staff(request.user, public_id))


def _conference_for_edit(request, public_id):
    """The conference (404 when its household is not visible, audited); 403 for those who may only read it."""
    conference = services.open_conference_for_staff(request.user, public_id)
    require_edit(request.user, conference.household, services.NOT_YOURS)
    return conference


def _back_to(conference):
    return redirect("conference_detail", public_id=conference.public_id)


@login_required
@require_POST
def conference_date(request, public_id):
    conference = _conference_for_edit(request, public_id)
    report_form(
        request,
        CandidateDateForm(request.POST),
        lambda starts_at: services.add_candidate_date(request.user, conference, starts_at),
        "候補日を追加しました。",
    )
    return _back_to(conference)


@login_required
@require_POST
def conference_member_add(request, public_id):
    conference = _conference_for_edit(request, public_id)
    report_form(
        request,
        AddMemberForm(request.POST, office=conference.household.office),
        lambda member: services.add_member(request.user, conference, member),
        lambda membership: f"{membership.member.name}さんを構成員にしました。誓約の署名後に資料を見られます。",
    )
    return _back_to(conference)


@login_required
@require_POST
def conference_member_remove(request, public_id):
    conference = _conference_for_edit(request, public_id)
    report_form(
        request,
        RemoveMemberForm(request.POST, conference=conference),
        lambda membership: services.remove_member(request.user, membership),
        "構成員から外しました。今日から資料を見られません。",
    )
    return _back_to(conference)


@login_required
@require_POST
def conference_materials(request, public_id):
    conference = _conference_for_edit(request, public_id)
    report_form(
        request,
        MaterialsForm(request.POST, facts=services.shareable_facts(conference.household)),
        lambda facts: services.share_materials(request.user, conference, facts=facts),
        "資料を作成しました。",
    )
    return _back_to(conference)


@login_required
@require_POST
def conference_meeting(request, public_id):
    conference = _conference_for_edit(request, public_id)
    form = _meeting_form(conference, list(conference.invitations.select_related("agency")), request.POST)
    if save_through(
        request,
        form,
        lambda **data: services.record_meeting(request.user, conference, **data),
        "会議録を記録しました。",
    ):
        return _back_to(conference)
    return _conference_page(request, conference, meeting_form=form)


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
    conference = services.open_conference_for_staff(request.user, public_id)
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
        "based_on": previous.version if previous else 0,
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
    plan = services.open_plan(request.user, public_id)
    household = plan.household
    editable = may_edit(request.user, household)
    form = EvaluationForm(request.POST or None, initial={"evaluated_on": timezone.localdate()}) if editable else None
    if form is not None and save_through(
        request,
        form,
        lambda **data: services.evaluate_plan(request.user, plan, **data),
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
    plan = services.open_plan(request.user, public_id)
    response = HttpResponse(pdf.render_plan(plan), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="support-plan-v{plan.version}.pdf"'
    return response


@login_required
def minutes_pdf(request, public_id):
    conference = services.open_conference_for_staff(request.user, public_id)
    response = HttpResponse(pdf.render_minutes(conference), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="conference-minutes.pdf"'
    return response


@login_required
@require_POST
def example_export(request, public_id):
    conference = services.open_conference_for_staff(request.user, public_id)
    try:
        example = services.anonymised_example(request.user, conference)
    except ValidationError as exc:  # a download: the refusal is said on the page it was asked from
        messages.error(request, message_of(exc))
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
    # A partner agency's member sees what each conference is about: the conferences shown are recorded.
    record(request.user, Action.LIST, detail={"view": "agency_home", **shown(c.public_id for c in conferences)})
    return render(
        request, "collaboration/agency_home.html", {"member": member, "conferences": conferences, "pledged": pledged}
    )


@login_required
@require_GET
def agency_conference(request, public_id):
    member = services.agency_member_of(request.user)
    signed = member is not None and Pledge.objects.filter(conference__public_id=public_id, member=member).exists()
    conference, member = services.open_for_member(request.user, public_id, need_pledge=signed)
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


@login_required
@require_POST
def agency_pledge(request, public_id):
    """The member signs the confidentiality pledge (the service opens the conference for them: 404 otherwise)."""
    report(request, lambda: services.sign_pledge(request.user, public_id), "誓約に署名しました。資料を見られます。")
    return redirect("agency_conference", public_id=public_id)


@login_required
@require_POST
def agency_dates(request, public_id):
    conference, _member = services.open_for_member(request.user, public_id, need_pledge=False)
    report_form(
        request,
        DateAnswersForm(request.POST, candidates=conference.candidate_dates.all()),
        lambda answers: services.answer_dates(request.user, answers),
        "日程の回答を送りました。",
    )
    return redirect("agency_conference", public_id=public_id)
