"""Security basics: argon2, idle session expiry, login throttling, secure headers, secrets
only from the environment, and a clean `hogo check --deploy` with production settings."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "hogo.settings.core",
    "HOGO_SECRET_KEY": "prod-" + "k3y!" * 20,
    "HOGO_AUDIT_KEY": "prod-audit-" + "k3y!" * 10,
    "HOGO_ALLOWED_HOSTS": "hogo.example.lg.jp",
    "PATH": os.environ["PATH"],
    "HOGO_ENV_FILE": "",
}


def run_hogo(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "hogo.cli", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    env = {**PRODUCTION_ENV, "HOGO_VAR_DIR": str(tmp_path)}
    result = run_hogo("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_secret_key_must_come_from_the_environment(tmp_path):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "HOGO_SECRET_KEY"}
    result = run_hogo("check", env={**env, "HOGO_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0 and "HOGO_SECRET_KEY" in result.stderr


def test_passwords_are_hashed_with_argon2_in_both_zones():
    from hogo.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_sessions_expire_after_idle_minutes():
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE == 30 * 60


def test_repeated_failed_logins_lock_the_account_out(cast, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "cw", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "cw", "password": "correct-horse-battery"})
    assert response.status_code == 429
    assert "ログインを一時停止" in response.content.decode()
    assert not AuditEntry.objects.filter(action=Action.LOGIN).exists()


def test_pages_carry_security_headers(cast, login):
    response = login(cast.users["cw"]).get(reverse("home"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cache-Control"] == "no-store"


def test_logout_is_post_only(cast, login):
    client = login(cast.users["cw"])
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302


@pytest.mark.parametrize("path", ["/healthz"])
def test_health_answers_without_login(client, db, path):
    assert client.get(path).json() == {"status": "ok"}
