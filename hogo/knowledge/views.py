"""The question box: the provisions that answer a question, quoted and cited, matched words
highlighted, always marked as reference information. Questions and feedback are logged for the SV."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from hogo.common import llm
from hogo.common.refusals import message_of, read_query, report, report_form, save_through
from hogo.offices.acting import acting_office
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import examples as example_services
from . import services
from .forms import (
    ExampleFilterForm,
    ExampleForm,
    ExampleImportForm,
    FeedbackForm,
    KnowHowForm,
    QuestionForm,
    QuestionLogFilterForm,
)
from .models import CHARACTERISTICS, WORK_AREAS, CaseExample, KnowHow, Question
from .search import highlight

KNOWLEDGE_ROLES = (Role.CASEWORKER, Role.SUPERVISOR, Role.CHIEF, Role.CLERK)
STAFF_ONLY = "ナレッジを使えるのは福祉事務所の職員です。"


def _staff(request):
    standing = standing_of(request.user)
    if standing.staff is None or not standing.offices_with(*KNOWLEDGE_ROLES):
        raise PermissionDenied(STAFF_ONLY)
    return standing


@login_required
@require_http_methods(["GET", "POST"])
def ask(request):
    """The question box; a question is answered on a POST, because answering logs it."""
    standing = _staff(request)
    form = QuestionForm(request.POST or None)
    answer, error = None, ""
    if form.is_valid():
        try:
            offices = standing.offices_with(*Role.values)
            answer = services.answer_question(request.user, offices=offices, **form.cleaned_data)
        except ValidationError as exc:
            error = message_of(exc)
    elif form.is_bound:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    hits = answer.hits if answer else []
    return render(
        request,
        "knowledge/ask.html",
        {
            "form": form,
            "question": form["q"].value() or "",
            "hits": [{"hit": h, "html": mark_safe(highlight(h.text, h.matched))} for h in hits],
            "error": error,
            "logged": answer.logged if answer else None,
            "generated": answer.generated if answer else "",
            "generation_error": answer.generation_error if answer else "",
            "generation": llm.enabled(),
        },
    )


@login_required
@require_POST
def feedback(request, pk):
    _staff(request)
    question = get_object_or_404(Question, pk=pk, asked_by=request.user)
    report_form(
        request,
        FeedbackForm(request.POST),
        lambda **verdict: services.give_feedback(question, **verdict),
        "評価を記録しました。査察指導員が見直しに使います。",
    )
    return redirect("knowledge_ask")  # not the answer again: that would log the question twice


@login_required
def question_log(request):
    standing = _staff(request)
    if not standing.has_role(Role.SUPERVISOR) and not standing.has_role(Role.CHIEF):
        raise PermissionDenied("質問の記録を見られるのは査察指導員と課長です。")
    offices = standing.offices_with(Role.SUPERVISOR, Role.CHIEF)
    questions = Question.objects.filter(asked_by__staff__role_assignments__office_id__in=offices).distinct()
    only = read_query(request, QuestionLogFilterForm(request.GET)).get("feedback")
    if only:
        questions = questions.filter(feedback=only)
    return render(
        request, "knowledge/log.html", {"questions": questions.select_related("asked_by__staff")[:200], "only": only}
    )


# --- case examples and know-how -------------------------------------------------------------


def _office_id(request):
    """The user's standing and the id of the office whose examples and know-how they work on."""
    return _staff(request), _acting_office(request).pk


def _acting_office(request):
    return acting_office(request, *KNOWLEDGE_ROLES, denied=STAFF_ONLY)


@login_required
def example_list(request):
    standing, office = _staff(request), _acting_office(request)
    office_id = office.pk
    narrowed = read_query(request, ExampleFilterForm(request.GET))
    found = example_services.filtered_examples(
        office,
        work_area=narrowed.get("area", ""),
        characteristic=narrowed.get("trait", ""),
        query=narrowed.get("q", ""),
    )
    drafts = CaseExample.objects.filter(office=office, published_at__isnull=True)
    return render(
        request,
        "knowledge/examples.html",
        {
            "examples": found,
            "drafts": drafts,
            "areas": WORK_AREAS,
            "traits": CHARACTERISTICS,
            "get": narrowed,
            "may_publish": standing.has_role(Role.SUPERVISOR, office_id) or standing.has_role(Role.CHIEF, office_id),
        },
    )


@login_required
def example_new(request):
    office = _acting_office(request)
    form = ExampleForm(request.POST or None)
    if save_through(
        request,
        form,
        lambda **data: example_services.write_example(request.user, data, office=office),
        "事例を下書きとして保存しました。査察指導員が確認して公開します。",
    ):
        return redirect("knowledge_examples")
    return render(request, "households/form.html", {"form": form, "title": "処遇検討事例を書く", "submit": "保存する"})


@login_required
@require_POST
def example_publish(request, pk):
    standing, office_id = _office_id(request)
    example = get_object_or_404(CaseExample, pk=pk, office_id=office_id)
    try:  # no authority is a 403 (PermissionDenied passes); a rule refusal is said on the list
        example_services.publish_example(request.user, example)
        messages.success(request, "事例を公開しました。")
    except ValidationError as exc:
        messages.error(request, message_of(exc))
    return redirect("knowledge_examples")


@login_required
def example_export(request):
    response = HttpResponse(
        example_services.export_examples(_acting_office(request)),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="case-examples.json"'
    return response


@login_required
@require_POST
def example_import(request):
    office = _acting_office(request)
    form = ExampleImportForm(request.POST, request.FILES)
    try:  # no authority is a 403 (PermissionDenied passes); a bad file is said on the list
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        file = form.cleaned_data["file"]
        result = example_services.import_examples(request.user, file.read(), file.name, office=office)
        messages.success(
            request, f"{result['added']}件を取り込みました（既にある{result['skipped']}件は飛ばしました）。"
        )
    except ValidationError as exc:
        messages.error(request, "取り込みませんでした: " + message_of(exc))
    return redirect("knowledge_examples")


@login_required
def know_how(request):
    standing, office_id = _office_id(request)
    form = KnowHowForm(request.POST or None)
    if save_through(
        request,
        form,
        lambda **data: example_services.write_know_how(request.user, office=_acting_office(request), **data),
        "ノウハウを登録しました。",
    ):
        return redirect("knowledge_know_how")
    return render(
        request,
        "knowledge/know_how.html",
        {
            "form": form,
            "entries": KnowHow.objects.filter(office_id=office_id).select_related(
                "author__staff", "reviewed_by__staff"
            ),
            "may_review": standing.has_role(Role.SUPERVISOR, office_id) or standing.has_role(Role.CHIEF, office_id),
        },
    )


@login_required
@require_POST
def know_how_review(request, pk):
    standing, office_id = _office_id(request)
    entry = get_object_or_404(KnowHow, pk=pk, office_id=office_id)
    example_services.require_reviewer(request.user, entry)
    report(request, lambda: example_services.review_know_how(request.user, entry), "確認しました。")
    return redirect("knowledge_know_how")
