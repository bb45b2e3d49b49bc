"""Per-role access to every knowledge view: the question box, its feedback and log; case examples
(list, write, publish, export, import); know-how (list, write, review). Office staff who do
casework (CW, SV, chief, clerk) use it, each in their own office; the collection team, the
administrator and partner-agency members are refused; nobody reaches another office's examples."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hogo.knowledge import examples
from hogo.knowledge.models import CaseExample, KnowHow, Question
from tests.roles import ROLES, assert_sent_to_login

ROLE_TESTED_URLS = {
    "knowledge_ask",
    "knowledge_feedback",
    "knowledge_log",
    "knowledge_examples",
    "knowledge_example_new",
    "knowledge_example_publish",
    "knowledge_example_export",
    "knowledge_example_import",
    "knowledge_know_how",
    "knowledge_know_how_review",
}

ALL = [*ROLES, "b_sv"]
OFFICE_B = {"b_cw", "b_sv"}
STAFF = {"cw", "cw_mate", "cw_other", "sv", "sv_other", "chief", "clerk", "b_cw", "b_sv"}
REVIEWERS = {"sv", "sv_other", "chief", "b_sv"}  # supervisors and chiefs publish, import and review
WRITERS = STAFF - {"clerk"}  # case examples are written by caseworkers, supervisors and chiefs

USED = {role: (200 if role in STAFF else 403) for role in ALL}
LOG = {role: (200 if role in REVIEWERS else 403) for role in ALL}

EXAMPLE = {
    "work_area": "medical",
    "characteristics": ["elderly", "refusal"],
    "situation": "80代のAさんは単身で、火の消し忘れが続いたが受診を拒否していた。",
    "handling": "地域包括支援センターと同行訪問し、認知症初期集中支援チームにつないだ。",
    "outcome": "要介護認定につながった。",
    "lessons": "拒否があっても関係機関と見守りの体制を先に作る。",
}


@pytest.fixture
def office_examples(cast):
    """Office A: one published example, one draft, one know-how entry; office B: one published example."""
    a = examples.publish_example(
        cast.users["sv"], examples.write_example(cast.users["cw"], {**EXAMPLE, "title": "みなとの公開事例"})
    )
    draft = examples.write_example(cast.users["cw"], {**EXAMPLE, "title": "みなとの下書き事例"})
    b = examples.publish_example(
        cast.users["b_sv"], examples.write_example(cast.users["b_cw"], {**EXAMPLE, "title": "かわせの公開事例"})
    )
    know_how = examples.write_know_how(
        cast.users["cw"], question="みなとのノウハウ", answer="支給日は毎月1日。休日なら前の開庁日。"
    )
    return {"a": a, "draft": draft, "b": b, "know_how": know_how}


def sees_only_its_own_office(role, page):
    mine, theirs = ("かわせ", "みなと") if role in OFFICE_B else ("みなと", "かわせ")
    return f"{mine}の公開事例" in page and f"{theirs}の公開事例" not in page


# --- the question box ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ALL)
def test_the_question_box_answers_by_role(everyone, login, role):
    assert login(everyone[role]).get(reverse("knowledge_ask")).status_code == USED[role]


@pytest.mark.parametrize("role", ALL)
def test_feedback_is_taken_only_on_ones_own_question(everyone, cast, login, role):
    question = Question.objects.create(asked_by=cast.users["cw"], question="申請から何日以内？", passages=[])
    response = login(everyone[role]).post(reverse("knowledge_feedback", args=[question.pk]), {"feedback": "wrong"})
    expected = 302 if role == "cw" else (404 if role in STAFF else 403)
    assert response.status_code == expected
    question.refresh_from_db()
    assert question.feedback == ("wrong" if role == "cw" else "")


@pytest.mark.parametrize("role", ALL)
def test_the_question_log_answers_by_role_with_its_own_offices_questions(everyone, cast, login, role):
    Question.objects.create(asked_by=cast.users["cw"], question="みなとの質問", passages=[])
    Question.objects.create(asked_by=cast.users["b_cw"], question="かわせの質問", passages=[])
    response = login(everyone[role]).get(reverse("knowledge_log"))
    assert response.status_code == LOG[role]
    if response.status_code == 200:
        page = response.content.decode()
        mine, theirs = ("かわせ", "みなと") if role in OFFICE_B else ("みなと", "かわせ")
        assert f"{mine}の質問" in page and f"{theirs}の質問" not in page


# --- case examples ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ALL)
def test_the_examples_list_shows_each_role_its_own_offices_examples(everyone, office_examples, login, role):
    response = login(everyone[role]).get(reverse("knowledge_examples"))
    assert response.status_code == USED[role]
    if response.status_code == 200:
        assert sees_only_its_own_office(role, response.content.decode())


@pytest.mark.parametrize("role", ALL)
def test_the_example_form_opens_by_role(everyone, login, role):
    assert login(everyone[role]).get(reverse("knowledge_example_new")).status_code == USED[role]


@pytest.mark.parametrize("role", ALL)
def test_writing_an_example_answers_by_role_in_the_writers_office(everyone, cast, login, role):
    data = {**EXAMPLE, "title": "書いた事例"}
    response = login(everyone[role]).post(reverse("knowledge_example_new"), data)
    assert response.status_code == (302 if role in WRITERS else 403)
    written = CaseExample.objects.filter(title="書いた事例")
    if role in WRITERS:
        assert response.url == reverse("knowledge_examples")
        assert written.get().office == (cast.office_b if role in OFFICE_B else cast.office_a)
    else:
        assert not written.exists()


@pytest.mark.parametrize("role", ALL)
def test_publishing_a_draft_answers_by_role(everyone, office_examples, login, role):
    draft = office_examples["draft"]
    response = login(everyone[role]).post(reverse("knowledge_example_publish", args=[draft.pk]))
    expected = {"sv": 302, "sv_other": 302, "chief": 302, "b_cw": 404, "b_sv": 404}.get(role, 403)
    assert response.status_code == expected
    draft.refresh_from_db()
    assert (draft.published_at is not None) == (expected == 302)


@pytest.mark.parametrize("role", ALL)
def test_the_export_holds_only_the_published_examples_of_the_roles_office(everyone, office_examples, login, role):
    response = login(everyone[role]).get(reverse("knowledge_example_export"))
    assert response.status_code == USED[role]
    if response.status_code == 200:
        titles = [e["title"] for e in json.loads(response.content)["examples"]]
        assert titles == (["かわせの公開事例"] if role in OFFICE_B else ["みなとの公開事例"])


@pytest.mark.parametrize("role", ALL)
def test_importing_examples_answers_by_role_into_the_importers_office(everyone, cast, office_examples, login, role):
    exported = examples.export_examples(cast.office_a)
    payload = json.loads(exported)
    payload["examples"][0]["title"] = "取り込んだ事例"
    upload = SimpleUploadedFile("examples.json", json.dumps(payload, ensure_ascii=False).encode(), "application/json")
    response = login(everyone[role]).post(reverse("knowledge_example_import"), {"file": upload})
    assert response.status_code == (302 if role in REVIEWERS else 403)
    imported = CaseExample.objects.filter(title="取り込んだ事例")
    if role in REVIEWERS:
        assert imported.get().office == (cast.office_b if role in OFFICE_B else cast.office_a)
    else:
        assert not imported.exists()


# --- know-how -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ALL)
def test_know_how_shows_each_role_its_own_offices_entries(everyone, office_examples, login, role):
    response = login(everyone[role]).get(reverse("knowledge_know_how"))
    assert response.status_code == USED[role]
    if response.status_code == 200:
        assert ("みなとのノウハウ" in response.content.decode()) == (role not in OFFICE_B)


@pytest.mark.parametrize("role", ALL)
def test_reviewing_know_how_answers_by_role(everyone, office_examples, login, role):
    entry = office_examples["know_how"]
    response = login(everyone[role]).post(reverse("knowledge_know_how_review", args=[entry.pk]))
    expected = {"sv": 302, "sv_other": 302, "chief": 302, "b_cw": 404, "b_sv": 404}.get(role, 403)
    assert response.status_code == expected
    assert (KnowHow.objects.get(pk=entry.pk).reviewed_at is not None) == (expected == 302)


@pytest.mark.parametrize("role", ALL)
def test_writing_know_how_answers_by_role(everyone, login, role):
    data = {"question": "書いたノウハウ", "answer": "窓口で案内する。"}
    response = login(everyone[role]).post(reverse("knowledge_know_how"), data)
    assert response.status_code == (302 if role in STAFF else 403)
    assert KnowHow.objects.filter(question="書いたノウハウ").exists() == (role in STAFF)


@pytest.mark.parametrize(
    "name, method",
    [
        ("knowledge_ask", "get"),
        ("knowledge_log", "get"),
        ("knowledge_examples", "get"),
        ("knowledge_example_new", "get"),
        ("knowledge_example_export", "get"),
        ("knowledge_example_import", "post"),
        ("knowledge_know_how", "get"),
    ],
)
def test_anonymous_is_sent_to_login(client, db, name, method):
    assert_sent_to_login(getattr(client, method)(reverse(name)))


@pytest.mark.parametrize("name", ["knowledge_feedback", "knowledge_example_publish", "knowledge_know_how_review"])
def test_anonymous_is_sent_to_login_from_the_buttons(client, db, name):
    assert_sent_to_login(client.post(reverse(name, args=[1])))
