"""The rules an office works with: seeded from `default_rules.json` the first time they are needed,
then edited by an administrator."""

import json
from datetime import date
from pathlib import Path

from django.db import transaction

from .models import FollowupRule

DEFAULTS_FILE = Path(__file__).with_name("default_rules.json")
RECOGNITION = "declaration_recognition"
DEFAULT_RECOGNITION_DAYS = 7


def default_rules() -> list[dict]:
    return json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))["rules"]


def ensure_rules(office, effective_from: date | None = None) -> list[FollowupRule]:
    """The office's rules, creating the defaults when it has none yet."""
    with transaction.atomic():
        existing = list(FollowupRule.objects.filter(office=office))
        if existing:
            return existing
        extra = {"effective_from": effective_from} if effective_from else {}
        for values in default_rules():
            rule = FollowupRule(office=office, **values, **extra)
            rule.full_clean()
            rule.save()
        return list(FollowupRule.objects.filter(office=office))


def recognition_rule(office) -> FollowupRule | None:
    return next((r for r in ensure_rules(office) if r.code == RECOGNITION and r.active), None)
