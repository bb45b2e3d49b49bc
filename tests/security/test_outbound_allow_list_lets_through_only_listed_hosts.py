"""The core connects only to the hosts listed in HOGO_OUTBOUND_ALLOWED (issue 22): the drafting
endpoint is checked before connecting, a redirect may not lead off the list, proxy variables are not
followed, and the SMTP backend refuses an unlisted relay. Loopback never leaves the machine."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.mail import EmailMessage, get_connection

from hogo.common import llm, outbound


def test_an_empty_list_allows_nothing_but_loopback(settings):
    settings.HOGO_OUTBOUND_ALLOWED = []
    assert not outbound.allowed("10.1.2.3", 25)
    assert not outbound.allowed("mail.office.internal", 25)
    assert outbound.allowed("127.0.0.1", 8000) and outbound.allowed("localhost", 25) and outbound.allowed("::1", 25)


def test_a_listed_host_is_allowed_on_its_port_only(settings):
    settings.HOGO_OUTBOUND_ALLOWED = ["10.1.2.3:25", "LLM.Office.Internal:8000", "[fd00::5]:443"]
    assert outbound.allowed("10.1.2.3", 25) and not outbound.allowed("10.1.2.3", 587)
    assert outbound.allowed("llm.office.internal", 8000) and not outbound.allowed("llm.office.internal", 80)
    assert outbound.allowed("fd00::5", 443) and outbound.allowed("[fd00:0::5]", 443)
    assert not outbound.allowed("10.1.2.4", 25)


def test_require_allowed_reads_urls_and_names_the_refused_host(settings):
    settings.HOGO_OUTBOUND_ALLOWED = ["10.1.2.3:8000"]
    assert outbound.require_allowed("http://10.1.2.3:8000/v1") == ("10.1.2.3", 8000)
    assert outbound.require_allowed("10.1.2.3", 8000) == ("10.1.2.3", 8000)
    with pytest.raises(outbound.OutboundRefused, match=r"api\.openai\.com:443"):
        outbound.require_allowed("https://api.openai.com/v1")
    with pytest.raises(outbound.OutboundRefused, match=r"10\.1\.2\.3:80 "):
        outbound.require_allowed("http://10.1.2.3/v1")  # the scheme's port, which is not listed


def test_an_entry_that_is_not_host_and_port_is_refused_naming_it():
    for bad in ("10.1.2.3", "mail:smtp", "fd00::5:25", "host:0", ":25"):
        with pytest.raises(ValueError, match="HOGO_OUTBOUND_ALLOWED"):
            outbound.parse_entry(bad)


def test_an_unlisted_drafting_endpoint_is_refused_before_any_connection(settings, no_outbound):
    settings.HOGO_OUTBOUND_ALLOWED = []
    settings.HOGO_DRAFT_ENDPOINT = "http://192.0.2.10:8000/v1"
    with pytest.raises(llm.Unavailable, match=r"192\.0\.2\.10:8000 は接続を許可された宛先"):
        llm.chat("system", "user")
    assert no_outbound.take_refused() == []  # refused by the allow-list, not by the test guard


class RedirectOffTheList(BaseHTTPRequestHandler):
    def do_POST(self):
        self.send_response(302)
        self.send_header("Location", "http://192.0.2.10/steal")
        self.end_headers()

    def log_message(self, *args):
        pass


class Completions(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        body = json.dumps({"choices": [{"message": {"content": "下書き"}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(handler):
    server = HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_redirect_off_the_list_is_not_followed(settings, no_outbound):
    server = serve(RedirectOffTheList)
    try:
        settings.HOGO_DRAFT_ENDPOINT = f"http://127.0.0.1:{server.server_port}/v1"
        with pytest.raises(llm.Unavailable, match=r"192\.0\.2\.10:80 は"):
            llm.chat("system", "user")
    finally:
        server.shutdown()
    assert no_outbound.take_refused() == []


def test_proxy_variables_do_not_send_the_request_elsewhere(settings, monkeypatch, no_outbound):
    server = serve(Completions)
    try:
        monkeypatch.setenv("http_proxy", "http://192.0.2.20:3128")
        monkeypatch.setenv("HTTP_PROXY", "http://192.0.2.20:3128")
        monkeypatch.setenv("no_proxy", "")
        monkeypatch.setenv("NO_PROXY", "")
        settings.HOGO_DRAFT_ENDPOINT = f"http://127.0.0.1:{server.server_port}/v1"
        assert llm.chat("system", "user") == "下書き"
    finally:
        server.shutdown()
    assert no_outbound.take_refused() == []


def test_the_smtp_backend_refuses_an_unlisted_relay_before_connecting(settings, no_outbound):
    settings.HOGO_OUTBOUND_ALLOWED = []
    connection = get_connection("hogo.common.outbound.SMTPBackend", host="192.0.2.30", port=25)
    with pytest.raises(outbound.OutboundRefused, match=r"192\.0\.2\.30:25"):
        connection.send_messages([EmailMessage("件名", "本文", "hogo@localhost", ["cw@example.lg.jp"])])
    assert no_outbound.take_refused() == []
