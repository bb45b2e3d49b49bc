import sys

from django.core.management.base import BaseCommand, CommandError

from hogo.audit.context import audit_context
from hogo.households.positions import import_positions
from hogo.offices.models import Office


class Command(BaseCommand):
    help = (
        "世帯の位置（緯度・経度）を CSV から取り込みます。列: case_number,latitude,longitude。"
        "1行でも誤りがあれば何も反映しません。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV ファイル（UTF-8、- は標準入力）")
        parser.add_argument("--office", required=True, help="福祉事務所の団体コード（6桁）")

    @audit_context(source="hogo positions")
    def handle(self, *args, file, office, **options):
        target = Office.objects.filter(municipality_code=office).first()
        if target is None:
            raise CommandError(f"団体コード {office} の福祉事務所はありません。")
        if file == "-":
            result = import_positions(sys.stdin, target)
        else:
            try:
                with open(file, encoding="utf-8-sig", newline="") as lines:
                    result = import_positions(lines, target)
            except OSError as exc:
                raise CommandError(f"{file} を読めません: {exc}") from None
        if result["errors"]:
            for error in result["errors"]:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result['errors'])} 件の誤りがあるため、何も反映していません。")
        self.stdout.write(f"位置を更新: {result['updated']} 世帯、変更なし: {result['unchanged']} 世帯")
