"""The portal's end of the recipient record types (docs/transfer/recipients.md; the core's end is
hogo/recipients/transfer.py).

Core → portal: `recipient_household` (upsert by key: the household, its current people — people no longer
listed stop being members — and its accounts, each with a Django user whose password stays unusable until
利用開始; a new code hash starts 利用開始 over) and `submission_status` (shown to the recipient; 認定済み and
差し戻し are notified). Portal → core: `recipient_account_event` and `submission` (with its attachments),
each marked with the bundle that carried it and sent again until the core acknowledges such a bundle."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from hogo.transfer import fields
from hogo.transfer.bundle import attachment_name

from .models import (
    AccountEvent,
    AccountRole,
    RecipientAccount,
    RecipientHousehold,
    RecipientPerson,
    Submission,
    SubmissionStatus,
)

HOUSEHOLD, ACCOUNT_EVENT, SUBMISSION, STATUS = (
    "recipient_household",
    "recipient_account_event",
    "submission",
    "submission_status",
)
CORE_STATUSES = ("received", "checking", "recognised", "returned")


def _text(row: dict, field: str, what: str, *, max_length: int, blank: bool = False) -> str:
    value = row.get(field)
    if value is None and blank:
        return ""
    if not fields.is_text(value, max_length=max_length, blank=blank):
        raise ValidationError(f"{what}: {field} が不正です（{str(value)[:40]!r}）。")
    return value


def _bool(row: dict, field: str, what: str) -> bool:
    value = row.get(field)
    if not isinstance(value, bool):
        raise ValidationError(f"{what}: {field} は true か false です。")
    return value


def import_households(records: list[dict], bundle) -> None:
    for row in records:
        what = "ポータルを利用する世帯"
        if not isinstance(row, dict):
            raise ValidationError(f"{what}: 記録が不正です。")
        office = fields.office(row, bundle, what)
        key = _text(row, "household", what, max_length=40)
        active = _bool(row, "active", what)
        household, _ = RecipientHousehold.objects.update_or_create(office=office, key=key, defaults={"active": active})
        _people(household, row.get("people"), what)
        _accounts(household, row.get("accounts"), office, what)


def _people(household, rows, what: str) -> None:
    if not isinstance(rows, list):
        raise ValidationError(f"{what}: people が不正です。")
    listed = []
    for row in rows:
        row = row if isinstance(row, dict) else {}
        key = _text(row, "person", what, max_length=40)
        RecipientPerson.objects.update_or_create(
            household=household,
            key=key,
            defaults={
                "name": _text(row, "name", what, max_length=100),
                "head": _bool(row, "head", what),
                "active": _bool(row, "active", what),
            },
        )
        listed.append(key)
    household.people.exclude(key__in=listed).update(active=False)  # left the household


def _accounts(household, rows, office: str, what: str) -> None:
    if not isinstance(rows, list):
        raise ValidationError(f"{what}: accounts が不正です。")
    user_model = get_user_model()
    for row in rows:
        row = row if isinstance(row, dict) else {}
        key = _text(row, "account", what, max_length=40)
        login = _text(row, "login", what, max_length=20)
        role = row.get("role")
        if role not in AccountRole.values:
            raise ValidationError(f"{what}: 立場 {role!r} が不正です。")
        code_hash = _text(row, "code_hash", what, max_length=64, blank=True)
        details = {
            "role": role,
            "name": _text(row, "name", what, max_length=100),
            "code_expires_at": fields.aware_datetime(row.get("code_expires_at"), what, null=True),
        }
        ended = _bool(row, "ended", what)
        account = RecipientAccount.objects.select_related("user").filter(office=office, key=key).first()
        holder = user_model.objects.filter(username=login).first()
        if holder is not None and (account is None or holder.pk != account.user_id):
            raise ValidationError(f"{what}: ログインID {login} は別の利用者が使っています。")
        if account is None:
            user = user_model(username=login)
            user.set_unusable_password()
            user.save()
            account = RecipientAccount(user=user, household=household, office=office, key=key, code_hash=code_hash)
        elif account.household_id != household.pk:
            raise ValidationError(f"{what}: アカウント {key} は別の世帯のものです。")
        elif code_hash and code_hash != account.code_hash:  # a new letter: 利用開始 again
            account.activated_at = None
            account.totp_secret = ""
            account.user.set_unusable_password()
            account.user.save(update_fields=["password"])
            account.code_hash = code_hash
        for name, value in details.items():
            setattr(account, name, value)
        if ended and account.ended_at is None:
            account.ended_at = timezone.now()
        elif not ended:
            account.ended_at = None
        account.save()


def import_statuses(records: list[dict], bundle) -> None:
    from hogo.portal_notify.services import notify  # noqa: PLC0415

    for row in records:
        what = "申告の状態"
        row = row if isinstance(row, dict) else {}
        office = fields.office(row, bundle, what)
        key = _text(row, "key", what, max_length=40)
        status = row.get("status")
        if status not in CORE_STATUSES:
            raise ValidationError(f"{what}: 状態 {status!r} が不正です。")
        reason = _text(row, "reason", what, max_length=1000, blank=True)
        if status == "returned" and not reason.strip():
            raise ValidationError(f"{what}: 差し戻しに理由がありません（{key}）。")
        at = fields.aware_datetime(row.get("at"), what)
        submission = Submission.objects.select_related("household").filter(key=key, household__office=office).first()
        if submission is None:
            raise ValidationError(f"{what}: 申告 {key} はこのポータルにありません。")
        if submission.status == status and submission.reason == reason:
            continue
        submission.status, submission.reason, submission.status_at = status, reason, at
        submission.save(update_fields=["status", "reason", "status_at"])
        url = reverse("my_submission", args=[key])
        if status == SubmissionStatus.RECOGNISED:
            notify(
                submission.household,
                kind="submission",
                subject=f"{submission.get_kind_display()}（受付番号 {submission.number}）が認定されました",
                body="福祉事務所が内容を確認し、認定しました。",
                url=url,
                dedupe_key=f"submission-recognised:{key}",
            )
        elif status == SubmissionStatus.RETURNED:
            notify(
                submission.household,
                kind="submission",
                subject=f"{submission.get_kind_display()}（受付番号 {submission.number}）が差し戻されました",
                body=f"理由: {reason}\n直して、もう一度送ってください。",
                url=url,
                dedupe_key=f"submission-returned:{key}",
            )


def _mark() -> str:
    """What marks the rows an export carried: the bundle's id; the core acknowledges it once accepted."""
    from hogo.transfer.services import current_export_id  # noqa: PLC0415

    return current_export_id()


def _unacknowledged(queryset):
    from hogo.transfer.services import unacknowledged  # noqa: PLC0415

    return unacknowledged(queryset)


def acknowledge(office_code: str, bundle_ids: list[str]) -> None:
    """The core accepted these bundles: their account events and submissions are not sent again."""
    from hogo.transfer.services import acknowledge as mark  # noqa: PLC0415

    mark(AccountEvent.objects.filter(account__office=office_code), bundle_ids)
    mark(Submission.objects.filter(household__office=office_code), bundle_ids)


def export_account_events(office_code: str) -> list[dict]:
    events = list(
        _unacknowledged(AccountEvent.objects.filter(account__office=office_code))
        .select_related("account")
        .order_by("pk")
    )
    out = [
        {
            "office": office_code,
            "account": e.account.key,
            "event": e.event,
            "code_hash": e.code_hash,
            "at": timezone.localtime(e.at).isoformat(),
        }
        for e in events
    ]
    # sent again in every bundle until the core acknowledges one that carried it
    AccountEvent.objects.filter(pk__in=[e.pk for e in events]).update(sent_bundle=_mark(), acknowledged_at=None)
    return out


def export_submissions(office_code: str):
    from hogo.transfer.services import Exported  # noqa: PLC0415

    submissions = list(
        _unacknowledged(Submission.objects.filter(household__office=office_code))
        .select_related("household", "account")
        .prefetch_related("attachments__person")
        .order_by("pk")
    )
    records, attachments = [], {}
    for s in submissions:
        listed = []
        for a in s.attachments.all():
            data = bytes(a.data)
            name = attachment_name(data, a.ext)
            attachments[name] = data
            listed.append({"name": name, "person": a.person.key if a.person else None, "label": a.label})
        records.append(
            {
                "office": office_code,
                "key": s.key,
                "household": s.household.key,
                "account": s.account.key,
                "kind": s.kind,
                "submitted_at": timezone.localtime(s.submitted_at).isoformat(),
                "period_label": s.period_label,
                "content": s.content,
                "attachments": listed,
            }
        )
    Submission.objects.filter(pk__in=[s.pk for s in submissions]).update(sent_bundle=_mark(), acknowledged_at=None)
    return Exported(records, attachments)


def register() -> None:
    from hogo.transfer import services  # noqa: PLC0415

    services.register_importer(HOUSEHOLD, import_households)
    services.register_importer(STATUS, import_statuses)
    services.register_exporter(ACCOUNT_EVENT, export_account_events)
    services.register_exporter(SUBMISSION, export_submissions)
    services.register_acknowledger(acknowledge)
