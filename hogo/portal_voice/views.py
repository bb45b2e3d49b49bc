"""The recipient's pages of notices, certificates and their voice (decision 0038). Every query is filtered by
`request.household` (hogo/recipient_portal/access.py): another household's notice is a 404."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from hogo.recipient_portal.access import recipient_required
from hogo.recipient_portal.services import once

from .forms import MedicalForm, OpinionForm, ReceiptForm, SurveyForm
from .markup import plain, ruby
from .markup import render as render_markup
from .models import CertificateRequest, Content, Opinion, PortalNotice, SurveyAnswer


def _open_surveys(household):
    today = timezone.localdate()
    return Content.objects.filter(
        office=household.office, kind="survey", listed=True, opens_on__lte=today, closes_on__gte=today
    )


@require_GET
@recipient_required
def my_notices(request):
    household = request.household
    notices = PortalNotice.objects.filter(household=household).order_by("-dated", "-pk").defer("pdf")
    requests = CertificateRequest.objects.filter(household=household)[:20]
    return render(request, "portal_voice/notices.html", {"notices": notices, "requests": requests})


@require_GET
@recipient_required
def my_notice(request, pk):
    notice = get_object_or_404(PortalNotice.objects.defer("pdf"), pk=pk, household=request.household)
    if notice.read_at is None:
        PortalNotice.objects.filter(pk=notice.pk).update(read_at=timezone.now())
    has_pdf = PortalNotice.objects.filter(pk=notice.pk, pdf__isnull=False).exists()
    return render(request, "portal_voice/notice.html", {"notice": notice, "has_pdf": has_pdf})


@require_GET
@recipient_required
def my_notice_pdf(request, pk):
    notice = get_object_or_404(PortalNotice, pk=pk, household=request.household, pdf__isnull=False)
    response = HttpResponse(bytes(notice.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{notice.pk}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
@recipient_required
def my_certificate(request, kind):
    household = request.household
    if kind == "receipt":
        form = ReceiptForm(request.POST or None)
    elif kind == "medical":
        people = list(household.people.filter(active=True))
        form = MedicalForm(request.POST or None, people=people)
    else:
        raise Http404("その証明書は申請できません。")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {"kind": kind, "delivery": data["delivery"]}
        if kind == "receipt":
            values["purpose"] = data["purpose"] + (f"（{data['purpose_note']}）" if data["purpose_note"] else "")
        else:
            person = next(p for p in people if p.key == data["person"])
            values.update(person_key=person.key, person_name=person.name, clinic=data["clinic"], reason=data["reason"])
        key = f"cr-{data['token']}"  # the form's one-time token: the same form posted twice makes one request
        try:
            once(
                CertificateRequest,
                lambda: CertificateRequest.objects.create(
                    household=household, account=request.recipient, key=key, **values
                ),
                mine={"household": household},
                key=key,
            )
        except ValidationError as exc:
            form.add_error("token", exc.message_dict["token"])
        else:
            messages.success(request, "申請を受け付けました。福祉事務所に届いたら、担当が用意します。")
            return redirect("my_notices")
    title = "受給証明書" if kind == "receipt" else "診療依頼書"
    return render(request, "portal_voice/certificate_form.html", {"form": form, "kind": kind, "title": title})


@require_http_methods(["GET", "POST"])
@recipient_required
def my_voice(request):
    household = request.household
    form = OpinionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        named = data["named"] == "named"
        key = f"op-{data['token']}"  # the form's one-time token: the same form posted twice sends one opinion
        try:
            once(
                Opinion,
                lambda: Opinion.objects.create(
                    office=household.office,
                    key=key,
                    household=household if named else None,
                    account=request.recipient if named else None,
                    name=request.recipient.name if named else "",
                    category=data["category"],
                    text=data["text"],
                ),
                mine={"office": household.office},  # an anonymous one names no household
                key=key,
            )
        except ValidationError as exc:
            form.add_error("token", exc.message_dict["token"])
        else:
            messages.success(request, "ご意見を送りました。ありがとうございます。")
            return redirect("my_voice")
    answered = set(SurveyAnswer.objects.filter(household=household).values_list("survey_id", flat=True))
    surveys = [(s, s.pk in answered) for s in _open_surveys(household)]
    guides = [(g, plain(g.title)) for g in Content.objects.filter(office=household.office, kind="guide", listed=True)]
    return render(request, "portal_voice/voice.html", {"form": form, "surveys": surveys, "guides": guides})


@require_http_methods(["GET", "POST"])
@recipient_required
def my_survey(request, pk):
    household = request.household
    survey = get_object_or_404(_open_surveys(household), pk=pk)
    done = SurveyAnswer.objects.filter(household=household, survey=survey).exists()
    form = SurveyForm(request.POST or None, questions=survey.questions)
    if request.method == "POST" and not done and form.is_valid():
        # once a household (a unique constraint): answered twice at once, the first answer stays
        once(
            SurveyAnswer,
            lambda: SurveyAnswer.objects.create(
                household=household,
                account=request.recipient,
                survey=survey,
                key=f"sa-{uuid.uuid4()}",
                answers={k: v for k, v in form.cleaned_data.items()},
            ),
            mine={"household": household},
            household=household,
            survey=survey,
        )
        messages.success(request, "回答を送りました。ご協力ありがとうございます。")
        return redirect("my_voice")
    return render(
        request, "portal_voice/survey.html", {"survey": survey, "form": form, "done": done, "intro": ruby(survey.body)}
    )


@require_GET
@recipient_required
def my_guide(request, pk):
    guide = get_object_or_404(Content, pk=pk, office=request.household.office, kind="guide", listed=True)
    return render(
        request,
        "portal_voice/guide.html",
        {
            "guide": guide,
            "title": ruby(guide.title),
            "plain_title": plain(guide.title),
            "body": render_markup(guide.body),
        },
    )
