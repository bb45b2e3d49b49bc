import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hogo.demo.load import DEFAULT_PASSWORD, existing_accounts, load_demo
from hogo.households.demo import OFFICES
from hogo.households.models import Household
from hogo.linkage.demo import write_samples
from hogo.offices.models import Office
from hogo.transfer import keys


class Command(BaseCommand):
    help = "合成（架空）のデモデータを作ります: 2つの福祉事務所、職員、N世帯。同じ seed で再実行しても重複しません。"

    def add_arguments(self, parser):
        parser.add_argument("--households", type=int, required=True, help="number of households (both offices)")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--password", default=DEFAULT_PASSWORD, help="password of every demo account")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only when the database has no households yet; otherwise list the accounts",
        )
        parser.add_argument("--json", dest="as_json", action="store_true", help="print the accounts as a JSON list")

    def handle(self, *args, households, seed, password, as_json, if_empty, **options):
        if not settings.HOGO_ALLOW_DEMO:
            raise CommandError(
                "デモデータは HOGO_ALLOW_DEMO=true のときだけ作れます（本番環境では作らないでください）。"
            )
        if households < 1:
            raise CommandError("--households must be at least 1")
        if if_empty and Household.objects.exists():
            self.stdout.write("世帯データが既にあるため、デモデータは作りませんでした。アカウント:")
            for username, role, office in existing_accounts():
                self.stdout.write(f"  {username:12} {role:11} {office}")
            return
        accounts = load_demo(households, seed=seed, password=password)
        for spec in OFFICES:  # the demo offices sign their exports (SMS, deposit inquiries, bundles to the portal)
            if not list(keys.keys_dir().glob(f"core-{spec.municipality_code}-*.key")):
                keys.new_key("core", spec.municipality_code)
        samples = [
            path
            for spec in OFFICES
            for office in Office.objects.filter(municipality_code=spec.municipality_code)
            for path in write_samples(office, spec.key, timezone.localdate(), seed)
        ]
        if as_json:
            self.stdout.write(
                json.dumps(
                    [
                        {"username": a.username, "role": a.role, "office": a.office, "created": a.created}
                        for a in accounts
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        self.stdout.write(f"デモデータ: {households} 世帯（2事務所）。パスワードは全アカウント共通: {password}")
        for a in accounts:
            self.stdout.write(f"  {a.username:12} {a.role:11} {a.office}{'' if a.created else '（既存）'}")
        self.stdout.write("連携データのサンプル（合成）: " + "、".join(str(p) for p in samples))
