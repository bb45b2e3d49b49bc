"""Drafting a record from notes through an OpenAI-compatible endpoint: off by default (no form,
no network call); when configured, the draft is shown beside the notes and nothing is saved until
the caseworker saves it. The endpoint here is a real HTTP server on loopback."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import reverse

from hogo.casework import drafting
from hogo.casework.models import CaseRecord


class FakeCompletions(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeCompletions.received.append((self.path, self.headers.get("Authorization"), payload))
        notes = payload["messages"][-1]["content"]
        body = json.dumps(
            {
                "choices": [
                    {
                        "message": {
                            "role": "assistant",
                            "content": (
                                f"【日時】11月20日\n【相手】本人\n【内容】{notes}\n【今後の方針】（記入してください）"
                            ),
                        }
                    }
                ]
            }
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint(settings):
    server = HTTPServer(("127.0.0.1", 0), FakeCompletions)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.HOGO_DRAFT_ENDPOINT = f"http://127.0.0.1:{server.server_port}/v1"
    settings.HOGO_DRAFT_API_KEY = "office-key"
    FakeCompletions.received = []
    yield server
    server.shutdown()


def test_it_is_off_by_default_and_the_page_offers_nothing(cast, rules, login, settings):
    settings.HOGO_DRAFT_ENDPOINT = ""
    assert not drafting.enabled()
    page = login(cast.users["cw"]).get(reverse("record_new", args=[cast.households["own"].public_id])).content.decode()
    assert "メモから下書きを作る" not in page
    with pytest.raises(drafting.DraftUnavailable):
        drafting.draft_from_notes("メモ", ["内容"])


def test_a_draft_is_shown_beside_the_notes_and_not_saved(cast, rules, login, endpoint):
    url = reverse("record_draft", args=[cast.households["own"].public_id])
    response = login(cast.users["cw"]).post(url, {"kind": "phone", "notes": "通院の予定を電話で聞いた"})
    page = response.content.decode()
    assert "【内容】通院の予定を電話で聞いた" in page and "保存するまで記録にはなりません" in page
    assert not CaseRecord.objects.exists()
    path, auth, payload = FakeCompletions.received[0]
    assert path == "/v1/chat/completions" and auth == "Bearer office-key"
    assert "【見出し】" in payload["messages"][0]["content"] and "今後の方針" in payload["messages"][0]["content"]


def test_the_caseworker_saves_the_edited_draft(cast, rules, login, endpoint, today):
    url = reverse("record_new", args=[cast.households["own"].public_id])
    response = login(cast.users["cw"]).post(
        url,
        {
            "kind": "phone",
            "occurred_on": today.isoformat(),
            "body": "【日時】11月20日\n【相手】本人\n【内容】通院の予定を聞いた\n【今後の方針】来月訪問",
        },
    )
    assert response.status_code == 302 and CaseRecord.objects.count() == 1


def test_an_unreachable_endpoint_says_so_and_keeps_the_notes(cast, rules, login, settings):
    settings.HOGO_DRAFT_ENDPOINT = "http://127.0.0.1:9/v1"  # discard port: nothing listens
    url = reverse("record_draft", args=[cast.households["own"].public_id])
    page = login(cast.users["cw"]).post(url, {"kind": "phone", "notes": "残しておくメモ"}).content.decode()
    assert "下書きを作れませんでした" in page and "残しておくメモ" in page
