"""The test suite's socket guard (tests/no_outbound.py, issue 22) is what lets the whole suite prove
the core stays silent: a connection outside the machine is refused at once, naming the address,
while loopback and the test database still work."""

import socket
import threading
import time
import urllib.error
import urllib.request

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from tests import no_outbound as module

TEST_NET = ("192.0.2.1", 80)  # TEST-NET-1 (RFC 5737): never routed


def test_the_guard_is_on_for_the_whole_run_unless_turned_off():
    assert module.guard.installed == module.ENABLED


def test_a_connection_to_test_net_is_refused_at_once_naming_the_address(no_outbound):
    started = time.monotonic()
    with pytest.raises(module.NoOutbound, match=r"192\.0\.2\.1:80"):
        socket.create_connection(TEST_NET, timeout=10)
    with socket.socket() as sock, pytest.raises(module.NoOutbound, match=r"192\.0\.2\.1:80"):
        sock.connect(TEST_NET)
    with socket.socket() as sock, pytest.raises(module.NoOutbound, match=r"192\.0\.2\.1:80"):
        sock.connect_ex(TEST_NET)
    assert time.monotonic() - started < 1  # refused here, not after a connect timeout
    assert no_outbound.take_refused() == ["192.0.2.1:80"] * 3


def test_a_refusal_swallowed_by_the_code_is_still_recorded(no_outbound):
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen("http://192.0.2.1/", timeout=10)  # urllib turns the refusal into URLError
    assert no_outbound.take_refused() == ["192.0.2.1:80"]


def test_a_name_outside_is_not_even_looked_up(no_outbound):
    with pytest.raises(module.NoOutbound, match=r"example\.com:443"):
        socket.getaddrinfo("example.com", 443)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock, pytest.raises(module.NoOutbound, match="53"):
        sock.sendto(b"\0", ("192.0.2.53", 53))
    assert len(no_outbound.take_refused()) == 2


def test_loopback_still_connects(no_outbound):
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        accepting = threading.Thread(target=lambda: server.accept()[0].close(), daemon=True)
        accepting.start()
        socket.create_connection(("localhost", port), timeout=5).close()
        accepting.join(timeout=5)
    assert no_outbound.take_refused() == []


@pytest.mark.django_db(transaction=True)
def test_the_test_database_still_connects(no_outbound):
    connection.close()  # a fresh connection, opened under the guard
    get_user_model().objects.create(username="guarded")
    assert get_user_model().objects.filter(username="guarded").exists()
    assert no_outbound.take_refused() == []
