"""Answering a question logs it for the supervisor, so it happens only on a POST: opening the
question box — even from an old link with the question in its address — writes nothing."""

from django.urls import reverse

from hogo.knowledge.models import Question

QUESTION = "申請から何日以内に決定しないといけない？"


def test_opening_the_box_writes_nothing(cast, login):
    response = login(cast.users["cw"]).get(reverse("knowledge_ask"), {"q": QUESTION, "generate": "1"})
    assert response.status_code == 200 and not Question.objects.exists()


def test_posting_the_question_answers_and_logs_it_once(cast, login):
    response = login(cast.users["cw"]).post(reverse("knowledge_ask"), {"q": QUESTION})
    assert response.status_code == 200 and response.context["hits"]
    assert list(Question.objects.values_list("question", flat=True)) == [QUESTION]


def test_an_empty_question_names_the_field_and_is_not_logged(cast, login):
    response = login(cast.users["cw"]).post(reverse("knowledge_ask"), {"q": ""})
    assert response.context["error"] == "質問を入力してください。" and not Question.objects.exists()
