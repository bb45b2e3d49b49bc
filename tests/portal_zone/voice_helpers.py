"""The portal's end of the voice tests: recipient households made directly (as the recipient_household
bundle would make them), bundles of notices and content as the core sends them, and the portal's next
bundle to the core."""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from hogo.recipient_portal.models import RecipientAccount, RecipientHousehold, RecipientPerson
from hogo.transfer import services
from hogo.transfer.bundle import attachment_name, write_bundle

from .helpers import OFFICE, core_signer, to_core

__all__ = ["OFFICE", "to_core"]

PDF = b"%PDF-1.4\n% a certificate\n%%EOF\n"


def recipient(name="山田 花子", *, household_key=None, username=None):
    """An activated head account of a new household (with a second member), and its user."""
    household = RecipientHousehold.objects.create(office=OFFICE, key=household_key or str(uuid.uuid4()))
    RecipientPerson.objects.create(household=household, key=str(uuid.uuid4()), name=name, head=True)
    RecipientPerson.objects.create(household=household, key=str(uuid.uuid4()), name="山田 一郎")
    user = get_user_model().objects.create_user(username=username or f"r{uuid.uuid4().hex[:8]}", password="x")
    RecipientAccount.objects.create(
        user=user,
        household=household,
        office=OFFICE,
        key=f"ra-{RecipientAccount.objects.count() + 1}",
        role="head",
        name=name,
        activated_at=timezone.now(),
    )
    return user


def notice(household_key, key, *, kind="decision", title="保護の内容が変わりました", days_ago=0, pdf=None) -> dict:
    return {
        "office": OFFICE,
        "key": key,
        "household": household_key,
        "kind": kind,
        "title": title,
        "body": "12月1日から保護の内容が変わります。",
        "dated": (timezone.localdate() - timedelta(days=days_ago)).isoformat(),
        "attachment": attachment_name(pdf, "pdf") if pdf else None,
        "attachment_label": "受給証明書.pdf" if pdf else "",
    }


def guide(
    key="gd-1", title="保護《ほご》のしおり", body="## 生活保護《せいかつほご》とは\n\nくらしを支えます。", order=1
) -> dict:
    return {"office": OFFICE, "key": key, "kind": "guide", "title": title, "body": body, "order": order}


def survey(key="sv-1", *, closes_in=10) -> dict:
    today = timezone.localdate()
    return {
        "office": OFFICE,
        "key": key,
        "kind": "survey",
        "title": "窓口についてのアンケート",
        "intro": "よりよい窓口にするためです。",
        "questions": [
            {"key": "q1", "text": "窓口の対応はどうでしたか", "choices": ["よい", "ふつう", "よくない"]},
            {"key": "q2", "text": "ご自由にお書きください", "choices": []},
        ],
        "opens_on": (today - timedelta(days=1)).isoformat(),
        "closes_on": (today + timedelta(days=closes_in)).isoformat(),
    }


def from_core(notices=None, content=None, attachments=None) -> bytes:
    records = {}
    if notices is not None:
        records["portal_notice"] = list(notices)
    if content is not None:
        records["portal_content"] = list(content)
    return write_bundle(
        records,
        attachments or {},
        source_zone="core",
        target_zone="portal",
        office_code=OFFICE,
        signer=core_signer(),
        created_at=timezone.now(),
    )


def deliver(notices=None, content=None, attachments=None):
    return services.import_bundle(from_core(notices, content, attachments), "from-core.zip")


def household_key(user) -> str:
    return user.recipient_account.household.key
