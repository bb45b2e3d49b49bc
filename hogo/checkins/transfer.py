"""The core's end of the visit and check-in record types (decision 0037, docs/transfer/recipients.md).

Core → portal, whole current states (the portal upserts by key): `visit_slot` — every visit from today on
of a household with a portal account not ended (a cancelled or moved visit goes with its new state);
`checkin` — the check-ins of those households whose window has not closed more than a week ago.
Portal → core: `visit_answer` and `checkin_answer`, each checked against the household it names and
applied once (hogo/checkins/services.py), audited with the bundle it came in. Anything malformed refuses
the whole bundle."""

import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from hogo.casework.models import Visit
from hogo.recipients.models import PortalAccount
from hogo.transfer import fields

from . import services
from .models import Answer, Checkin, Health, Living

VISIT_SLOT, VISIT_ANSWER, CHECKIN, CHECKIN_ANSWER = "visit_slot", "visit_answer", "checkin", "checkin_answer"
# The CW's purpose is an internal note; the recipient is told this, in plain words
PURPOSE_FOR_RECIPIENT = "担当のケースワーカーが、暮らしのご様子をうかがいに訪問します。"
KEPT_DAYS = 7


def _households(office_code: str):
    from hogo.households.models import Household  # noqa: PLC0415

    return services.with_portal_account(Household.objects.filter(office__municipality_code=office_code))


def export_visit_slots(office_code: str) -> list[dict]:
    today = timezone.localdate()
    visits = (
        Visit.objects.filter(household__in=_households(office_code), planned_on__gte=today)
        .select_related("household")
        .order_by("planned_on", "pk")
    )
    return [
        {
            "office": office_code,
            "key": str(v.public_id),
            "household": str(v.household.public_id),
            "date": v.planned_on.isoformat(),
            "slot": v.slot,
            "purpose": PURPOSE_FOR_RECIPIENT,
            "status": v.status,
        }
        for v in visits
    ]


def export_checkins(office_code: str) -> list[dict]:
    since = timezone.localdate() - timedelta(days=KEPT_DAYS)
    checkins = (
        Checkin.objects.filter(household__in=_households(office_code), window_closes_on__gte=since)
        .select_related("household")
        .order_by("due_on", "pk")
    )
    return [
        {
            "office": office_code,
            "key": str(c.public_id),
            "household": str(c.household.public_id),
            "due_on": c.due_on.isoformat(),
            "window_closes_on": c.window_closes_on.isoformat(),
            "status": "cancelled" if c.cancelled else ("answered" if c.answered_at else "open"),
        }
        for c in checkins
    ]


def _text(row: dict, field: str, what: str, max_length: int) -> str:
    value = row.get(field, "")
    if value is None:
        value = ""
    if not fields.is_text(value, max_length=max_length, blank=True):
        raise ValidationError(f"{what}: {field} が不正です（{row.get('key')!r}）。")
    return value.strip()


def _account(row: dict, household, what: str) -> str:
    """The answering account's key: an account of the household the answer is for (ended ones too: an answer
    given before the office ended the account still counts)."""
    account = str(row.get("account", ""))
    if (
        not (account.startswith("ra-") and account[3:].isdigit())
        or not PortalAccount.objects.filter(pk=int(account[3:]), household=household).exists()
    ):
        raise ValidationError(f"{what}: アカウント {account!r} はこの世帯のものではありません。")
    return account


def _of_household(model, row: dict, office: str, what: str):
    """The visit or check-in the row names, if it is of the household the row names, in this office."""
    key, household = row.get("key"), row.get("household")
    found = None
    if _uuid(key) and _uuid(household):
        found = (
            model.objects.filter(
                public_id=key, household__public_id=household, household__office__municipality_code=office
            )
            .select_related("household")
            .first()
        )
    if found is None:
        raise ValidationError(f"{what}: {key!r} はこの事務所の世帯 {household!r} のものではありません。")
    return found


def _uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def import_visit_answers(records: list[dict], bundle) -> None:
    what = "訪問日程の回答"
    for row in sorted(records, key=lambda r: str(r.get("answered_at", ""))):
        office = fields.office(row, bundle, what)
        visit = _of_household(Visit, row, office, what)
        answer = row.get("answer")
        if answer not in Answer.values:
            raise ValidationError(f"{what}: answer {answer!r} は confirm / decline / other_time のどれかです。")
        wish = _text(row, "wish", what, 200)
        if answer == Answer.OTHER_TIME and not wish:
            raise ValidationError(f"{what}: 別の日時の希望（wish）がありません（{row.get('key')!r}）。")
        services.apply_visit_answer(
            visit,
            answer=answer,
            wish=wish,
            answered_at=fields.aware_datetime(row.get("answered_at"), what),
            account=_account(row, visit.household, what),
            bundle_id=str(bundle.bundle_id),
        )


def import_checkin_answers(records: list[dict], bundle) -> None:
    what = "近況報告の回答"
    for row in records:
        office = fields.office(row, bundle, what)
        checkin = _of_household(Checkin, row, office, what)
        health, living, changed = row.get("health"), row.get("living"), row.get("changed")
        if health not in Health.values:
            raise ValidationError(f"{what}: health {health!r} は good / fair / poor のどれかです。")
        if living not in Living.values:
            raise ValidationError(f"{what}: living {living!r} は fine / some / troubled のどれかです。")
        if not isinstance(changed, bool):
            raise ValidationError(f"{what}: changed は true か false です（{changed!r}）。")
        change_text = _text(row, "change_text", what, 500)
        if changed and not change_text:
            raise ValidationError(f"{what}: 変化の内容（change_text）がありません（{row.get('key')!r}）。")
        answered_at = fields.aware_datetime(row.get("answered_at"), what)
        # an answer to a check-in the CW stopped meanwhile is still kept: the CW should read it
        if timezone.localdate(answered_at) > checkin.window_closes_on:
            raise ValidationError(f"{what}: 近況報告 {row.get('key')} の締切の後の回答です。")
        services.apply_checkin_answer(
            checkin,
            answered_at=answered_at,
            fields={
                "health": health,
                "living": living,
                "changed": changed,
                "change_text": change_text if changed else "",
                "message": _text(row, "message", what, 2000),
            },
            account=_account(row, checkin.household, what),
            bundle_id=str(bundle.bundle_id),
        )


def register() -> None:
    """Called from the app's ready(): the core's end of the visit and check-in record types."""
    from hogo.transfer import services as transfer  # noqa: PLC0415 - the transfer app's registry

    transfer.register_exporter(VISIT_SLOT, export_visit_slots)
    transfer.register_exporter(CHECKIN, export_checkins)
    transfer.register_importer(VISIT_ANSWER, import_visit_answers)
    transfer.register_importer(CHECKIN_ANSWER, import_checkin_answers)
