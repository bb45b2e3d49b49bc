from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hogo.portal_visits.reminders import send_reminders


class Command(BaseCommand):
    help = "訪問の前日・近況報告の開始と締切前日のお知らせ（ポータル）。cron で毎日 `portal_reminders` を実行します。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="基準日（YYYY-MM-DD、既定は今日）")

    def handle(self, *args, date: str | None, **options):
        try:
            today = _parse(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError(f"--date は YYYY-MM-DD で指定してください: {date}") from None
        self.stdout.write(str(send_reminders(today)))


def _parse(value: str) -> date:
    return date.fromisoformat(value)
