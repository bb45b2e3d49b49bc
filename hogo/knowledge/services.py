"""The question box's use cases: a question answered from the corpus and logged for the supervisor,
and the asker's verdict on the answer."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from hogo.common import llm

from . import answering
from .importer import ensure_bundled
from .models import Question
from .search import Hit, QueryError, search

PASSAGES_SHOWN = 5
QUESTION_KEPT = 2000  # characters of the question kept in the log


@dataclass
class Answer:
    hits: list[Hit]
    generated: str
    generation_error: str
    logged: Question


def answer_question(actor, *, q: str, generate: bool, offices) -> Answer:
    """The provisions that answer the question `q` (searched with the offices' own sources), and —
    when asked for and the office has set up a text service — an answer drafted from them. The
    question is logged with what was shown. A question the search cannot read is refused on "q"
    and not logged."""
    question = q.strip()
    ensure_bundled()
    try:
        hits = search(question, limit=PASSAGES_SHOWN, offices=offices)
    except QueryError as exc:
        raise ValidationError({"q": str(exc)}) from exc
    generated, generation_error = "", ""
    if generate and llm.enabled():
        try:
            generated = answering.draft_answer(question, hits)
        except answering.AnswerRefused as exc:
            generation_error = str(exc)
    logged = Question.objects.create(
        asked_by=actor,
        question=question[:QUESTION_KEPT],
        passages=[h.citation for h in hits],
        generated=generated,
    )
    return Answer(hits, generated, generation_error, logged)


def give_feedback(question: Question, *, feedback: str, note: str = "") -> Question:
    """The asker's verdict on an answer ("useful" or "wrong"), for the supervisor's review."""
    question.feedback, question.feedback_note = feedback, (note or "").strip()
    question.save(update_fields=["feedback", "feedback_note"])
    return question
