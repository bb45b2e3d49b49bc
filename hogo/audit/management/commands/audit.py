import sys

from django.core.management.base import BaseCommand

from hogo.audit.services import anchor_path, verify, verify_and_anchor
from hogo.audit.tasks import anchor_audit_chain


class Command(BaseCommand):
    help = (
        "監査ログの操作。verify: ハッシュチェーンを検証し、壊れていれば最初の不正エントリを示して非0で終了します。"
        "anchor: 検証して、チェーンの先頭をデータベース外の追記専用ファイルに記録します（毎晩）。"
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="verify the keyed hash chain against the anchors")
        anchor = sub.add_parser("anchor", help="verify, then append the chain head to the anchor file (nightly)")
        anchor.add_argument("--enqueue", action="store_true", help="hand the job to the worker")

    def handle(self, *args, action, **options):
        if action == "anchor" and options.get("enqueue"):
            anchor_audit_chain.enqueue()
            self.stdout.write("enqueued: hogo.audit.tasks.anchor_audit_chain")
            return
        if action == "anchor":
            result, anchor = verify_and_anchor()
        else:
            result, anchor = verify(), None
        if not result.ok:
            self.stderr.write(
                f"BROKEN at entry {result.broken_seq}: {result.problem} ({result.checked} entries verified before it)"
            )
            sys.exit(1)
        self.stdout.write(f"OK: {result.checked} entries, chain head {result.last_hash}")
        if anchor:
            self.stdout.write(f"anchored entry {anchor.seq} in {anchor_path()}")
        elif result.anchored_seq is not None:
            self.stdout.write(f"matches the anchors in {anchor_path()} (last: entry {result.anchored_seq})")
        else:
            self.stdout.write(f"no anchor yet in {anchor_path()}: a deleted tail would not be detected")
