"""hogo.transfer is installed in both zones: its tables name offices by code (the portal has no Office
table), its migrations depend on no core app, and they apply under the portal's settings."""

import os
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.db import models
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parents[2]


def test_no_transfer_table_has_a_foreign_key():
    for model in apps.get_app_config("transfer").get_models():
        assert not [f for f in model._meta.get_fields() if isinstance(f, models.ForeignKey)], model


def test_the_migrations_depend_on_no_other_app():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    ours = [m for (app, _), m in loader.disk_migrations.items() if app == "transfer"]

    assert ours and all(app == "transfer" for m in ours for app, _ in m.dependencies)


def test_the_portal_migrates_the_transfer_app(tmp_path):
    env = {
        **os.environ,
        "HOGO_ENV_FILE": "",
        "DJANGO_SETTINGS_MODULE": "hogo.settings.portal",
        "HOGO_SECRET_KEY": "portal-test-" + "x" * 40,
        "HOGO_VAR_DIR": str(tmp_path),
        "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "django", "migrate", "transfer", "--noinput"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    assert "Applying transfer.0001" in done.stdout
