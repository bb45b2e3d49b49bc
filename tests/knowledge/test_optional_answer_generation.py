"""Answer drafts through an office's OpenAI-compatible endpoint: off by default; when configured,
shown beside the passages and refused when they cite anything not retrieved. The endpoint is a real
HTTP server on loopback that answers what the test tells it to."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import reverse

from hogo.knowledge.models import Question

QUESTION = "申請から何日以内に決定しないといけない？"


class Scripted(BaseHTTPRequestHandler):
    reply = ""
    prompts = []

    def do_POST(self):
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Scripted.prompts.append(payload["messages"][-1]["content"])
        body = json.dumps({"choices": [{"message": {"content": Scripted.reply}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint(settings):
    server = HTTPServer(("127.0.0.1", 0), Scripted)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.HOGO_DRAFT_ENDPOINT = f"http://127.0.0.1:{server.server_port}/v1"
    Scripted.prompts = []
    yield Scripted
    server.shutdown()


def ask(cast, login, generate=True):
    params = {"q": QUESTION, **({"generate": "1"} if generate else {})}
    return login(cast.users["cw"]).post(reverse("knowledge_ask"), params)


def test_off_by_default_no_option_and_no_call(cast, login, settings):
    settings.HOGO_DRAFT_ENDPOINT = ""
    response = ask(cast, login)
    assert "回答の案も作る" not in response.content.decode() and response.context["generated"] == ""


def test_an_answer_citing_the_retrieved_passages_is_shown_beside_them(cast, login, endpoint):
    endpoint.reply = (
        "申請のあった日から14日以内に通知しなければなりません [1]。特別な理由があれば30日まで延ばせます [1]。"
    )
    response = ask(cast, login)
    page = response.content.decode()
    assert "回答の案（自動生成）" in page and "14日以内に通知" in page
    assert "[1] 生活保護法第24条第5項" in endpoint.prompts[0]
    assert Question.objects.get().generated.startswith("申請のあった日から")


def test_an_answer_citing_an_article_that_was_not_retrieved_is_not_shown(cast, login, endpoint):
    endpoint.reply = "生活保護法第99条により7日以内です [1]。"
    page = ask(cast, login).content.decode()
    assert "第99条" in page and "表示しません" in page and "7日以内です" not in page


def test_an_answer_without_numbered_citations_is_not_shown(cast, login, endpoint):
    endpoint.reply = "14日以内です。"
    page = ask(cast, login).content.decode()
    assert "番号で引用していない" in page
