"""Start-up checks for the outbound allow-list (issue 22): a drafting endpoint or a mail relay that
is not on HOGO_OUTBOUND_ALLOWED is an error in `hogo check` and `hogo check --deploy` (and so stops
every management command); `--deploy` warns when the core lists a destination outside its own
network (neither loopback nor RFC 1918)."""

import os
import subprocess
import sys

from django.core.checks import run_checks
from django.test import override_settings


def ids(deploy=False):
    return sorted(m.id for m in run_checks(include_deployment_checks=deploy) if m.id.startswith("hogo."))


def test_nothing_configured_is_no_issue():
    with override_settings(HOGO_OUTBOUND_ALLOWED=[], HOGO_DRAFT_ENDPOINT="", EMAIL_HOST=""):
        assert ids() == [] and ids(deploy=True) == []


def test_a_drafting_endpoint_off_the_list_is_an_error_naming_it():
    with override_settings(HOGO_OUTBOUND_ALLOWED=[], HOGO_DRAFT_ENDPOINT="http://10.1.2.3:8000/v1", EMAIL_HOST=""):
        errors = [m for m in run_checks() if m.id == "hogo.E022"]
        assert len(errors) == 1 and "10.1.2.3:8000" in errors[0].msg and errors[0].is_serious()
        assert "hogo.E022" in ids(deploy=True)


def test_a_mail_relay_off_the_list_is_an_error_naming_it():
    with override_settings(HOGO_OUTBOUND_ALLOWED=["10.1.2.3:25"], EMAIL_HOST="10.1.2.3", EMAIL_PORT=587):
        errors = [m for m in run_checks() if m.id == "hogo.E023"]
        assert len(errors) == 1 and "10.1.2.3:587" in errors[0].msg


def test_listed_destinations_inside_the_network_pass_both_checks():
    with override_settings(
        HOGO_OUTBOUND_ALLOWED=["10.1.2.3:25", "192.168.10.5:8000"],
        HOGO_DRAFT_ENDPOINT="http://192.168.10.5:8000/v1",
        EMAIL_HOST="10.1.2.3",
        EMAIL_PORT=25,
    ):
        assert ids() == [] and ids(deploy=True) == []


def test_a_loopback_endpoint_needs_no_entry():
    with override_settings(HOGO_OUTBOUND_ALLOWED=[], HOGO_DRAFT_ENDPOINT="http://127.0.0.1:8080/v1", EMAIL_HOST=""):
        assert ids(deploy=True) == []


def test_the_core_listing_an_address_outside_its_network_is_warned_in_deploy_only():
    with override_settings(HOGO_OUTBOUND_ALLOWED=["203.0.113.7:443", "10.0.0.1:25"], EMAIL_HOST=""):
        assert ids() == []
        warnings = [m for m in run_checks(include_deployment_checks=True) if m.id == "hogo.W021"]
        assert len(warnings) == 1 and "203.0.113.7:443" in warnings[0].msg and not warnings[0].is_serious()


def test_the_portal_may_list_addresses_outside_without_a_warning():
    with override_settings(ZONE="portal", HOGO_OUTBOUND_ALLOWED=["203.0.113.7:443"], EMAIL_HOST=""):
        assert ids(deploy=True) == []


def test_a_malformed_entry_is_an_error():
    with override_settings(HOGO_OUTBOUND_ALLOWED=["mail.office.internal"], EMAIL_HOST=""):
        assert ids() == ["hogo.E021"]


def test_an_email_backend_hogo_cannot_vouch_for_is_warned_in_deploy():
    with override_settings(EMAIL_BACKEND="anymail.backends.sendgrid.EmailBackend", EMAIL_HOST=""):
        assert ids() == [] and ids(deploy=True) == ["hogo.W022"]


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "hogo.settings.core",
    "HOGO_SECRET_KEY": "prod-" + "k3y!" * 20,
    "HOGO_AUDIT_KEY": "prod-audit-" + "k3y!" * 10,
    "HOGO_ALLOWED_HOSTS": "hogo.example.lg.jp",
    "PATH": os.environ["PATH"],
    "HOGO_ENV_FILE": "",
}


def run_hogo(*args, **env):
    return subprocess.run(
        [sys.executable, "-m", "hogo.cli", *args],
        env={**PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_hogo_check_refuses_to_pass_with_an_unlisted_relay_and_uses_the_guarded_backend(tmp_path):
    env = {"HOGO_VAR_DIR": str(tmp_path), "HOGO_EMAIL_HOST": "10.9.9.9"}
    result = run_hogo("check", **env)
    assert result.returncode != 0 and "hogo.E023" in result.stderr and "10.9.9.9:25" in result.stderr

    listed = run_hogo(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.EMAIL_BACKEND)",
        HOGO_OUTBOUND_ALLOWED="10.9.9.9:25",
        **env,
    )
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.strip().splitlines()[-1] == "hogo.common.outbound.SMTPBackend"


def test_a_listed_name_is_judged_by_the_addresses_it_resolves_to(monkeypatch):
    from hogo.common import checks

    answers = {"mail.office.internal": ["10.1.2.3"], "relay.example.com": ["10.1.2.4", "203.0.113.9"]}
    monkeypatch.setattr(checks, "_addresses", lambda host: answers.get(host, []))
    listed = ["mail.office.internal:25", "relay.example.com:25", "unknown.invalid:25"]
    with override_settings(HOGO_OUTBOUND_ALLOWED=listed, EMAIL_HOST=""):
        warned = [m.msg for m in run_checks(include_deployment_checks=True) if m.id == "hogo.W021"]
    assert len(warned) == 2
    assert "relay.example.com:25" in warned[0] and "203.0.113.9" in warned[0]
    assert "unknown.invalid:25" in warned[1]
