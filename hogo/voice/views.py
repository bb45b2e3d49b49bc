"""Screens of the recipients' voice (decision 0038): the certificate requests of the households a user sees
(their CW, SV and the office's clerk fulfil them), and for the chief and the supervisors the opinions, the
surveys with their counts and the plain-language guides the portal shows."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Case, When
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common.refusals import save_through
from hogo.households.services import open_household_record
from hogo.offices.models import Role
from hogo.offices.queries import standing_of
from hogo.portal_voice.markup import render as render_markup

from . import services
from .forms import FulfilForm, GuideForm, SurveyForm
from .models import CertificateRequest, Guide, Opinion, RequestState, Survey
from .transfer import OPINION_CATEGORIES

LISTED = 200
CASE_ROLES = (Role.CASEWORKER, Role.SUPERVISOR, Role.CHIEF, Role.CLERK)


def _listens(user) -> bool:
    return bool(standing_of(user).offices_with(*services.LISTENERS))


@login_required
@require_GET
def voice_certificates(request):
    """Open requests first, then the recent fulfilled ones, of the households this user sees."""
    if not standing_of(request.user).offices_with(*CASE_ROLES):
        raise PermissionDenied("証明書の申請は、ケースを扱う職員が見る画面です。")
    open_first = Case(When(state=RequestState.OPEN, then=0), default=1)
    requests = list(services.visible_requests(request.user).order_by(open_first, "-requested_at")[:LISTED])
    record(
        request.user,
        Action.LIST,
        target_type=CertificateRequest.audit_type,
        detail={"view": "voice_certificates", **shown(r.public_id for r in requests)},
    )
    return render(
        request,
        "voice/certificates.html",
        {"requests": requests, "listens": _listens(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def voice_certificate(request, public_id):
    certificate = open_household_record(
        request.user, CertificateRequest, public_id, "申請が見つかりません。", related=("member",)
    )
    may = certificate.state == RequestState.OPEN and services.may_fulfil(request.user, certificate.household)
    form = FulfilForm(request.POST or None, initial={"how": certificate.delivery})
    if request.method == "POST":
        done = save_through(
            request,
            form,
            lambda how: services.fulfil(request.user, certificate, how=how),
            lambda c: (
                f"{c.get_kind_display()}を{c.get_state_display()}にしました。次のバンドルでポータルに知らせます。"
            ),
        )
        if done is not None:
            return redirect("voice_certificate", public_id=certificate.public_id)
    return render(request, "voice/certificate.html", {"c": certificate, "form": form, "may_fulfil": may})


@login_required
@require_GET
def voice_certificate_pdf(request, public_id):
    certificate = open_household_record(request.user, CertificateRequest, public_id, "申請が見つかりません。")
    if not certificate.pdf:
        raise Http404("まだPDFはありません。")
    response = HttpResponse(bytes(certificate.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.pk}.pdf"'
    return response


@login_required
@require_GET
def voice_opinions(request):
    office = services.listening_office(request)
    opinions = list(Opinion.objects.filter(office=office).select_related("household")[:LISTED])
    for o in opinions:
        o.category_label = OPINION_CATEGORIES.get(o.category, o.category)
    record(
        request.user,
        Action.LIST,
        target_type=Opinion.audit_type,
        office_id=office.pk,
        detail={"view": "voice_opinions", "count": len(opinions)},
    )
    return render(request, "voice/opinions.html", {"office": office, "opinions": opinions})


@login_required
@require_http_methods(["GET", "POST"])
def voice_surveys(request):
    office = services.listening_office(request)
    form = SurveyForm(request.POST or None)
    survey = save_through(
        request,
        form,
        lambda **data: services.save_survey(request.user, office, None, **data),
        "アンケートを作りました。次のバンドルでポータルに載ります。",
    )
    if survey is not None:
        return redirect("voice_survey", public_id=survey.public_id)
    surveys = Survey.objects.filter(office=office)
    return render(request, "voice/surveys.html", {"office": office, "form": form, "surveys": surveys})


@login_required
@require_http_methods(["GET", "POST"])
def voice_survey(request, public_id):
    office = services.listening_office(request)
    survey = services.open_listened(Survey, office, public_id)
    initial = {
        "title": survey.title,
        "intro": survey.intro,
        "questions": services.questions_text(survey.questions),
        "opens_on": survey.opens_on,
        "closes_on": survey.closes_on,
    }
    form = SurveyForm(request.POST or None, initial=initial)
    if save_through(
        request, form, lambda **data: services.save_survey(request.user, office, survey, **data), "保存しました。"
    ):
        return redirect("voice_survey", public_id=survey.public_id)
    record(request.user, Action.VIEW, target=survey, office_id=office.pk)
    return render(
        request,
        "voice/survey.html",
        {
            "survey": survey,
            "form": form,
            "results": services.survey_results(survey),
            "answered": survey.answers.count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def voice_guides(request):
    office = services.listening_office(request)
    form = GuideForm(request.POST or None, initial={"order": 10})
    guide = save_through(
        request,
        form,
        lambda **data: services.save_guide(request.user, office, None, **data),
        "案内のページを作りました。",
    )
    if guide is not None:
        return redirect("voice_guide", public_id=guide.public_id)
    return render(
        request, "voice/guides.html", {"office": office, "form": form, "guides": Guide.objects.filter(office=office)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def voice_guide(request, public_id):
    office = services.listening_office(request)
    guide = services.open_listened(Guide, office, public_id)
    initial = {"title": guide.title, "body": guide.body, "order": guide.order, "published": guide.published}
    form = GuideForm(request.POST or None, initial=initial)
    if save_through(
        request,
        form,
        lambda **data: services.save_guide(request.user, office, guide, **data),
        "保存しました。ポータルには次のバンドルで反映されます。",
    ):
        return redirect("voice_guide", public_id=guide.public_id)
    return render(request, "voice/guide.html", {"guide": guide, "form": form, "preview": render_markup(guide.body)})


def household_panel(request, household) -> dict | None:
    """The household page's certificate requests, shown only when the household has made one."""
    requests = list(CertificateRequest.objects.filter(household=household).select_related("member")[:10])
    if not requests:
        return None
    return {"household": household, "certificate_requests": requests}
