"""Portal accounts issued by the household's CW and bundles as the portal sends them to the core
(signed with a portal key the core trusts), in the record formats of docs/transfer/recipients.md."""

import io
import uuid

from django.utils import timezone
from PIL import Image

from hogo.recipients import services
from hogo.transfer.bundle import attachment_name
from tests.bundles import from_portal, records_of  # noqa: F401 - used here and by the tests


def issued(cast, role="head", household="own"):
    household = cast.households[household]
    member = household.members.get(relation="head") if role != "proxy" else None
    return services.issue_account(
        cast.users["cw"], household, role=role, member=member, proxy_name="代理 花子" if role == "proxy" else ""
    )


def jpeg(size=(40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def income_submission(account, *, person=None, amount=85000, photo=None, pdf=None, key=None) -> tuple[dict, dict]:
    """A 収入申告 row and its attachments."""
    household = account.household
    person = person or str(household.members.get(relation="head").public_id)
    attachments, listed = {}, []
    for data, ext in ((photo, "jpg"), (pdf, "pdf")):
        if data:
            name = attachment_name(data, ext)
            attachments[name] = data
            listed.append({"name": name, "person": person, "label": "11月分の給与明細"})
    row = {
        "office": household.office.municipality_code,
        "key": key or f"sb-{uuid.uuid4()}",
        "household": str(household.public_id),
        "account": account.key,
        "kind": "income",
        "submitted_at": timezone.localtime().isoformat(),
        "period_label": "令和8年11月分",
        "content": {
            "incomes": [{"person": person, "kind": "work", "month": "2026-11", "amount": amount, "note": ""}],
            "note": "",
        },
        "attachments": listed,
    }
    return row, attachments


def imported(cast, **fields):
    """A 収入申告 with a pay-slip photo and a PDF, imported from the portal: (account, submission)."""
    from hogo.recipients.models import Submission
    from hogo.transfer import services as transfer

    account, _ = issued(cast)
    row, attachments = income_submission(account, photo=jpeg(), pdf=PDF, **fields)
    code = account.household.office.municipality_code
    transfer.import_bundle(from_portal(code, {"submission": [row]}, attachments), "from-portal.zip")
    return account, Submission.objects.get(key=row["key"])
