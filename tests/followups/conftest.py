from datetime import date, timedelta

import pytest
from django.utils import timezone

from hogo.followups.generate import regenerate_chunk
from hogo.followups.rules import ensure_rules


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def rules(cast, today):
    """Office A's rules, in effect for two years, by code."""
    return {r.code: r for r in ensure_rules(cast.office_a, effective_from=today - timedelta(days=730))}


@pytest.fixture
def regenerate(today):
    def run(*households, on: date | None = None):
        return regenerate_chunk([h.pk for h in households], on or today)

    return run
