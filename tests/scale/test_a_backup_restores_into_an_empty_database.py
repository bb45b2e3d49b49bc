"""The backup drill: `hogo backup` of a small demo office, `hogo restore` into an empty database by
another process (another machine's view: its own anchor file and media folder), then `hogo audit
verify` passes on the restored copy and every table holds the same number of rows."""

import json
import os
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from hogo.audit.models import AuditEntry
from hogo.households.models import Household

from .workers import ROOT, database_url

pytestmark = pytest.mark.django_db(transaction=True)


def other_machine(url: str, var_dir) -> dict:
    """The core settings with its own var folder (MEDIA_ROOT, anchor file) and the same audit key."""
    return {
        **os.environ,
        "HOGO_ENV_FILE": "",
        "DJANGO_SETTINGS_MODULE": "hogo.settings.core",
        "DATABASE_URL": url,
        "HOGO_VAR_DIR": str(var_dir),
        "HOGO_AUDIT_ANCHOR_FILE": str(var_dir / "audit-anchors.log"),
        "HOGO_SECRET_KEY": "restore-test-" + "x" * 40,
        "HOGO_AUDIT_KEY": os.environ["HOGO_AUDIT_KEY"],
        "HOGO_HTTPS": "false",
        "HOGO_LOG_LEVEL": "WARNING",
    }


def hogo(env, *args):
    return subprocess.run([sys.executable, "-m", "hogo.cli", *args], env=env, cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(autouse=True)
def anchor_file_and_media(settings, tmp_path):
    """The backup appends its head to the anchor file and copies the media folder: this test's own, not the
    run's (other tests leave their photos in the run's media folder)."""
    settings.HOGO_AUDIT_ANCHOR_FILE = str(tmp_path / "anchors" / "audit-anchors.log")
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def empty_database():
    """A new empty database on the test's server (PostgreSQL) or a new file (SQLite)."""
    if connection.vendor == "postgresql":
        name = f"hogo_restore_{uuid.uuid4().hex[:8]}"
        url = database_url().rsplit("/", 1)[0]
        with psycopg.connect(url.replace("postgres://", "postgresql://") + "/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        yield f"{url}/{name}"
        with psycopg.connect(url.replace("postgres://", "postgresql://") + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    else:
        path = os.path.join(os.path.dirname(connection.settings_dict["NAME"]), f"hogo-restore-{uuid.uuid4().hex}.db")
        yield f"sqlite:///{path}"
        if os.path.exists(path):
            os.remove(path)


def test_a_restored_backup_verifies_and_has_the_same_counts(tmp_path, empty_database):
    call_command("demo", households=20, seed=4, as_json=True)
    default_storage.save("visits/photo-test.jpg", ContentFile(b"not really a jpeg"))
    out = tmp_path / "backup"
    call_command("backup", out=out)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["audit"]["ok"] and manifest["audit"]["seq"] == AuditEntry.objects.count() > 0
    assert manifest["tables"][Household._meta.db_table] == Household.objects.count() > 0

    env = other_machine(empty_database, tmp_path / "restored")
    restored = hogo(env, "restore", "--from", str(out))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "record counts match the backup" in restored.stdout and "1 media files" in restored.stdout
    assert (tmp_path / "restored" / "media" / "visits" / "photo-test.jpg").read_bytes() == b"not really a jpeg"
    verified = hogo(env, "audit", "verify")
    assert verified.returncode == 0 and f"OK: {manifest['audit']['seq']} entries" in verified.stdout
    again = hogo(env, "restore", "--from", str(out))
    assert again.returncode != 0 and "空ではありません" in again.stderr


def test_a_backup_altered_after_it_was_written_is_refused(tmp_path, empty_database):
    call_command("demo", households=5, seed=4, as_json=True)
    out = tmp_path / "backup"
    call_command("backup", out=out)
    with (out / "audit-anchors.log").open("a") as anchors:
        anchors.write('{"seq":1,"hash":"0","at":"x"}\n')
    env = other_machine(empty_database, tmp_path / "restored")
    refused = hogo(env, "restore", "--from", str(out))
    assert refused.returncode != 0 and "SHA-256" in refused.stderr
