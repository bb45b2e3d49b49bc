"""A logged-in caseworker changes their own password from the header's link: afterwards the old
password no longer logs in and the new one does; a wrong current password or a password the policy
refuses changes nothing and says why on the field."""

from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.common.passwords import DEMO_PASSWORD
from tests.factories import PASSWORD

NEW = "kawasemi-no-hane-2027"


def log_in(client, password):
    return client.post(reverse("login"), {"username": "cw", "password": password})


def test_the_old_password_stops_working_and_the_new_one_logs_in(cast, client):
    assert log_in(client, PASSWORD).status_code == 302
    assert reverse("password_change") in client.get(reverse("home")).content.decode()

    response = client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200  # this session stays logged in
    client.post(reverse("logout"))

    assert log_in(client, PASSWORD).status_code == 200
    assert "ユーザー名又はパスワードが違います" in log_in(client, PASSWORD).content.decode()
    assert log_in(client, NEW).status_code == 302


def test_a_wrong_current_password_changes_nothing(cast, client):
    log_in(client, PASSWORD)
    response = client.post(
        reverse("password_change"), {"old_password": "not-my-password", "new_password1": NEW, "new_password2": NEW}
    )

    assert response.status_code == 200
    assert "現在のパスワード: 正しくありません" in response.content.decode()
    cast.users["cw"].refresh_from_db()
    assert cast.users["cw"].check_password(PASSWORD)
    assert not AuditEntry.objects.filter(action=Action.UPDATE, target_type="user").exists()


def test_the_published_demo_password_is_refused_as_a_new_password(cast, client):
    log_in(client, PASSWORD)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": DEMO_PASSWORD, "new_password2": DEMO_PASSWORD},
    )

    assert response.status_code == 200
    assert "デモ用として公開されているパスワードです" in response.content.decode()
    cast.users["cw"].refresh_from_db()
    assert cast.users["cw"].check_password(PASSWORD)
