"""`hogo backup --out DIR`: the database, MEDIA_ROOT and the audit chain's anchor in one folder
(hogo/common/backup.py; docs/operations.md 「バックアップと復元」)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hogo.common.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "バックアップ: データベース（pg_dump またはSQLiteの複製）、添付ファイル、"
        "監査ログのアンカーを一つのフォルダに書きます。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, type=Path, help="a new (or empty) folder")

    def handle(self, *args, out: Path, **options):
        started = time.perf_counter()
        try:
            manifest = backup(out)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        audit = manifest["audit"]
        rows = sum(manifest["tables"].values())
        self.stdout.write(f"backup: {out} ({manifest['vendor']}, {len(manifest['tables'])} tables, {rows} rows)")
        if audit["ok"]:
            self.stdout.write(f"audit chain OK: {audit['seq']} entries, head {audit['hash']} (anchored)")
        else:
            self.stderr.write(f"audit chain BROKEN: {audit['problem']} (backed up as it is, not anchored)")
        self.stdout.write(f"took {time.perf_counter() - started:.1f} s")
