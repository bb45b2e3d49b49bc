"""The question box: the provisions that answer a question, quoted and cited, matched words
highlighted, always marked as reference information. Questions and feedback are logged for the SV."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from hogo.common import llm
from hogo.households.forms import save_through
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import answering
from . import examples as example_services
from .forms import ExampleForm, KnowHowForm
from .importer import ensure_bundled
from .models import CHARACTERISTICS, WORK_AREAS, CaseExample, KnowHow, Question
from .search import QueryError, highlight, search


def _staff(request):
    standing = standing_of(request.user)
    if standing.staff is None or not standing.offices_with(Role.CASEWORKER, Role.SUPERVISOR, Role.CHIEF, Role.CLERK):
        raise PermissionDenied("ナレッジを使えるのは福祉事務所の職員です。")
    return standing


@login_required
def ask(request):
    standing = _staff(request)
    question = request.GET.get("q", "").strip()
    hits, error, logged, generated, generation_error = [], "", None, "", ""
    if "q" in request.GET:
        ensure_bundled()
        try:
            hits = search(question, limit=5, offices=standing.offices_with(*Role.values))
        except QueryError as exc:
            error = str(exc)
        else:
            if request.GET.get("generate") and llm.enabled():
                try:
                    generated = answering.draft_answer(question, hits)
                except answering.AnswerRefused as exc:
                    generation_error = str(exc)
            logged = Question.objects.create(
                asked_by=request.user,
                question=question[:2000],
                passages=[h.citation for h in hits],
                generated=generated,
            )
    shown = [{"hit": h, "html": mark_safe(highlight(h.text, h.matched))} for h in hits]
    return render(
        request,
        "knowledge/ask.html",
        {
            "question": question,
            "hits": shown,
            "error": error,
            "logged": logged,
            "generated": generated,
            "generation_error": generation_error,
            "generation": llm.enabled(),
        },
    )


@login_required
@require_POST
def feedback(request, pk):
    _staff(request)
    question = get_object_or_404(Question, pk=pk, asked_by=request.user)
    verdict = request.POST.get("feedback")
    if verdict in ("useful", "wrong"):
        question.feedback, question.feedback_note = verdict, request.POST.get("note", "")[:1000]
        question.save(update_fields=["feedback", "feedback_note"])
        messages.success(request, "評価を記録しました。査察指導員が見直しに使います。")
    return redirect("knowledge_ask")  # not the search again: that would log the question twice


@login_required
def question_log(request):
    standing = _staff(request)
    if not standing.has_role(Role.SUPERVISOR) and not standing.has_role(Role.CHIEF):
        raise PermissionDenied("質問の記録を見られるのは査察指導員と課長です。")
    offices = standing.offices_with(Role.SUPERVISOR, Role.CHIEF)
    questions = Question.objects.filter(asked_by__staff__role_assignments__office_id__in=offices).distinct()
    only = request.GET.get("feedback")
    if only in ("useful", "wrong"):
        questions = questions.filter(feedback=only)
    return render(
        request, "knowledge/log.html", {"questions": questions.select_related("asked_by__staff")[:200], "only": only}
    )


# --- case examples and know-how -------------------------------------------------------------


def _office_id(request):
    standing = _staff(request)
    return standing, standing.offices_with(Role.CASEWORKER, Role.SUPERVISOR, Role.CHIEF, Role.CLERK)[0]


@login_required
def example_list(request):
    standing, office_id = _office_id(request)
    from hogo.offices.models import Office

    office = Office.objects.get(pk=office_id)
    found = example_services.filtered_examples(
        office,
        work_area=request.GET.get("area", ""),
        characteristic=request.GET.get("trait", ""),
        query=request.GET.get("q", ""),
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
            "get": request.GET,
            "may_publish": standing.has_role(Role.SUPERVISOR, office_id) or standing.has_role(Role.CHIEF, office_id),
        },
    )


@login_required
def example_new(request):
    _office_id(request)
    form = ExampleForm(request.POST or None)
    if save_through(
        request,
        form,
        lambda **data: example_services.write_example(request.user, data),
        "事例を下書きとして保存しました。査察指導員が確認して公開します。",
    ):
        return redirect("knowledge_examples")
    return render(request, "households/form.html", {"form": form, "title": "処遇検討事例を書く", "submit": "保存する"})


@login_required
@require_POST
def example_publish(request, pk):
    standing, office_id = _office_id(request)
    example = get_object_or_404(CaseExample, pk=pk, office_id=office_id)
    try:
        example_services.publish_example(request.user, example)
        messages.success(request, "事例を公開しました。")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("knowledge_examples")


@login_required
def example_export(request):
    standing, office_id = _office_id(request)
    from hogo.offices.models import Office

    response = HttpResponse(
        example_services.export_examples(Office.objects.get(pk=office_id)),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="case-examples.json"'
    return response


@login_required
@require_POST
def example_import(request):
    _office_id(request)
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ValidationError("ファイルを選んでください。")
        result = example_services.import_examples(request.user, upload.read(), upload.name)
        messages.success(
            request, f"{result['added']}件を取り込みました（既にある{result['skipped']}件は飛ばしました）。"
        )
    except ValidationError as exc:
        messages.error(request, "取り込みませんでした: " + " ".join(exc.messages))
    return redirect("knowledge_examples")


@login_required
def know_how(request):
    standing, office_id = _office_id(request)
    form = KnowHowForm(request.POST if request.POST.get("action") == "write" else None)
    if request.POST.get("action") == "review":
        entry = get_object_or_404(KnowHow, pk=request.POST.get("entry"), office_id=office_id)
        example_services.review_know_how(request.user, entry)
        messages.success(request, "確認しました。")
        return redirect("knowledge_know_how")
    if save_through(
        request, form, lambda **data: example_services.write_know_how(request.user, **data), "ノウハウを登録しました。"
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
