"""A bad value given to a knowledge page — a filter in the address, a verdict posted by hand — is
said in a message naming the field; the page shows its default and nothing is saved."""

from django.contrib.messages import get_messages
from django.urls import reverse

from hogo.knowledge.models import Question


def said(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_an_unknown_verdict_names_the_field_and_keeps_no_feedback(cast, login):
    question = Question.objects.create(asked_by=cast.users["cw"], question="申請から何日以内？", passages=[])
    response = login(cast.users["cw"]).post(reverse("knowledge_feedback", args=[question.pk]), {"feedback": "maybe"})
    assert response.status_code == 302 and said(response) == ["評価は一覧から選んでください。"]
    question.refresh_from_db()
    assert question.feedback == ""


def test_an_unknown_filter_of_the_log_shows_all_questions(cast, login):
    Question.objects.create(asked_by=cast.users["cw"], question="申請から何日以内？", passages=[], feedback="useful")
    response = login(cast.users["sv"]).get(reverse("knowledge_log"), {"feedback": "maybe"})
    assert response.status_code == 200 and said(response) == ["評価は一覧から選んでください。"]
    assert "申請から何日以内？" in response.content.decode()


def test_an_unknown_area_of_the_examples_shows_them_all(cast, login):
    response = login(cast.users["cw"]).get(reverse("knowledge_examples"), {"area": "nowhere", "q": "受診"})
    assert response.status_code == 200 and said(response) == ["業務の分野は一覧から選んでください。"]
