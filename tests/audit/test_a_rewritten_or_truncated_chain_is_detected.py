"""The chain is keyed (HMAC under HOGO_AUDIT_KEY, outside the database) and anchored (the nightly job
appends the head to a file outside the database): someone with only database access can neither
re-hash a rewritten chain nor cut off its tail and adjust the head unnoticed (decision 0022)."""

import importlib
import json
import os
import subprocess
import sys

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from hogo.audit.chain import GENESIS_HASH, entry_hash, legacy_entry_hash
from hogo.audit.context import audit_context
from hogo.audit.models import AuditEntry, AuditHead
from hogo.audit.services import audit_key, record, verify

FIELDS = ("seq", "at", "actor_id", "actor_username", "action", "target_type", "target_id", "office_id", "source")


@pytest.fixture
def anchor_file(settings, tmp_path):
    settings.HOGO_AUDIT_ANCHOR_FILE = str(tmp_path / "anchors" / "audit-anchors.log")
    return tmp_path / "anchors" / "audit-anchors.log"


@pytest.fixture
def six_entries(db, anchor_file):
    with audit_context(source="127.0.0.1"):
        return [record(None, "view", target_type="household", target_id=f"h{i}") for i in range(6)]


def rewrite_from(seq, hasher, **change):
    """What an intruder with database access does: change entry `seq`, then recompute every hash
    from there on with `hasher` and set the head to the new end."""
    AuditEntry.objects.filter(seq=seq).update(**change)
    prev = AuditEntry.objects.get(seq=seq - 1).hash if seq > 1 else GENESIS_HASH
    for entry in AuditEntry.objects.filter(seq__gte=seq).order_by("seq"):
        fields = {name: getattr(entry, name) for name in FIELDS}
        new_hash = hasher(**fields, detail=entry.detail, prev_hash=prev)
        AuditEntry.objects.filter(pk=entry.pk).update(prev_hash=prev, hash=new_hash)
        prev = new_hash
    AuditHead.objects.filter(pk=1).update(last_hash=prev)


def run_command(*args):
    try:
        call_command("audit", *args)
    except SystemExit as exc:
        return exc.code
    return 0


def test_an_intact_chain_verifies_and_matches_its_anchors(six_entries, anchor_file, capsys):
    assert run_command("anchor") == 0
    record(None, "view", target_type="household", target_id="later")
    assert run_command("verify") == 0
    out = capsys.readouterr().out
    assert "OK: 7 entries" in out and "last: entry 6" in out
    assert verify().ok and verify().anchored_seq == 6


def test_a_rewritten_entry_re_hashed_with_the_old_unkeyed_method_is_detected(six_entries, capsys):
    rewrite_from(3, legacy_entry_hash, target_id="someone-else")
    assert run_command("verify") == 1
    assert "BROKEN at entry 3" in capsys.readouterr().err


def test_a_truncated_tail_with_an_adjusted_head_is_detected_through_the_anchor(six_entries, capsys):
    assert run_command("anchor") == 0
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE seq > 4")
    AuditHead.objects.filter(pk=1).update(last_seq=4, last_hash=AuditEntry.objects.get(seq=4).hash)
    assert run_command("verify") == 1
    assert "BROKEN at entry 5: entries 5..6 are missing" in capsys.readouterr().err


def test_a_chain_re_hashed_with_the_key_differs_from_its_anchor(six_entries, capsys):
    assert run_command("anchor") == 0
    rewrite_from(2, lambda **fields: entry_hash(key=audit_key(), **fields), target_id="someone-else")
    assert run_command("verify") == 1
    assert "entry 6 differs from the anchor" in capsys.readouterr().err


def test_the_anchor_is_appended_and_never_rewritten(six_entries, anchor_file):
    run_command("anchor")
    record(None, "view", target_type="household", target_id="later")
    run_command("anchor")
    lines = [json.loads(line) for line in anchor_file.read_text().splitlines()]
    assert [line["seq"] for line in lines] == [6, 7]
    assert lines[1]["hash"] == AuditHead.objects.get(pk=1).last_hash and lines[0]["at"]


def test_a_broken_chain_is_not_anchored(six_entries, anchor_file):
    AuditEntry.objects.filter(seq=2).update(target_id="someone-else")
    assert run_command("anchor") == 1
    assert not anchor_file.exists()


def test_an_unreadable_anchor_file_fails_verification(six_entries, anchor_file):
    anchor_file.parent.mkdir(parents=True, exist_ok=True)
    anchor_file.write_text('{"seq": 6, "hash": "x", "at": "2026-12-01"}\nnot json\n')
    result = verify()
    assert not result.ok and "line 2 cannot be read" in result.problem


def test_the_migration_re_keys_an_intact_unkeyed_chain_and_refuses_a_broken_one(six_entries):
    migration = importlib.import_module("hogo.audit.migrations.0002_grant_action_and_keyed_chain")
    migration.unkey(apps, None)  # back to the first scheme, as before the upgrade
    assert not verify().ok
    migration.rekey(apps, None)
    assert verify().ok
    migration.unkey(apps, None)
    AuditEntry.objects.filter(seq=4).update(target_id="someone-else")
    with pytest.raises(RuntimeError, match="audit entry 4 does not verify"):
        migration.rekey(apps, None)


def test_the_core_refuses_to_start_without_an_audit_key(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "hogo.settings.core",
        "HOGO_SECRET_KEY": "prod-" + "k3y!" * 20,
        "HOGO_ALLOWED_HOSTS": "hogo.example.lg.jp",
        "PATH": os.environ["PATH"],
        "HOGO_ENV_FILE": "",
        "HOGO_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "hogo.cli", "audit", "verify"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "HOGO_AUDIT_KEY" in result.stderr
