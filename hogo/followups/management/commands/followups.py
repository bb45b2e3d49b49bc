from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hogo.followups.digest import send_digests
from hogo.followups.generate import regenerate_all
from hogo.followups.tasks import enqueue_regeneration, nightly_followups


class Command(BaseCommand):
    help = "確認事項の再作成と日次ダイジェスト。cron 等で毎晩 `hogo followups nightly` を実行します。"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["nightly", "regenerate", "digest"])
        parser.add_argument("--date", help="基準日（YYYY-MM-DD、既定は今日）")
        parser.add_argument(
            "--enqueue", action="store_true", help="ワーカーに任せる（nightly は1件、regenerate は塊ごと）"
        )

    def handle(self, *args, action, date: str | None, enqueue: bool, **options):
        try:
            today = _parse(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError(f"--date は YYYY-MM-DD で指定してください: {date}") from None
        if action == "nightly" and enqueue:
            nightly_followups.enqueue(today.isoformat())
            self.stdout.write("ワーカーに依頼しました。")
        elif action == "regenerate" and enqueue:
            self.stdout.write(f"{enqueue_regeneration(today)} 個の塊をワーカーに依頼しました。")
        elif action == "digest":
            self.stdout.write(str(send_digests(today)))
        else:
            counts = regenerate_all(today)
            if action == "nightly":
                counts.update(send_digests(today))
            self.stdout.write(str(counts))


def _parse(value: str) -> date:
    return date.fromisoformat(value)
