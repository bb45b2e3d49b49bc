from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from hogo.followups.generate import regenerate_chunk
from hogo.followups.rules import ensure_rules
from tests.factories import make_household


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def rules(cast, today):
    return {r.code: r for r in ensure_rules(cast.office_a, effective_from=today - timedelta(days=730))}


@pytest.fixture
def located(cast, rules, today):
    """Office A at a fixed point and three more households of the CW with coordinates, their
    visits due (the rules took effect two years ago)."""
    office = cast.office_a
    office.latitude, office.longitude = Decimal("35.680000"), Decimal("139.760000")
    office.save()
    points = [("35.700000", "139.700000"), ("35.660000", "139.800000"), ("35.720000", "139.780000")]
    households = []
    for i, (lat, lon) in enumerate(points):
        household = make_household(
            office, cast.staff["cw"], head_name=f"訪問 {i}太郎", head_kana=f"ホウモン {'イロハ'[i]}タロウ"
        )
        household.latitude, household.longitude = Decimal(lat), Decimal(lon)
        household.save()
        households.append(household)
    regenerate_chunk([h.pk for h in households] + [cast.households["own"].pk], today)
    return households
