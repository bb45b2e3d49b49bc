"""The question box in the browser's terms: quoted, cited, highlighted, marked as reference
information, logged with feedback for the SV; per-role access."""

import pytest
from django.urls import reverse

from hogo.knowledge.models import Question

QUESTION = "申請から何日以内に決定しないといけない？"


def test_the_answer_quotes_and_cites_article_24_first(cast, login):
    response = login(cast.users["cw"]).post(reverse("knowledge_ask"), {"q": QUESTION})
    page = response.content.decode()
    assert response.context["hits"][0]["hit"].citation == "生活保護法第24条第5項"
    assert (
        page.index("生活保護法第24条第5項") < page.index("生活保護法第24条第10項") if "第24条第10項" in page else True
    )
    assert "<mark>申請</mark>" in page and "参考情報です" in page
    assert Question.objects.get().passages[0] == "生活保護法第24条第5項"


def test_feedback_is_logged_and_the_supervisor_reviews_it(cast, login):
    client = login(cast.users["cw"])
    client.post(reverse("knowledge_ask"), {"q": QUESTION})
    question = Question.objects.get()
    client.post(reverse("knowledge_feedback", args=[question.pk]), {"feedback": "wrong", "note": "第7項も見たい"})
    question.refresh_from_db()
    assert (question.feedback, question.feedback_note) == ("wrong", "第7項も見たい")
    page = login(cast.users["sv"]).get(reverse("knowledge_log"), {"feedback": "wrong"}).content.decode()
    assert QUESTION in page and "第7項も見たい" in page


def test_a_bad_query_shows_the_reason(cast, login):
    page = login(cast.users["cw"]).post(reverse("knowledge_ask"), {"q": "！？"}).content.decode()
    assert "記号や助詞だけ" in page and not Question.objects.exists()


@pytest.mark.parametrize(
    "role, ask, log",
    [
        ("cw", 200, 403),
        ("sv", 200, 200),
        ("chief", 200, 200),
        ("clerk", 200, 403),
        ("admin", 403, 403),
        ("b_cw", 200, 403),
    ],
)
def test_access_per_role(cast, login, role, ask, log):
    client = login(cast.users[role])
    assert client.get(reverse("knowledge_ask")).status_code == ask
    assert client.get(reverse("knowledge_log")).status_code == log


def test_the_supervisor_sees_only_questions_of_their_office(cast, login):
    login(cast.users["b_cw"]).post(reverse("knowledge_ask"), {"q": "保護費は差し押さえられる？"})
    page = login(cast.users["sv"]).get(reverse("knowledge_log")).content.decode()
    assert "差し押さえられる" not in page
