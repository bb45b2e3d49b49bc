"""The question box: the provisions that answer a question, quoted and cited, matched words
highlighted, always marked as reference information. Questions and feedback are logged for the SV."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from .importer import ensure_bundled
from .models import Question
from .search import QueryError, highlight, search


def _staff(request):
    standing = standing_of(request.user)
    if standing.staff is None or not standing.offices_with(Role.CASEWORKER, Role.SUPERVISOR, Role.CHIEF, Role.CLERK):
        raise PermissionDenied("ナレッジを使えるのは福祉事務所の職員です。")
    return standing


@login_required
def ask(request):
    _staff(request)
    question = request.GET.get("q", "").strip()
    hits, error, logged = [], "", None
    if "q" in request.GET:
        ensure_bundled()
        try:
            hits = search(question, limit=5)
        except QueryError as exc:
            error = str(exc)
        else:
            logged = Question.objects.create(asked_by=request.user, question=question[:2000],
                                             passages=[h.citation for h in hits])
    shown = [{"hit": h, "html": mark_safe(highlight(h.text, h.matched))} for h in hits]
    return render(request, "knowledge/ask.html", {"question": question, "hits": shown, "error": error, "logged": logged})


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
    return redirect(f"/knowledge/?q={question.question}")


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
    return render(request, "knowledge/log.html", {"questions": questions.select_related("asked_by__staff")[:200], "only": only})
