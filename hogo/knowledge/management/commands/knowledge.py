import json as json_module

from django.core.management.base import BaseCommand, CommandError

from hogo.knowledge.importer import ImportRefused, ensure_bundled, import_file
from hogo.knowledge.search import QueryError, search

REFERENCE_ONLY = "※ 参考情報です。判断はケースワーカーと福祉事務所が行ってください。"


class Command(BaseCommand):
    help = "ナレッジ: import PATH（法令XML・Markdown・テキスト・PDF を取り込む）、search QUERY、ask QUESTION"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import", "search", "ask"])
        parser.add_argument("text", help="ファイルのパス、又は検索語・質問")
        parser.add_argument("--limit", type=int, default=5)
        parser.add_argument("--json", action="store_true", help="結果を JSON で出力する")
        parser.add_argument("--code", default="", help="import: 出典のコード（同じコードは置き換え）")
        parser.add_argument("--title", default="", help="import: 出典の名称（XML は法令名を使う）")

    def handle(self, *args, action, text, limit, json: bool, code, title, **options):
        if action == "import":
            try:
                source = import_file(text, code=code, title=title)
            except ImportRefused as exc:
                raise CommandError(f"取り込めませんでした（元のナレッジはそのままです）: {exc}") from None
            self.stdout.write(
                f"{source.title}: {source.passages.count()} 件の条文・節を取り込みました（コード {source.code}）。"
            )
            return
        ensure_bundled()
        if not 1 <= limit <= 50:
            raise CommandError("--limit は 1 から 50 までです。")
        try:
            hits = search(text, limit=limit)
        except QueryError as exc:
            raise CommandError(str(exc)) from None
        if json:
            for hit in hits:
                self.stdout.write(json_module.dumps(hit.as_dict(), ensure_ascii=False))
            return
        if not hits:
            self.stdout.write("該当する条文が見つかりませんでした。")
        for hit in hits:
            caption = f"（{hit.caption}）" if hit.caption else ""
            self.stdout.write(f"■ {hit.citation}{caption}  [score {hit.score:.2f}]\n{hit.text}\n")
        if action == "ask":
            self.stdout.write(REFERENCE_ONLY)
