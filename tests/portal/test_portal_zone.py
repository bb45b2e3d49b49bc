"""The portal zone runs from the same code with only the portal apps and its own database."""

import os
import subprocess
import sys


def test_portal_settings_install_no_core_app_and_migrate_their_own_database(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "HOGO_ENV_FILE": "",
        "DJANGO_SETTINGS_MODULE": "hogo.settings.portal",
        "HOGO_SECRET_KEY": "portal-" + "s" * 50,
        "HOGO_VAR_DIR": str(tmp_path),
        "HOGO_HTTPS": "false",
    }
    script = (
        "import django; django.setup(); from django.apps import apps; "
        "print(','.join(c.name for c in apps.get_app_configs() if c.name.startswith('hogo.')))"
    )
    apps = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout
    portal_apps = ["portal", "recipient_portal", "portal_visits", "portal_voice", "portal_notify"]
    assert apps.strip().split(",") == ["hogo.common", "hogo.transfer", *(f"hogo.{a}" for a in portal_apps)]
    migrate = subprocess.run(
        [sys.executable, "-m", "hogo.cli", "migrate", "--noinput", "-v0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert migrate.returncode == 0, migrate.stderr
    assert (tmp_path / "portal.sqlite3").exists() and not (tmp_path / "hogo.sqlite3").exists()
