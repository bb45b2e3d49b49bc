from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hogo.audit.context import audit_context
from hogo.checkins.services import run_daily


class Command(BaseCommand):
    help = (
        "近況報告の日次処理（報告日が来たものを作り、締切を過ぎて未回答のものを確認事項にする）。"
        "cron で毎朝 `hogo checkins daily` を実行します。"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["daily"])
        parser.add_argument("--date", help="基準日（YYYY-MM-DD、既定は今日）")

    def handle(self, *args, action, date: str | None, **options):
        try:
            today = _parse(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError(f"--date は YYYY-MM-DD で指定してください: {date}") from None
        with audit_context(source="worker"):
            self.stdout.write(str(run_daily(today)))


def _parse(value: str) -> date:
    return date.fromisoformat(value)
