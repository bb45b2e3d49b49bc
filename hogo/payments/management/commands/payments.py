"""`hogo payments`: the operator's payment run from the command line (issue 21, decision 0032).

    hogo payments run --office CODE --month YYYY-MM [--kind monthly|extra] [--pay-on YYYY-MM-DD]
                      [--include-pending] --as USERNAME
    hogo payments zengin RUN_ID --out FILE --as USERNAME

A run is drafted by a real person (the chief approves it, and the approvals module refuses the drafter
approving their own run), so `--as` names the clerk or chief of the office who acts; the services
check their role and write the audit records as for the pages."""

import uuid
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from hogo.audit.context import audit_context
from hogo.common.refusals import message_of
from hogo.offices.models import Office
from hogo.payments import services
from hogo.payments.models import RunKind

OPTIONS = {"month": "--month", "kind": "--kind", "pay_on": "--pay-on", "include_pending": "--include-pending"}


def refusal_text(exc: Exception) -> str:
    """A service's refusal as one text; a field it names is said as the option that gave it."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        return " ".join(
            f"{OPTIONS.get(field, field)}: {message}" if field != "__all__" else message
            for field, messages in exc.message_dict.items()
            for message in messages
        )
    return message_of(exc)


class Command(BaseCommand):
    help = (
        "支給の計算と全銀ファイルの出力: hogo payments run --office CODE --month YYYY-MM --as USERNAME / "
        "hogo payments zengin RUN_ID --out FILE --as USERNAME。決裁は課長が画面で行います。"
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        run = actions.add_parser("run", help="支給を計算して起案します（課長の決裁待ち）")
        run.add_argument("--office", required=True, help="福祉事務所の市区町村コード")
        run.add_argument("--month", required=True, help="支給月（YYYY-MM）")
        run.add_argument("--kind", choices=RunKind.values, default=RunKind.MONTHLY, help="定例支給又は随時払")
        run.add_argument("--pay-on", help="随時払の支給日（YYYY-MM-DD）")
        run.add_argument(
            "--include-pending", action="store_true", help="起案中・差戻しの決定があっても承知のうえで計算する"
        )
        run.add_argument("--as", dest="username", required=True, help="計算する事務員又は課長のユーザー名")
        zengin = actions.add_parser("zengin", help="決裁済みの支給の全銀ファイル（総合振込）を書き出します")
        zengin.add_argument("run_id", help="支給の ID（run が表示したもの）")
        zengin.add_argument("--out", required=True, help="書き出すファイル")
        zengin.add_argument("--as", dest="username", required=True, help="出力する事務員又は課長のユーザー名")

    def handle(self, *args, action, username, **options):
        actor = get_user_model().objects.filter(username=username, is_active=True).first()
        if actor is None:
            raise CommandError(f"--as {username}: そのユーザーはいません（又は無効です）。")
        with audit_context(source="hogo payments"):
            try:
                if action == "run":
                    self.run(actor, **options)
                else:
                    self.zengin(actor, **options)
            except (ValidationError, PermissionDenied) as exc:
                raise CommandError(refusal_text(exc)) from None

    def run(self, actor, *, office, month, kind, pay_on, include_pending, **options):
        found = Office.objects.filter(municipality_code=office).first()
        if found is None:
            raise CommandError(f"--office {office}: その市区町村コードの福祉事務所はありません。")
        if pay_on is not None:
            try:
                pay_on = date.fromisoformat(pay_on)
            except ValueError:
                raise CommandError(f"--pay-on {pay_on}: 支給日は YYYY-MM-DD の形で指定してください。") from None
        run = services.compute_run(actor, found, month, kind=kind, pay_on=pay_on, include_pending=include_pending)
        totals = run.totals
        self.stdout.write(str(run.public_id))
        self.stdout.write(
            f"{run.month.year}年{run.month.month}月の{run.get_kind_display()}（支給日 {run.pay_on:%Y-%m-%d}）を"
            "計算しました。課長の決裁を待っています。"
        )
        self.stdout.write(f"件数: {totals.get('payments', 0):,}件（{totals.get('households', 0):,}世帯）")
        for key, label in (("bank", "口座振込"), ("counter", "窓口払")):
            count = sum(v["count"] for k, v in totals.get("by_method", {}).items() if k.endswith(f":{key}"))
            amount = sum(v["total"] for k, v in totals.get("by_method", {}).items() if k.endswith(f":{key}"))
            self.stdout.write(f"  {label}: {count:,}件 {amount:,}円")
        if totals.get("offset"):
            self.stdout.write(f"控除（法第78条の2）: {totals['offset']:,}円")
        self.stdout.write(f"合計: {totals.get('net', 0):,}円")
        if run.pending:
            self.stdout.write(f"起案中・差戻しの決定がある世帯: {len(run.pending)}件（承知のうえで計算）")
        if run.overpaid:
            self.stdout.write(f"過払いの月: {len(run.overpaid)}件（法第63条の検討へ）")

    def zengin(self, actor, *, run_id, out, **options):
        try:
            public_id = uuid.UUID(run_id)
        except ValueError:
            raise CommandError(f"{run_id}: 支給の ID ではありません。") from None
        try:
            run = services.open_run(actor, public_id)
        except Http404 as exc:
            raise CommandError(f"{run_id}: {exc}") from None
        data = services.export_zengin(actor, run)
        path = Path(out)
        if not path.parent.is_dir():
            raise CommandError(f"--out {out}: 書き出す先のフォルダがありません。")
        path.write_bytes(data)
        transfers = run.payments.filter(method="bank").count()
        self.stdout.write(f"{path}: 全銀ファイル {len(data):,}バイト（振込 {transfers:,}件）を書き出しました。")
