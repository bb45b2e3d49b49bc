"""The core's end of the recipient record types (docs/transfer/recipients.md; the portal's end is
hogo/recipient_portal/transfer.py).

Core → portal: `recipient_household` (every household with a portal account: its whole current state) and
`submission_status` (a submission whose status changed since it was last sent). Portal → core:
`recipient_account_event` (利用開始, TOTP on/off) and `submission` (registered as a received declaration,
channel 電子申請, its photos as casework photos, its PDFs as SubmittedDocument). Importers act as the
household's current caseworker (a bundle has no user; register_declaration needs one who may edit) and audit
every applied record with "from": "portal". A person not in the household refuses the whole bundle."""

import re
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hogo.audit.models import Action, AuditEntry
from hogo.audit.services import record
from hogo.common.wareki import wareki
from hogo.households.models import Household
from hogo.households.scoping import active_assignments
from hogo.transfer import fields

from .models import PortalAccount, Submission, SubmissionKind, SubmissionStatus, SubmittedDocument

HOUSEHOLD, ACCOUNT_EVENT, SUBMISSION, STATUS = (
    "recipient_household",
    "recipient_account_event",
    "submission",
    "submission_status",
)
EVENTS = ("activated", "totp_on", "totp_off")
INCOME_KINDS = {"work": "就労収入", "pension": "年金", "remittance": "仕送り", "other": "その他"}
ASSET_KINDS = {
    "savings": "預貯金",
    "cash": "現金",
    "insurance": "保険",
    "car": "自動車",
    "land": "土地・建物",
    "other": "その他",
}
CHANGE_KINDS = {"move": "転居", "hospital": "入院・退院", "members": "世帯員の増減", "work": "就労の開始・変更・終了"}
DECLARATION_KIND = {"income": "income", "assets": "assets", "change": "other", "photo": "other"}
KEY = re.compile(r"sb-[0-9a-f-]{36}")
MAX_YEN = 100_000_000


CLOCK_SKEW = timedelta(minutes=10)  # between the zones' clocks


def _iso(value) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def _account(value, office: str, what: str) -> PortalAccount:
    key = str(value or "")
    account = None
    if key.startswith("ra-") and key[3:].isdigit():
        account = (
            PortalAccount.objects.select_related("household", "member")
            .filter(pk=int(key[3:]), household__office__municipality_code=office)
            .first()
        )
    if account is None:
        raise ValidationError(f"{what}: アカウント {key!r} はこの事務所にありません。")
    return account


# --- core → portal ---------------------------------------------------------------------------------------


def export_households(office_code: str) -> list[dict]:
    households = (
        Household.objects.filter(office__municipality_code=office_code, portal_accounts__isnull=False)
        .distinct()
        .order_by("pk")
    )
    out = []
    for household in households:
        accounts = household.portal_accounts.select_related("member").order_by("pk")
        live = [a for a in accounts if a.ended_at is None]
        out.append(
            {
                "office": office_code,
                "household": str(household.public_id),
                "active": bool(live),
                "people": [
                    {"person": str(m.public_id), "name": m.name, "head": m.relation == "head", "active": True}
                    for m in household.members.filter(left_on__isnull=True).order_by("pk")
                ],
                "accounts": [
                    {
                        "account": a.key,
                        "login": a.login,
                        "role": a.role,
                        "name": a.holder_name,
                        "code_hash": a.code_hash,
                        "code_expires_at": _iso(a.code_expires_at),
                        "ended": a.ended_at is not None,
                    }
                    for a in accounts
                ],
            }
        )
    return out


def export_statuses(office_code: str) -> list[dict]:
    """Each submission whose current status the portal has not acknowledged: sent again in every bundle until
    the portal acknowledges one that carried it (a bundle may be refused or lost on the way)."""
    from hogo.transfer.services import current_export_id  # noqa: PLC0415

    out, mark = [], current_export_id()
    submissions = (
        Submission.objects.filter(household__office__municipality_code=office_code)
        .exclude(status_acknowledged__in=[SubmissionStatus.RECOGNISED, SubmissionStatus.RETURNED])  # final
        .select_related("declaration__recognition")
    )
    for submission in submissions.order_by("pk"):
        status = submission.status()
        if status == submission.status_acknowledged:
            continue
        at = {
            SubmissionStatus.RETURNED: submission.returned_at,
            SubmissionStatus.RECEIVED: submission.received_at,
        }.get(status) or timezone.now()
        out.append(
            {
                "office": office_code,
                "key": submission.key,
                "status": status,
                "reason": submission.returned_reason if status == SubmissionStatus.RETURNED else "",
                "at": _iso(at),
            }
        )
        Submission.objects.filter(pk=submission.pk).update(status_sent=status, status_sent_bundle=mark)
    return out


def acknowledge_statuses(office_code: str, bundle_ids: list[str]) -> None:
    """The portal accepted these bundles: the statuses they carried are not sent again."""
    from django.db.models import F  # noqa: PLC0415 - kept here: the importers below are edited apart

    Submission.objects.filter(
        household__office__municipality_code=office_code, status_sent_bundle__in=bundle_ids
    ).update(status_acknowledged=F("status_sent"))


# --- portal → core ---------------------------------------------------------------------------------------


def import_account_events(records: list[dict], bundle) -> None:
    for row in records:
        what = "ポータルのアカウントの記録"
        office = fields.office(row, bundle, what)
        account = _account(row.get("account"), office, what)
        event = row.get("event")
        if event not in EVENTS:
            raise ValidationError(f"{what}: event {event!r} は {', '.join(EVENTS)} のどれかです。")
        at = fields.aware_datetime(row.get("at"), what)
        if event == "activated":
            if row.get("code_hash") != account.code_hash or account.activated_at is not None:
                continue  # a code replaced meanwhile (a new letter) or already known: nothing to record
            PortalAccount.objects.filter(pk=account.pk).update(activated_at=at)
        elif AuditEntry.objects.filter(
            target_type=PortalAccount.audit_type,
            target_id=str(account.public_id),
            detail__event=event,
            detail__at=at.isoformat(),
        ).exists():
            continue  # the same event sent again (until acknowledged): recorded once
        record(
            None,
            Action.UPDATE,
            target=account,
            detail={"event": event, "at": at.isoformat(), "from": "portal", "bundle": bundle.bundle_id},
        )


def _int_yen(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_YEN:
        raise ValidationError(f"{what}: 金額 {value!r} は0以上の整数（円）です。")
    return value


def _person(value, people: dict, what: str, *, null: bool = False):
    if value is None and null:
        return None
    member = people.get(str(value))
    if member is None:
        raise ValidationError(f"{what}: {value!r} はこの世帯の世帯員ではありません。")
    return member


def _str(value, what: str, field: str, max_length: int, *, blank: bool = True) -> str:
    if value is None and blank:
        return ""
    if not fields.is_text(value, max_length=max_length, blank=blank):
        raise ValidationError(f"{what}: {field} が不正です。")
    return value


def _checked_content(kind: str, content, people: dict, what: str) -> list[str]:
    """Validate the kind-specific content; the lines of the declaration's note."""
    if not isinstance(content, dict):
        raise ValidationError(f"{what}: content がありません。")
    lines = []
    if kind == "income":
        incomes = content.get("incomes")
        if not isinstance(incomes, list) or not incomes:
            raise ValidationError(f"{what}: 収入の行がありません。")
        for item in incomes:
            if not isinstance(item, dict) or item.get("kind") not in INCOME_KINDS:
                raise ValidationError(f"{what}: 収入の種類が不正です。")
            member = _person(item.get("person"), people, what)
            month = _str(item.get("month"), what, "month", 7, blank=False)
            if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
                raise ValidationError(f"{what}: 月 {month!r} が読めません。")
            amount = _int_yen(item.get("amount"), what)
            _str(item.get("note"), what, "note", 500)
            lines.append(f"{member.name} {month} {INCOME_KINDS[item['kind']]} {amount:,}円")
    elif kind == "assets":
        items = content.get("items")
        if not isinstance(items, list) or not items:
            raise ValidationError(f"{what}: 資産の行がありません。")
        for item in items:
            if not isinstance(item, dict) or item.get("kind") not in ASSET_KINDS:
                raise ValidationError(f"{what}: 資産の種類が不正です。")
            member = _person(item.get("person"), people, what, null=True)
            amount = _int_yen(item.get("amount"), what)
            detail = _str(item.get("detail"), what, "detail", 200)
            lines.append(f"{member.name if member else '世帯'} {ASSET_KINDS[item['kind']]} {detail} {amount:,}円")
    elif kind == "change":
        if content.get("change") not in CHANGE_KINDS:
            raise ValidationError(f"{what}: 届出の種類が不正です。")
        try:
            day = date.fromisoformat(str(content.get("date")))
        except ValueError:
            raise ValidationError(f"{what}: 日付 {content.get('date')!r} が読めません。") from None
        details = _str(content.get("details"), what, "details", 2000, blank=False)
        lines.append(f"法第61条の届出（{CHANGE_KINDS[content['change']]}） {wareki(day)}: {details}")
    else:
        lines.append(f"求められた写真の提出: {_str(content.get('request'), what, 'request', 200)}")
    note = _str(content.get("note"), what, "note", 2000)
    if note:
        lines.append(f"本人の記入: {note}")
    return lines


def _submitted_at(row: dict, bundle, account: PortalAccount, what: str):
    """When the portal received it: the declaration's 受付日. Not after the bundle was made (a few minutes of
    clock difference between the zones forgiven) nor before the account was issued (a later new code keeps
    what was sent with the old one)."""
    submitted_at = fields.aware_datetime(row.get("submitted_at"), what)
    made = fields.aware_datetime(bundle.created_at, "バンドル")
    if submitted_at > made + CLOCK_SKEW or submitted_at < account.created_at - CLOCK_SKEW:
        raise ValidationError(f"{what}: 受付日時 {row.get('submitted_at')!r} がありえない日時です。")
    return submitted_at


def _check_receipt_hashes(content: dict, names: set[str], what: str) -> None:
    """The files the receipt lists (content.attachments: their SHA-256 as the recipient's receipt shows them,
    shown to the CW to compare) must be the files that came: the same names, no more, no fewer."""
    listed = content.get("attachments")
    if listed is None:
        return  # a submission from a portal before receipts listed them
    if not isinstance(listed, list) or not all(isinstance(i, dict) for i in listed):
        raise ValidationError(f"{what}: content.attachments が不正です。")
    if {f"{i.get('sha256')}.{i.get('ext')}" for i in listed} != names or len(listed) != len(names):
        raise ValidationError(f"{what}: 受付票のファイル（SHA-256）と届いたファイルが合いません。")


def _caseworker_of(household: Household):
    assignment = (
        active_assignments(timezone.localdate()).filter(household=household).select_related("caseworker__user").first()
    )
    if assignment is None:
        raise ValidationError(f"申告: 世帯 {household.public_id} に担当CWがいないため受け付けられません。")
    return assignment.caseworker.user


def import_submissions(records: list[dict], bundle) -> None:
    """Each new submission as a received declaration (an already imported key changes nothing)."""
    from hogo.casework.services import attach_photo  # noqa: PLC0415
    from hogo.followups.models import Channel  # noqa: PLC0415
    from hogo.followups.services import register_declaration  # noqa: PLC0415

    for row in records:
        what = f"申告 {str(row.get('key'))[:45]!r}"
        office = fields.office(row, bundle, what)
        key = str(row.get("key") or "")
        if not KEY.fullmatch(key):
            raise ValidationError(f"{what}: key が不正です。")
        account = _account(row.get("account"), office, what)
        household = account.household
        if str(household.public_id) != str(row.get("household")):
            raise ValidationError(f"{what}: アカウントと世帯が合いません。")
        kind = row.get("kind")
        if kind not in SubmissionKind.values:
            raise ValidationError(f"{what}: 種類 {kind!r} が不正です。")
        submitted_at = _submitted_at(row, bundle, account, what)
        people = {str(m.public_id): m for m in household.members.filter(left_on__isnull=True)}
        lines = _checked_content(kind, row.get("content"), people, what)
        period_label = _str(row.get("period_label"), what, "period_label", 40)
        attachments = row.get("attachments") or []
        if not isinstance(attachments, list):
            raise ValidationError(f"{what}: attachments が不正です。")
        files = []
        for item in attachments:
            if not isinstance(item, dict) or str(item.get("name")) not in bundle.attachments:
                raise ValidationError(f"{what}: 添付 {item!r} がバンドルにありません。")
            member = _person(item.get("person"), people, what, null=True)
            files.append((item["name"], member, _str(item.get("label"), what, "label", 200)))
        _check_receipt_hashes(row["content"], {name for name, _m, _l in files}, what)
        if Submission.objects.filter(key=key).exists():
            continue  # imported from an earlier bundle
        actor = _caseworker_of(household)
        lines.insert(0, f"ポータルから受付（受付番号 {key[3:11].upper()}、{account.holder_name}さん）")
        declaration = register_declaration(
            actor,
            household,
            kind=DECLARATION_KIND[kind],
            received_on=timezone.localdate(submitted_at),
            channel=Channel.ELECTRONIC,
            period_label=period_label,
            note="\n".join(lines),
        )
        submission = Submission.objects.create(
            key=key,
            household=household,
            account=account,
            declaration=declaration,
            kind=kind,
            submitted_at=submitted_at,
            content=row["content"],
            status_sent="",
        )
        for name, member, label in files:
            data = bundle.attachments[name]
            caption = f"{member.name}: {label}" if member else label
            if name.endswith(".pdf"):
                doc = SubmittedDocument(
                    household=household,
                    submission=submission,
                    member=member,
                    label=label,
                    sha256=name.split(".")[0],
                    size=len(data),
                )
                doc.file.save("document.pdf", ContentFile(data), save=False)
                doc.save()
            else:
                upload = SimpleUploadedFile(name, data)
                attach_photo(
                    actor, household, upload=upload, purpose="document", caption=caption[:200], declaration=declaration
                )
        record(
            None,
            Action.CREATE,
            target=submission,
            detail={
                "from": "portal",
                "bundle": bundle.bundle_id,
                "key": key,
                "declaration": str(declaration.public_id),
                "acting_as": actor.username,
                "attachments": len(files),
            },
        )


def register() -> None:
    from hogo.transfer import services  # noqa: PLC0415

    services.register_exporter(HOUSEHOLD, export_households)
    services.register_exporter(STATUS, export_statuses)
    services.register_acknowledger(acknowledge_statuses)
    services.register_importer(ACCOUNT_EVENT, import_account_events)
    services.register_importer(SUBMISSION, import_submissions)
