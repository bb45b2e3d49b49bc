"""Screens of medical assistance (issue 20): a household's requests, the 意見書 and its reply, the 嘱託医's
review (which shows only what the review needs), the period, the monthly bulk issue and a ticket."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common.refusals import put_errors_on_fields, report, report_form
from hogo.common.wareki import age_on, wareki, wareki_month
from hogo.households.scoping import may_edit
from hogo.households.services import open_household_for_edit, open_household_record
from hogo.offices.acting import acting_office
from hogo.offices.queries import standing_of

from . import documents, services, transport
from .forms import CorrectForm, MonthForm, PeriodForm, ReplyForm, RequestForm, ReviewForm
from .models import Institution, InstitutionKind, MedicalRequest, Opinion, Ticket, TicketRun


def _institutions(office, *kinds):
    today = timezone.localdate()
    return [i for i in Institution.objects.filter(office=office, kind__in=kinds) if i.designated_on(today)]


@login_required
@require_http_methods(["GET", "POST"])
def medical_request_new(request, public_id):
    household = open_household_for_edit(request.user, public_id, services.NOT_CASEWORKING)
    members = list(household.members.filter(left_on__isnull=True).order_by("id"))
    institutions = _institutions(household.office, InstitutionKind.MEDICAL)
    form = RequestForm(
        request.POST or None,
        members=members,
        institutions=institutions,
        initial={"received_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = services.record_request(
                request.user,
                household,
                member=next(m for m in members if m.pk == data["member"]),
                received_on=data["received_on"],
                complaint=data["complaint"],
                institution=next(i for i in institutions if i.pk == data["institution"]),
            )
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            messages.success(request, "傷病届を記録しました。医療要否意見書を発行してください。")
            return redirect("medical_request_detail", public_id=made.public_id)
    return render(request, "medical/request_new.html", {"household": household, "form": form})


def _open_request(request, public_id) -> MedicalRequest:
    return open_household_record(
        request.user, MedicalRequest, public_id, "傷病届が見つかりません。", related=("member", "institution")
    )


@login_required
def medical_request_detail(request, public_id):
    made = _open_request(request, public_id)
    return render(
        request,
        "medical/request.html",
        {
            "made": made,
            "household": made.household,
            "opinions": made.opinions.order_by("-issued_on", "-id"),
            "may_act": may_edit(request.user, made.household),
        },
    )


@login_required
@require_POST
def medical_opinion_issue(request, public_id):
    made = _open_request(request, public_id)
    opinion = report(
        request,
        lambda: services.issue_opinion(request.user, made),
        lambda o: f"意見書（{o.reference}）を発行しました。",
    )
    if opinion is None:
        return redirect("medical_request_detail", public_id=made.public_id)
    return redirect("medical_opinion_detail", public_id=opinion.public_id)


def _open_opinion(request, public_id) -> Opinion:
    return open_household_record(
        request.user,
        Opinion,
        public_id,
        "意見書が見つかりません。",
        via="request__household",
        related=("request__member", "request__institution"),
    )


@login_required
def medical_opinion_detail(request, public_id):
    opinion = _open_opinion(request, public_id)
    household = opinion.household
    may_act = may_edit(request.user, household)
    latest = opinion.latest_review()
    decidable = may_act and latest is not None and latest.verdict == "agree" and not opinion.periods.exists()
    return render(
        request,
        "medical/opinion.html",
        {
            "opinion": opinion,
            "household": household,
            "reviews": opinion.reviews.select_related("reviewer__staff"),
            "periods": opinion.periods.all(),
            "may_act": may_act,
            "reply_form": ReplyForm(initial={"replied_on": timezone.localdate()})
            if may_act and opinion.replied_on is None
            else None,
            "period_form": PeriodForm(
                pharmacies=_institutions(household.office, InstitutionKind.PHARMACY),
                initial={"starts_on": opinion.request.received_on},
            )
            if decidable
            else None,
        },
    )


@login_required
def medical_opinion_pdf(request, public_id):
    opinion = _open_opinion(request, public_id)
    if not may_edit(request.user, opinion.household):
        raise PermissionDenied(services.NOT_CASEWORKING)
    response = HttpResponse(documents.render_opinion(opinion), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="opinion-{opinion.reference}.pdf"'
    return response


@login_required
@require_POST
def medical_opinion_reply(request, public_id):
    opinion = _open_opinion(request, public_id)
    report_form(
        request,
        ReplyForm(request.POST),
        lambda **data: services.enter_reply(request.user, opinion, **data),
        "主治医の回答を記録しました。嘱託医の検討を待ちます。",
    )
    return redirect("medical_opinion_detail", public_id=opinion.public_id)


@login_required
@require_POST
def medical_period_decide(request, public_id):
    opinion = _open_opinion(request, public_id)
    pharmacies = _institutions(opinion.household.office, InstitutionKind.PHARMACY)
    report_form(
        request,
        PeriodForm(request.POST, pharmacies=pharmacies),
        lambda starts_on, pharmacy: services.decide_period(
            request.user, opinion, starts_on=starts_on, pharmacy=next((p for p in pharmacies if p.pk == pharmacy), None)
        ),
        lambda period: f"医療扶助を決定しました（{wareki(period.starts_on)}〜{wareki(period.ends_on)}）。",
    )
    return redirect("medical_opinion_detail", public_id=opinion.public_id)


# --- the 嘱託医 ---------------------------------------------------------------------------------------------


def _require_advisor(request):
    if not standing_of(request.user).offices_with(services.Role.MEDICAL_ADVISOR):
        raise PermissionDenied(services.NOT_ADVISOR)


def _for_review(opinion: Opinion) -> dict:
    """What the 嘱託医 needs to review a reply, and nothing more: no name, address, case number or money."""
    member = opinion.request.member
    return {
        "opinion": opinion,
        "age": age_on(member.birth_date, opinion.replied_on or opinion.issued_on),
        "sex": member.get_sex_display(),
        "institution": opinion.request.institution.name,
        "complaint": opinion.request.complaint,
    }


@login_required
def medical_review_queue(request):
    _require_advisor(request)
    waiting = list(services.review_queue(request.user).order_by("replied_on", "id")[:200])
    record(
        request.user,
        Action.LIST,
        target_type=Opinion.audit_type,
        detail={"view": "medical_review_queue", **shown(o.public_id for o in waiting)},
    )
    return render(request, "medical/review_queue.html", {"rows": [_for_review(o) for o in waiting]})


@login_required
@require_http_methods(["GET", "POST"])
def medical_review(request, public_id):
    _require_advisor(request)
    offices = standing_of(request.user).offices_with(services.Role.MEDICAL_ADVISOR)
    opinion = get_object_or_404(
        Opinion.objects.select_related("request__member", "request__institution", "request__household"),
        public_id=public_id,
        request__household__office_id__in=offices,
    )
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review(request.user, opinion, **form.cleaned_data)
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            messages.success(request, "検討の結果を記録しました。")
            return redirect("medical_review_queue")
    record(request.user, Action.VIEW, target=opinion, detail={"view": "medical_review"})
    return render(
        request,
        "medical/review.html",
        {**_for_review(opinion), "form": form, "reviews": opinion.reviews.all()},
    )


# --- tickets -----------------------------------------------------------------------------------------------


def _running_office(request):
    return acting_office(request, *services.RUNNERS, denied=services.NOT_RUNNER)


@login_required
@require_http_methods(["GET", "POST"])
def medical_tickets(request):
    office = _running_office(request)
    next_month = services.add_months(timezone.localdate().replace(day=1), 1)
    form = MonthForm(request.POST or None, initial={"month": next_month})
    refused = []
    if request.method == "POST" and form.is_valid():
        try:
            run = services.issue_month(request.user, office, form.cleaned_data["month"])
        except services.RunRefused as exc:
            refused = exc.problems
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            messages.success(request, f"{wareki_month(run.month)}分の券を{run.count}枚発行しました。")
            return redirect("medical_ticket_run", public_id=run.public_id)
    return render(
        request,
        "medical/tickets.html",
        {"office": office, "form": form, "refused": refused, "runs": TicketRun.objects.filter(office=office)[:24]},
    )


def _of_month(run: TicketRun):
    """Every ticket of the run's office and month: the run's, and those issued or corrected since."""
    return Ticket.objects.filter(household__office_id=run.office_id, month=run.month)


def _run(request, public_id) -> TicketRun:
    return get_object_or_404(TicketRun, public_id=public_id, office=_running_office(request))


@login_required
def medical_ticket_run(request, public_id):
    run = _run(request, public_id)
    tickets = _of_month(run).filter(void=False).select_related("institution")
    by_institution: dict[int, dict] = {}
    for ticket in tickets:
        group = by_institution.setdefault(ticket.institution_id, {"institution": ticket.institution, "count": 0})
        group["count"] += 1
    return render(
        request,
        "medical/ticket_run.html",
        {"run": run, "groups": sorted(by_institution.values(), key=lambda g: g["institution"].code)},
    )


@login_required
def medical_ticket_run_pdf(request, public_id, institution_id: int):
    run = _run(request, public_id)
    tickets = list(
        _of_month(run)
        .filter(institution_id=institution_id, void=False)
        .select_related("household__office", "member", "institution")
        .order_by("number")
    )
    if not tickets:
        raise Http404("この医療機関の券はありません。")
    record(request.user, Action.VIEW, target=run, detail={"view": "ticket_pdf", **shown(t.public_id for t in tickets)})
    response = HttpResponse(documents.render_tickets(tickets), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="tickets-{run.month:%Y%m}-{tickets[0].institution.code}.pdf"'
    return response


@login_required
def medical_ticket_run_file(request, public_id):
    run = _run(request, public_id)
    tickets = list(_of_month(run).select_related("household__office", "member", "institution").order_by("number"))
    record(request.user, Action.VIEW, target=run, detail={"view": "registration_file", "count": len(tickets)})
    response = HttpResponse(documents.registration_file(tickets), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="online-registration-{run.month:%Y%m}.csv"'
    return response


def _open_ticket(request, public_id) -> Ticket:
    return open_household_record(
        request.user, Ticket, public_id, "券が見つかりません。", related=("member", "institution", "replaces")
    )


@login_required
def medical_ticket_detail(request, public_id):
    ticket = _open_ticket(request, public_id)
    may_act = may_edit(request.user, ticket.household)
    return render(
        request,
        "medical/ticket.html",
        {
            "ticket": ticket,
            "replaced_by": Ticket.objects.filter(replaces=ticket).first(),
            "form": CorrectForm(initial={"self_pay": ticket.self_pay, "cost": ticket.cost})
            if may_act and not ticket.void
            else None,
        },
    )


@login_required
@require_POST
def medical_ticket_correct(request, public_id):
    ticket = _open_ticket(request, public_id)
    new = report_form(
        request,
        CorrectForm(request.POST),
        lambda **data: services.correct_ticket(request.user, ticket, **data),
        lambda t: f"訂正した券（{t.number}）を発行し、元の券を無効にしました。",
    )
    return redirect("medical_ticket_detail", public_id=(new or ticket).public_id)


def household_panel(request, household) -> dict:
    """The household page's section: open periods, the month's tickets, the next 意見書 due."""
    today = timezone.localdate()
    periods = list(services.open_periods(household, today))
    month = today.replace(day=1)
    return {
        "periods": periods,
        "tickets": household.tickets.filter(month=month, void=False).select_related("member", "institution"),
        "next_opinion": min((p.ends_on for p in periods), default=None),
        "requests": household.medical_requests.select_related("member")[:5],
        "transports": transport.monthly_transport(household, month),
        "transport_total": transport.monthly_total(household, month),
        "may_act": may_edit(request.user, household),
    }
