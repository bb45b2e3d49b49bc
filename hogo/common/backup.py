"""Backup and restore (`hogo backup --out DIR`, `hogo restore --from DIR`; docs/operations.md, decision 0036).

A backup folder holds:
- `database.dump` (PostgreSQL, `pg_dump` custom format) or `database.sqlite3` (SQLite, the backup API);
- `media.tar.gz`: MEDIA_ROOT (visit photos, attachments);
- `audit-anchors.log`: the anchor file as it was, ending with an anchor of this backup's chain head;
- `manifest.json`: when, which database, the row count of every table and the audit chain's head, all
  read in the same snapshot as the dump (PostgreSQL: a REPEATABLE READ transaction whose snapshot
  `pg_dump --snapshot` uses), and the SHA-256 of each file.

A restore goes into an empty database and an empty MEDIA_ROOT only, checks the files' hashes first, and
ends by verifying the audit chain and comparing every table's row count with the manifest."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from hogo.audit.services import anchor_path, verify, write_anchor

MANIFEST = "manifest.json"
ANCHORS = "audit-anchors.log"
MEDIA = "media.tar.gz"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"


class BackupError(Exception):
    """What stops a backup or a restore, in Japanese for the operator."""


@dataclass
class RestoreReport:
    tables: int
    rows: int
    mismatches: dict
    audit_ok: bool
    audit_message: str
    media_files: int
    anchors_installed: bool

    @property
    def ok(self) -> bool:
        return not self.mismatches and self.audit_ok


def table_counts() -> dict[str, int]:
    """Rows of every table of Hogo's models (and the libraries'), by table name."""
    tables = sorted({m._meta.db_table for m in apps.get_models() if m._meta.managed and not m._meta.proxy})
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # model names
            counts[table] = cursor.fetchone()[0]
    return counts


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def _pg_env_and_args(db: dict) -> tuple[dict, list[str]]:
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["-d", db["NAME"]]
    for flag, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return env, args


def _run(command: list[str], env: dict) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} が失敗しました: {done.stderr.strip()[:2000]}")


def backup(out: Path) -> dict:
    """Write a backup folder; returns its manifest."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise BackupError(f"{out} は空ではありません。新しいフォルダを指定してください。")
    out.mkdir(parents=True, exist_ok=True)
    vendor = connection.vendor
    with transaction.atomic():
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            env, args = _pg_env_and_args(connection.settings_dict)
            command = ["pg_dump", "-Fc", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"]
            _run([*command, "-f", str(out / PG_DUMP), *args], env)
            database_file = PG_DUMP
        elif vendor == "sqlite":
            with connection.cursor() as cursor:  # our transaction's lock keeps writers out until the end
                cursor.execute("SELECT count(*) FROM sqlite_master")
            source, target = sqlite3.connect(connection.settings_dict["NAME"]), sqlite3.connect(out / SQLITE_COPY)
            try:
                source.backup(target)
            finally:
                source.close()
                target.close()
            database_file = SQLITE_COPY
        else:
            raise BackupError(f"{vendor} のバックアップには対応していません。")
        counts = table_counts()
        chain = verify()
    if chain.ok:
        write_anchor(chain)  # the chain head of this backup, kept apart from the database as every night
    source = anchor_path()
    if source.exists():
        shutil.copyfile(source, out / ANCHORS)
    else:
        (out / ANCHORS).write_text("")
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(out / MEDIA, "w:gz") as tar:
        if media_root.exists():
            tar.add(media_root, arcname=".")
    manifest = {
        "created_at": timezone.now().isoformat(timespec="seconds"),
        "vendor": vendor,
        "database_file": database_file,
        "tables": counts,
        "audit": {"ok": chain.ok, "seq": chain.checked, "hash": chain.last_hash, "problem": chain.problem},
        "files": {name: _sha256(out / name) for name in (database_file, MEDIA, ANCHORS)},
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def read_manifest(source: Path) -> dict:
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{source / MANIFEST} を読めません。") from exc
    for name, digest in manifest["files"].items():
        path = source / name
        if not path.exists() or _sha256(path) != digest:
            raise BackupError(f"{path} が欠けているか、バックアップ後に変わっています（SHA-256 不一致）。")
    return manifest


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def restore(source: Path) -> RestoreReport:
    """Restore a backup folder into the configured (empty) database and MEDIA_ROOT, then check it."""
    source = Path(source)
    manifest = read_manifest(source)
    vendor = connection.vendor
    if manifest["vendor"] != vendor:
        raise BackupError(f"{manifest['vendor']} のバックアップは {vendor} に復元できません。")
    if not _database_is_empty():
        raise BackupError("復元先のデータベースが空ではありません。空のデータベースを用意してください。")
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(f"MEDIA_ROOT（{media_root}）が空ではありません。")
    if vendor == "postgresql":
        env, args = _pg_env_and_args(connection.settings_dict)
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        _run([*command, *args, str(source / PG_DUMP)], env)
    else:
        connection.ensure_connection()
        copy = sqlite3.connect(source / SQLITE_COPY)
        try:
            copy.backup(connection.connection)
        finally:
            copy.close()
    connection.close()  # see the restored schema afresh
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / MEDIA, "r:gz") as tar:
        members = [m for m in tar.getmembers() if m.isfile()]
        tar.extractall(media_root, filter="data")
    anchors = anchor_path()
    installed = not anchors.exists()
    if installed:  # a new machine: the anchors up to the backup; an existing file is the operators' to keep
        anchors.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / ANCHORS, anchors)
    counts = table_counts()
    expected = manifest["tables"]
    mismatches = {
        table: (expected.get(table), counts.get(table))
        for table in sorted(set(expected) | set(counts))
        if expected.get(table) != counts.get(table)
    }
    chain = verify()
    message = (
        f"OK: {chain.checked} entries, chain head {chain.last_hash}"
        if chain.ok
        else f"BROKEN at entry {chain.broken_seq}: {chain.problem}"
    )
    return RestoreReport(
        tables=len(counts),
        rows=sum(counts.values()),
        mismatches=mismatches,
        audit_ok=chain.ok,
        audit_message=message,
        media_files=len(members),
        anchors_installed=installed,
    )
