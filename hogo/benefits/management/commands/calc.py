import json
import sys

from django.core.management.base import BaseCommand, CommandError

from hogo.benefits.engine import InputError, calculate, parse_household
from hogo.benefits.explain import explain_text


class Command(BaseCommand):
    help = "1世帯の保護費を計算します（JSON を読み、JSON で出力。--explain で日本語の内訳）。"

    def add_arguments(self, parser):
        parser.add_argument("file", help="household JSON file, or - for standard input")
        parser.add_argument("--explain", action="store_true", help="print the explanation as Japanese text")

    def handle(self, *args, file, explain, **options):
        try:
            text = sys.stdin.read() if file == "-" else open(file, encoding="utf-8").read()
        except OSError as exc:
            raise CommandError(f"file: 読めません ({exc.strerror})", returncode=2) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            where = f"{exc.lineno}行 {exc.colno}列"
            raise CommandError(f"(input): JSON として読めません（{where}）", returncode=2) from None
        try:
            calc = calculate(parse_household(data))
        except InputError as exc:
            raise CommandError(str(exc), returncode=2) from None
        if explain:
            self.stdout.write(explain_text(calc))
        else:
            self.stdout.write(json.dumps(calc.as_dict(), ensure_ascii=False, indent=2))
