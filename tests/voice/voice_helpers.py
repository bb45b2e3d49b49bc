"""The core's end of the voice tests: a household opened to the portal, bundles as the portal would send
them (signed with a portal key the core trusts), and reading what the core sends the portal."""

import io
import json
import uuid
import zipfile
from datetime import date, timedelta

from django.utils import timezone

from hogo.approvals.models import Status as ApprovalStatus
from hogo.decisions.models import Decision, NoticeNumber
from hogo.followups.models import FollowUp, FollowupRule
from hogo.receivables.models import Determination, Entry, Receivable
from hogo.recipients.models import PortalAccount
from hogo.transfer import keys, services
from tests.bundles import from_portal


def open_to_portal(household, login="R0000001") -> PortalAccount:
    head = household.members.get(relation="head")
    return PortalAccount.objects.create(household=household, member=head, role="head", login=login)


def deliver(code: str, records: dict):
    return services.import_bundle(from_portal(code, records), "from-portal.zip")


def to_portal(office) -> tuple[dict, dict]:
    """(records, attachments) of the core's next bundle to the portal."""
    code = office.municipality_code
    if not list(keys.keys_dir().glob(f"core-{code}-*.key")):
        keys.trust(keys.export_public(keys.new_key("core", code)))
    data = services.export_bundle(office, "portal")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        records = {
            name[len("records/") : -len(".jsonl")]: [json.loads(line) for line in z.read(name).decode().splitlines()]
            for name in z.namelist()
            if name.startswith("records/")
        }
        attachments = {
            name[len("attachments/") :]: z.read(name) for name in z.namelist() if name.startswith("attachments/")
        }
    return records, attachments


def certificate_row(office, household, holder, **fields) -> dict:
    row = {
        "office": office.municipality_code,
        "key": f"cr-{uuid.uuid4()}",
        "household": str(household.public_id),
        "account": holder.key,
        "kind": "receipt",
        "purpose": "就職のため",
        "delivery": "portal",
        "person": None,
        "clinic": "",
        "reason": "",
        "requested_at": timezone.now().isoformat(),
    }
    row.update(fields)
    return row


def approved_decision(cast, household, kind="change", days_ago=3) -> Decision:
    decision = Decision.objects.create(
        household=household,
        kind=kind,
        effective_from=timezone.localdate() - timedelta(days=days_ago),
        benefit_total=98000,
        reasons="テスト",
        status=ApprovalStatus.APPROVED,
        drafted_by=cast.users["cw"],
        approved_at=timezone.now(),
    )
    NoticeNumber.objects.create(
        decision=decision,
        office=household.office,
        fiscal_year=2026,
        serial=Decision.objects.count(),
        text=f"8福保第{decision.pk}号",
        issuer="みなと市福祉事務所長",
    )
    return decision


def income_followup(household, due_in=7) -> FollowUp:
    rule = FollowupRule.objects.get_or_create(
        office=household.office,
        code="income-monthly",
        defaults={"title": "収入申告", "schedule": "monthly_on_day", "basis": "法第61条", "closed_by": "income"},
    )[0]
    today = timezone.localdate()
    return FollowUp.objects.create(
        household=household,
        rule=rule,
        source="rule",
        key=f"income-{uuid.uuid4()}",
        title="収入申告",
        period_label="11月分",
        due_on=today + timedelta(days=due_in),
        warn_on=today - timedelta(days=1),
    )


def overdue_receivable(cast, household, *, days=10, amount=30000) -> Receivable:
    due = timezone.localdate() - timedelta(days=days)
    determination = Determination.objects.create(
        household=household, cause="recipient", due_on=due, drafted_by=cast.users["cw"], status=ApprovalStatus.APPROVED
    )
    receivable = Receivable.objects.create(
        office=household.office,
        household=household,
        determination=determination,
        kind="63",
        reference=f"R{uuid.uuid4().hex[:10]}",
        debtor_name="山田 太郎",
        debtor_address="東京都",
        cause="recipient",
        created_on=date(2026, 1, 1),
        due_on=due,
    )
    Entry.objects.create(
        receivable=receivable, kind="principal", amount=amount, on=date(2026, 1, 1), recorded_by=cast.users["cw"]
    )
    return receivable
