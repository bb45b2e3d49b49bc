"""The client's address (decision 0024): X-Forwarded-For counts only from a proxy listed in
HOGO_TRUSTED_PROXIES, read from the right; the login throttle and the audit log's source agree."""

from django.conf import settings
from django.test import RequestFactory, override_settings
from django.urls import reverse

from hogo.audit.context import client_address
from hogo.audit.models import Action, AuditEntry
from tests.factories import PASSWORD

PROXY = "10.0.0.5"
LOCKED = 429


def request_from(peer, forwarded=None):
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def log_in(client, username, password, peer, forwarded):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded
    )


def test_with_no_trusted_proxy_the_peer_is_the_client_whatever_the_header_says():
    assert settings.HOGO_TRUSTED_PROXIES == []
    assert client_address(request_from("203.0.113.9", "192.0.2.1")) == "203.0.113.9"


@override_settings(HOGO_TRUSTED_PROXIES=["10.0.0.0/24"])
def test_only_from_a_trusted_proxy_is_the_rightmost_untrusted_address_the_client():
    # The client wrote "192.0.2.1" itself; the proxy appended the address it really saw.
    assert client_address(request_from(PROXY, "192.0.2.1, 198.51.100.20")) == "198.51.100.20"
    assert client_address(request_from("203.0.113.9", "192.0.2.1")) == "203.0.113.9"


@override_settings(HOGO_TRUSTED_PROXIES=["10.0.0.0/24", "172.16.0.1"])
def test_a_chain_of_trusted_proxies_is_walked_to_the_first_untrusted_hop_and_no_further_than_garbage():
    assert client_address(request_from(PROXY, "192.0.2.1, 198.51.100.20, 172.16.0.1, 10.0.0.9")) == "198.51.100.20"
    assert client_address(request_from(PROXY, "198.51.100.20, not-an-address, 172.16.0.1")) == "172.16.0.1"
    assert client_address(request_from(PROXY)) == PROXY


@override_settings(HOGO_TRUSTED_PROXIES=["10.0.0.0/24"])
def test_behind_a_trusted_proxy_each_client_is_throttled_on_its_own_address_and_a_spoofer_on_its_peer(cast, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "cw", "wrong-password", PROXY, "198.51.100.20")
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "cw_mate", "wrong-password", "203.0.113.9", f"192.0.2.{n}")

    assert log_in(client, "cw", PASSWORD, PROXY, "198.51.100.20").status_code == LOCKED
    client.logout()
    assert log_in(client, "cw", PASSWORD, PROXY, "198.51.100.21").status_code == 302
    client.logout()
    assert log_in(client, "cw_mate", PASSWORD, "203.0.113.9", "192.0.2.200").status_code == LOCKED


@override_settings(HOGO_TRUSTED_PROXIES=["10.0.0.0/24"])
def test_the_audit_entry_names_the_client_behind_the_trusted_proxy_and_the_peer_of_a_spoofer(cast, client):
    log_in(client, "cw", "wrong-password", PROXY, "192.0.2.1, 198.51.100.20")
    log_in(client, "cw", PASSWORD, PROXY, "192.0.2.1, 198.51.100.20")
    client.logout()
    log_in(client, "cw_mate", PASSWORD, "203.0.113.9", "198.51.100.20")

    assert AuditEntry.objects.get(action=Action.LOGIN_FAILED).source == "198.51.100.20"
    assert AuditEntry.objects.get(action=Action.LOGIN, actor_username="cw").source == "198.51.100.20"
    assert AuditEntry.objects.get(action=Action.LOGIN, actor_username="cw_mate").source == "203.0.113.9"
