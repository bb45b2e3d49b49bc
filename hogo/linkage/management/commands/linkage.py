from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hogo.audit.context import audit_context
from hogo.linkage import layouts, services
from hogo.linkage.models import Source
from hogo.offices.models import Office

LABELS = {
    "rows": "行数",
    "matched": "突合できた行",
    "drafted": "変更決定を起案した世帯",
    "unchanged": "変更のない行",
    "applied": "記録だけ更新した行",
    "exceptions": "例外（CWの確認が必要）",
    "to_confirm": "CWの確認待ち（住民異動）",
}


class Command(BaseCommand):
    help = (
        "他システムのデータ（年金・介護保険料・要介護認定・障害者手帳・住民異動）を取り込みます: "
        "hogo linkage import SOURCE FILE --office CODE [--dry-run]。様式は docs/linkage/ のとおり。"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import"])
        parser.add_argument("source", choices=Source.values, help="データの種類")
        parser.add_argument("file", help="CSV ファイル（UTF-8 又は Shift_JIS）")
        parser.add_argument("--office", required=True, help="福祉事務所の市区町村コード")
        parser.add_argument("--dry-run", action="store_true", help="確認だけ（何も保存しない）")

    def handle(self, *args, action, source, file, office, dry_run, **options):
        found = Office.objects.filter(municipality_code=office).first()
        if found is None:
            raise CommandError(f"--office {office}: その市区町村コードの福祉事務所はありません。")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: ファイルがありません。")
        try:
            with audit_context(source="hogo linkage"):
                imported = services.import_file(None, found, source, path.name, path.read_bytes(), dry_run=dry_run)
        except layouts.FileRefused as exc:
            raise CommandError(
                "ファイルを取り込めません（何も保存していません）:\n" + "\n".join(exc.refusal.messages)
            ) from None
        if imported.already:
            self.stdout.write("このファイルは既に取り込まれています（何も変更していません）。")
        elif imported.dry_run:
            self.stdout.write("確認だけ行いました（何も保存していません）。")
        for key, label in LABELS.items():
            self.stdout.write(f"{label}: {imported.counts.get(key, 0)}")
        if not imported.dry_run:
            self.stdout.write(f"取込: {imported.run.public_id}")
