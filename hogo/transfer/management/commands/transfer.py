from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from hogo.audit.context import audit_context
from hogo.common.refusals import message_of
from hogo.transfer import keys, services


class Command(BaseCommand):
    help = (
        "ゾーン間の受け渡し（署名付きバンドル、docs/transfer/README.md）: "
        "hogo transfer export --to portal|core --office CODE --out FILE / hogo transfer import FILE / "
        "hogo transfer keys new|export-public|trust|retire"
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="バンドルを書き出す")
        export.add_argument("--to", required=True, choices=["portal", "core"], help="あて先のゾーン")
        export.add_argument("--office", required=True, help="福祉事務所の団体コード")
        export.add_argument("--out", required=True, help="書き出すファイル")
        imported = actions.add_parser("import", help="バンドルを取り込む（だめなら隔離）")
        imported.add_argument("file")
        key = actions.add_parser("keys", help="署名鍵")
        key_actions = key.add_subparsers(dest="key_action", required=True)
        new = key_actions.add_parser("new", help="新しい署名鍵（以後これで署名）")
        new.add_argument("--zone", required=True, choices=["core", "portal"])
        new.add_argument("--office", required=True)
        public = key_actions.add_parser("export-public", help="公開鍵を表示（受け取る側で trust）")
        public.add_argument("key_id")
        trust = key_actions.add_parser("trust", help="送り元の公開鍵を信頼する")
        trust.add_argument("file")
        retire = key_actions.add_parser("retire", help="鍵を廃止（以後その鍵のバンドルは拒否）")
        retire.add_argument("key_id")

    def handle(self, *args, action, **options):
        try:
            with audit_context(source="hogo transfer"):
                if action == "export":
                    self.export(options["to"], options["office"], Path(options["out"]))
                elif action == "import":
                    self.import_(Path(options["file"]))
                else:
                    self.keys(options)
        except services.ImportRefused as exc:
            q = exc.quarantined
            raise CommandError(
                f"バンドルを取り込めません（何も取り込んでいません）: {q.reason_code}\n{q.reason}\n隔離: {q.stored_as}"
            ) from None
        except ValidationError as exc:
            raise CommandError(message_of(exc)) from None

    def export(self, to: str, office: str, out: Path) -> None:
        if out.exists():
            raise CommandError(f"{out}: 既にあります（上書きしません）。")
        data = services.export_bundle(office, to)
        out.write_bytes(data)
        self.stdout.write(f"書き出し: {out}（{len(data):,} バイト）")

    def import_(self, path: Path) -> None:
        if not path.is_file():
            raise CommandError(f"{path}: ファイルがありません。")
        received = services.import_bundle(path.read_bytes(), path.name)
        if received.already:
            self.stdout.write("このバンドルは既に取り込まれています（何も変更していません）。")
        else:
            self.stdout.write(f"取込: {received.bundle.bundle_id}")
        for record_type, count in sorted(received.counts.items()):
            self.stdout.write(f"{record_type}: {count}")

    def keys(self, options) -> None:
        what = options["key_action"]
        if what == "new":
            key_id = keys.new_key(options["zone"], options["office"])
            self.stdout.write(f"新しい鍵: {key_id}（以後この鍵で署名します）")
            self.stdout.write(f"公開鍵: hogo transfer keys export-public {key_id} を受け取る側で trust してください。")
        elif what == "export-public":
            self.stdout.write(keys.export_public(options["key_id"]), ending="")
        elif what == "trust":
            path = Path(options["file"])
            if not path.is_file():
                raise CommandError(f"{path}: ファイルがありません。")
            key, created = keys.trust(path.read_bytes().decode("utf-8", "replace"))
            self.stdout.write(f"{'信頼しました' if created else '既に信頼しています'}: {key.key_id}")
        else:
            keys.retire(options["key_id"])
            self.stdout.write(f"廃止しました: {options['key_id']}（以後この鍵のバンドルは受け付けません）")
