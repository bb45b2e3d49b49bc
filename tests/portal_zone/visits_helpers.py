"""Visit slots and check-ins as the core sends them (hogo/checkins/transfer.py), households and accounts made
directly on the portal (the recipient_household records are another app's), and the portal's next bundle to
the core."""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from hogo.recipient_portal.models import RecipientAccount, RecipientHousehold
from hogo.transfer import services
from hogo.transfer.bundle import write_bundle

from .helpers import OFFICE, core_signer, to_core

HOUSEHOLD = "5b2f1c1e-8a0d-4d8e-9a52-1f7e6a0b3c41"
OTHER_HOUSEHOLD = "9e1d2c3b-4a5f-4e6d-8c7b-0a1b2c3d4e5f"

__all__ = ["OFFICE", "to_core"]


def recipient(household_key: str = HOUSEHOLD, username: str = "r_yamada", pk: int = 1) -> RecipientAccount:
    household, _ = RecipientHousehold.objects.get_or_create(office=OFFICE, key=household_key)
    user = get_user_model().objects.create_user(username=username, password="x-portal-pass-2026")
    return RecipientAccount.objects.create(
        user=user,
        household=household,
        office=OFFICE,
        key=f"ra-{pk}",
        role="head",
        name="山田 太郎",
        activated_at=timezone.now(),
    )


def slot(key: str | None = None, household: str = HOUSEHOLD, *, days: int = 3, status="proposed", **fields) -> dict:
    return {
        "office": OFFICE,
        "key": key or str(uuid.uuid4()),
        "household": household,
        "date": fields.get("date", (timezone.localdate() + timedelta(days=days)).isoformat()),
        "slot": fields.get("slot", "10:00〜10:30"),
        "purpose": "担当のケースワーカーが、暮らしのご様子をうかがいに訪問します。",
        "status": status,
    }


def checkin(key: str | None = None, household: str = HOUSEHOLD, *, opened_days_ago: int = 0, status="open") -> dict:
    due = timezone.localdate() - timedelta(days=opened_days_ago)
    return {
        "office": OFFICE,
        "key": key or str(uuid.uuid4()),
        "household": household,
        "due_on": due.isoformat(),
        "window_closes_on": (due + timedelta(days=13)).isoformat(),
        "status": status,
    }


def deliver(slots=(), checkins=()):
    data = write_bundle(
        {"visit_slot": list(slots), "checkin": list(checkins)},
        {},
        source_zone="core",
        target_zone="portal",
        office_code=OFFICE,
        signer=core_signer(),
        created_at=timezone.now(),
    )
    return services.import_bundle(data, "from-core.zip")


ANSWER = {"health": "good", "living": "fine", "changed": "no", "change_text": "", "message": ""}
