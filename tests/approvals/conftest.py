from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.receivables import services as receivables


@pytest.fixture
def determination(cast):
    """A 法第63条 determination drafted by the caseworker, waiting for the supervisor."""
    return receivables.draft_determination(
        cast.users["cw"],
        cast.households["own"],
        lines=[{"month": "2026-04", "assistance": "living", "amount": 35_000}],
        cause="recipient",
        due_on=timezone.localdate() + timedelta(days=30),
        means_existed="年金の遡及支給があった月に資力があった。",
    )
