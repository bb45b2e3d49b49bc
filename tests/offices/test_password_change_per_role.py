"""Per-role access to パスワードの変更: everyone who can log in to the core changes their own password
(and only their own: the form has no user to name), and the change is in the audit log."""

import pytest
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from tests.factories import PASSWORD
from tests.roles import ROLES, assert_sent_to_login

ROLE_TESTED_URLS = ["password_change"]
NEW = "kawasemi-no-hane-2027"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_changes_its_own_password_and_the_change_is_audited(cast, everyone, login, role):
    user = everyone[role]
    bystander = everyone["sv" if role != "sv" else "cw"]
    client = login(user)
    assert client.get(reverse("password_change")).status_code == 200

    response = client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    )

    assert response.status_code == 302 and response.url == reverse("home")
    user.refresh_from_db()
    bystander.refresh_from_db()
    assert user.check_password(NEW) and not user.check_password(PASSWORD)
    assert bystander.check_password(PASSWORD)
    entry = AuditEntry.objects.get(action=Action.UPDATE, target_type="user")
    assert (entry.actor_id, entry.target_id, entry.detail) == (user.pk, str(user.pk), {"changed": "password"})


def test_anonymous_is_sent_to_login(client, db):
    assert_sent_to_login(client.get(reverse("password_change")))
    assert_sent_to_login(
        client.post(reverse("password_change"), {"old_password": "x", "new_password1": NEW, "new_password2": NEW})
    )
