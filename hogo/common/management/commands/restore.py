"""`hogo restore --from DIR`: a `hogo backup` folder into an empty database and an empty MEDIA_ROOT, then
the audit chain verified and every table's row count compared with the backup's (hogo/common/backup.py)."""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hogo.audit.services import anchor_path
from hogo.common.backup import BackupError, restore


class Command(BaseCommand):
    help = "復元: hogo backup のフォルダを空のデータベースに戻し、監査ログの検証と件数の照合をします。"

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="source", required=True, type=Path, help="a folder written by hogo backup")

    def handle(self, *args, source: Path, **options):
        started = time.perf_counter()
        try:
            report = restore(source)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"restored: {report.tables} tables, {report.rows} rows, {report.media_files} media files")
        if report.anchors_installed:
            self.stdout.write(f"anchors of the backup written to {anchor_path()}")
        else:
            self.stdout.write(f"anchors: kept the existing {anchor_path()}")
        for table, (expected, found) in report.mismatches.items():
            self.stderr.write(f"count mismatch: {table}: backup {expected}, restored {found}")
        if not report.mismatches:
            self.stdout.write("record counts match the backup")
        (self.stdout if report.audit_ok else self.stderr).write(f"audit verify: {report.audit_message}")
        self.stdout.write(f"took {time.perf_counter() - started:.1f} s")
        if not report.ok:
            sys.exit(1)
