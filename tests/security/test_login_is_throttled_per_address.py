"""One wrong password each for many usernames from one address locks that address (decision 0024);
the lock of a username from one address stays as it was, and other addresses are not affected."""

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD

LOCKED = 429
HERE, ELSEWHERE = "198.51.100.7", "198.51.100.8"


def log_in(client, username, password, address):
    response = client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)
    client.logout()
    return response


@override_settings(HOGO_LOGIN_ADDRESS_FAILURE_LIMIT=6)
def test_one_guess_each_at_many_usernames_locks_that_address_and_no_other(cast, client):
    for n in range(5):
        assert log_in(client, f"guess{n}", "wrong-password", HERE).status_code == 200
    assert log_in(client, "guess5", "wrong-password", HERE).status_code == LOCKED

    assert log_in(client, "cw", PASSWORD, HERE).status_code == LOCKED
    assert log_in(client, "cw_mate", PASSWORD, HERE).status_code == LOCKED
    assert log_in(client, "cw", PASSWORD, ELSEWHERE).status_code == 302


@override_settings(HOGO_LOGIN_ADDRESS_FAILURE_LIMIT=6)
def test_the_account_lock_stays_and_the_address_lock_comes_at_its_own_higher_limit(cast, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "cw", "wrong-password", HERE)
    assert log_in(client, "cw", PASSWORD, HERE).status_code == LOCKED
    assert log_in(client, "cw_mate", PASSWORD, HERE).status_code == 302  # 3 of 6: the address is open

    for n in range(6 - settings.AXES_FAILURE_LIMIT):
        log_in(client, f"guess{n}", "wrong-password", HERE)

    assert log_in(client, "cw_mate", PASSWORD, HERE).status_code == LOCKED


@override_settings(HOGO_LOGIN_ADDRESS_FAILURE_LIMIT=6)
def test_one_valid_account_does_not_clear_the_count_of_guesses_at_the_others(cast, client):
    for n in range(5):
        log_in(client, f"guess{n}", "wrong-password", HERE)
    assert log_in(client, "cw", PASSWORD, HERE).status_code == 302
    log_in(client, "guess5", "wrong-password", HERE)

    assert log_in(client, "cw_mate", PASSWORD, HERE).status_code == LOCKED


def test_the_address_limit_is_stated_and_above_the_per_account_limit():
    from hogo.settings import base

    assert base.HOGO_LOGIN_ADDRESS_FAILURE_LIMIT == 20
    assert base.AXES_FAILURE_LIMIT == 5
    assert base.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"], ["ip_address"]]
