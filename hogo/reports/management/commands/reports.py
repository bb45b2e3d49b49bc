"""`hogo reports`: an operator runs a report from the command line (issue 24, decision 0035).

    hogo reports run NAME --office CODE --month YYYY-MM --out FILE.xlsx|FILE.csv --as USERNAME

As for `hogo payments`, a named person acts (`--as`): the report is that person's, with their office and
scope (a chief's or clerk's is the whole office), and the run is stored and audited as from the page.
The run is computed in this process (no worker needed) and written as XLSX or CSV by the file's suffix."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from hogo.audit.context import audit_context
from hogo.common.refusals import message_of
from hogo.offices.models import Office
from hogo.reports import outputs, services
from hogo.reports.catalogue import REPORTS

OPTIONS = {"report": "NAME", "office": "--office", "month": "--month"}


def refusal_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        return " ".join(
            f"{OPTIONS.get(field, field)}: {message}" if field != "__all__" else message
            for field, messages in exc.message_dict.items()
            for message in messages
        )
    return message_of(exc)


class Command(BaseCommand):
    help = "統計の集計と出力: hogo reports run NAME --office CODE --month YYYY-MM --out FILE.xlsx --as USERNAME"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        run = actions.add_parser("run", help="統計を集計して XLSX 又は CSV に書き出します")
        run.add_argument("report", help="統計の名前: " + ", ".join(REPORTS))
        run.add_argument("--office", required=True, help="福祉事務所の市区町村コード")
        run.add_argument("--month", required=True, help="対象月（YYYY-MM）")
        run.add_argument("--out", required=True, help="書き出すファイル（.xlsx 又は .csv）")
        run.add_argument("--as", dest="username", required=True, help="集計する職員のユーザー名")

    def handle(self, *args, action, report, office, month, out, username, **options):
        actor = get_user_model().objects.filter(username=username, is_active=True).first()
        if actor is None:
            raise CommandError(f"--as {username}: そのユーザーはいません（又は無効です）。")
        path = Path(out)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            raise CommandError(f"--out {out}: 書き出すファイルは .xlsx 又は .csv です。")
        if not path.parent.is_dir():
            raise CommandError(f"--out {out}: 書き出す先のフォルダがありません。")
        found = Office.objects.filter(municipality_code=office).first()
        if found is None:
            raise CommandError(f"--office {office}: その市区町村コードの福祉事務所はありません。")
        with audit_context(source="hogo reports"):
            try:
                run = services.run_now(actor, found, report, month)
            except (ValidationError, PermissionDenied) as exc:
                raise CommandError(refusal_text(exc)) from None
        data = outputs.xlsx(run) if path.suffix.lower() == ".xlsx" else outputs.csv_bytes(run)
        path.write_bytes(data)
        self.stdout.write(str(run.public_id))
        self.stdout.write(f"{REPORTS[run.report].title}（{run.office.name}・{run.month:%Y-%m}）を集計しました。")
        for check in run.result.get("checks", []):
            self.stdout.write(f"  {'一致' if check['ok'] else '不一致'}: {check['label']}")
        self.stdout.write(f"{path}: {len(data):,}バイトを書き出しました。")
