"""Recipient households as the core sends them to the portal (`recipient_household`, signed with the core's
key for helpers.OFFICE), signed-in recipients, small files for uploads, and the portal's next bundle to the
core read back."""

import hashlib
import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from PIL import Image

from hogo.recipient_portal.models import RecipientAccount
from hogo.transfer import services
from hogo.transfer.bundle import write_bundle

from .helpers import OFFICE, PASSWORD, core_signer, to_core  # noqa: F401 - re-exported for the tests

HOUSEHOLD_A = "5a0c0a8e-1111-4a55-9a3e-3b7f7c9b2a10"
HOUSEHOLD_B = "5b0c0a8e-2222-4a55-9a3e-3b7f7c9b2a10"
HEAD_A, CHILD_A = "a0000000-0000-4000-8000-000000000001", "a0000000-0000-4000-8000-000000000002"
HEAD_B = "b0000000-0000-4000-8000-000000000001"
CODE = "1A2B-3C4D-5E6F-7A8B"
CODE_B = "9F9F-8E8E-7D7D-6C6C"


def household(
    key=HOUSEHOLD_A, *, login="R10000001", account="ra-1", code=CODE, expires_in=30, active=True, people=None
):
    people = people or (
        [(HEAD_A, "山田 花子", True), (CHILD_A, "山田 一郎", False)]
        if key == HOUSEHOLD_A
        else [(HEAD_B, "林 正男", True)]
    )
    expires = timezone.now().replace(microsecond=0) + timedelta(days=expires_in)
    return {
        "office": OFFICE,
        "household": key,
        "active": active,
        "people": [{"person": p, "name": n, "head": h, "active": True} for p, n, h in people],
        "accounts": [
            {
                "account": account,
                "login": login,
                "role": "head",
                "name": people[0][1],
                "code_hash": hashlib.sha256(code.encode()).hexdigest() if code else "",
                "code_expires_at": expires.isoformat(),
                "ended": False,
            }
        ],
    }


def from_core(records: dict, attachments=None) -> bytes:
    return write_bundle(
        records,
        attachments or {},
        source_zone="core",
        target_zone="portal",
        office_code=OFFICE,
        signer=core_signer(),
        created_at=timezone.now(),
    )


def deliver(*households, statuses=()):
    records = {"recipient_household": list(households)}
    if statuses:
        records["submission_status"] = list(statuses)
    return services.import_bundle(from_core(records), "from-core.zip")


def two_households():
    deliver(household(), household(HOUSEHOLD_B, login="R20000002", account="ra-2", code=CODE_B))


def signed_in(client, login="R10000001"):
    """The account activated and signed in (no TOTP): its RecipientAccount."""
    user = get_user_model().objects.get(username=login)
    user.set_password(PASSWORD)
    user.save()
    account = RecipientAccount.objects.get(user=user)
    account.activated_at = timezone.now()
    account.save()
    client.force_login(user)
    return account


def jpeg(size=(60, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def png(size=(60, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, "PNG")
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TOKEN = "0123456789abcdef0123456789abcdef"


def income_post(person_pk, *, token=TOKEN, amount="85000", upload=None, file_person=None):
    data = {
        "token": token,
        "person_1": str(person_pk),
        "income_kind_1": "work",
        "month_1": "2026-11",
        "amount_1": amount,
        "note": "<b>11月</b>分です & よろしく",
        "file_label_1": "11月分の給与明細",
    }
    if upload is not None:
        data["file_1"] = upload
        data["file_person_1"] = str(file_person if file_person is not None else person_pk)
    return data
