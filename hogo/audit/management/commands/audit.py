import sys

from django.core.management.base import BaseCommand

from hogo.audit.services import verify


class Command(BaseCommand):
    help = "監査ログの操作。verify: ハッシュチェーンを検証し、壊れていれば最初の不正エントリを示して非0で終了します。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="verify the hash chain")

    def handle(self, *args, action, **options):
        result = verify()
        if result.ok:
            self.stdout.write(f"OK: {result.checked} entries, chain head {result.last_hash}")
            return
        self.stderr.write(
            f"BROKEN at entry {result.broken_seq}: {result.problem} ({result.checked} entries verified before it)"
        )
        sys.exit(1)
