"""The portal's end of the visit and check-in record types (decision 0037; the core's end is
hogo/checkins/transfer.py, the formats docs/transfer/recipients.md).

Core → portal: `visit_slot` and `checkin`, whole current states upserted by key, each naming a household the
core has opened the portal to (sent as `recipient_household`, imported before these). A slot moved to
another date or time loses the answer given to the old one. Portal → core: `visit_answer` and
`checkin_answer` not sent yet, each marked sent by the export that carried it (a visit answer changed later
is sent again). Anything malformed refuses the whole bundle."""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from hogo.recipient_portal.models import RecipientHousehold
from hogo.transfer import fields

from .models import Checkin, CheckinAnswer, CheckinStatus, SlotStatus, VisitAnswer, VisitSlot

VISIT_SLOT, VISIT_ANSWER, CHECKIN, CHECKIN_ANSWER = "visit_slot", "visit_answer", "checkin", "checkin_answer"


def _key(row: dict, what: str) -> str:
    key = row.get("key")
    try:
        return str(uuid.UUID(str(key)))
    except ValueError:
        raise ValidationError(f"{what}: キー {key!r} が不正です。") from None


def _household(row: dict, office: str, what: str) -> RecipientHousehold:
    household = RecipientHousehold.objects.filter(office=office, key=str(row.get("household", ""))).first()
    if household is None:
        raise ValidationError(f"{what} {row.get('key')}: 世帯 {row.get('household')!r} はポータルに届いていません。")
    return household


def _date(row: dict, field: str, what: str) -> date:
    try:
        return date.fromisoformat(str(row.get(field)))
    except ValueError:
        raise ValidationError(f"{what} {row.get('key')}: {field} の日付 {row.get(field)!r} が読めません。") from None


def _text(row: dict, field: str, what: str, max_length: int, *, blank: bool) -> str:
    value = row.get(field)
    if not fields.is_text(value, max_length=max_length, blank=blank):
        raise ValidationError(f"{what} {row.get('key')}: {field} が不正です。")
    return value.strip()


def _same_owner(existing, household: RecipientHousehold, what: str, key: str) -> None:
    if existing is not None and existing.household_id != household.pk:
        raise ValidationError(f"{what} {key}: 別の世帯のものとして届いています。")


def import_visit_slots(records: list[dict], bundle) -> None:
    what = "訪問の日程"
    for row in records:
        office = fields.office(row, bundle, what)
        key = _key(row, what)
        household = _household(row, office, what)
        status = row.get("status")
        if status not in SlotStatus.values:
            raise ValidationError(f"{what} {key}: 状態 {status!r} が不正です。")
        values = {
            "household": household,
            "date": _date(row, "date", what),
            "slot": _text(row, "slot", what, 20, blank=True),
            "purpose": _text(row, "purpose", what, 200, blank=False),
            "status": status,
        }
        slot = VisitSlot.objects.filter(office=office, key=key).first()
        _same_owner(slot, household, what, key)
        if slot is not None and (slot.date, slot.slot) != (values["date"], values["slot"]):
            VisitAnswer.objects.filter(slot=slot).delete()  # moved: the answer was to the old date and time
        VisitSlot.objects.update_or_create(office=office, key=key, defaults=values)


def import_checkins(records: list[dict], bundle) -> None:
    what = "近況報告"
    for row in records:
        office = fields.office(row, bundle, what)
        key = _key(row, what)
        household = _household(row, office, what)
        status = row.get("status")
        if status not in CheckinStatus.values:
            raise ValidationError(f"{what} {key}: 状態 {status!r} が不正です。")
        due_on, closes_on = _date(row, "due_on", what), _date(row, "window_closes_on", what)
        if closes_on < due_on:
            raise ValidationError(f"{what} {key}: 締切が報告日より前です。")
        checkin = Checkin.objects.filter(office=office, key=key).first()
        _same_owner(checkin, household, what, key)
        Checkin.objects.update_or_create(
            office=office,
            key=key,
            defaults={"household": household, "due_on": due_on, "window_closes_on": closes_on, "status": status},
        )


def _mark() -> str:
    """What marks the rows an export carried: the bundle's id; the core acknowledges it once accepted."""
    from hogo.transfer.services import current_export_id  # noqa: PLC0415

    return current_export_id()


def _unacknowledged(queryset):
    from hogo.transfer.services import unacknowledged  # noqa: PLC0415

    return unacknowledged(queryset)


def acknowledge(office_code: str, bundle_ids: list[str]) -> None:
    """The core accepted these bundles: their visit and check-in answers are not sent again."""
    from hogo.transfer.services import acknowledge as mark  # noqa: PLC0415

    mark(VisitAnswer.objects.filter(slot__office=office_code), bundle_ids)
    mark(CheckinAnswer.objects.filter(checkin__office=office_code), bundle_ids)


def export_visit_answers(office_code: str) -> list[dict]:
    answers = list(
        _unacknowledged(VisitAnswer.objects.filter(slot__office=office_code))
        .select_related("slot__household", "account")
        .order_by("answered_at", "pk")
    )
    mark, now, out = _mark(), timezone.now(), []
    for a in answers:
        out.append(
            {
                "office": office_code,
                "key": a.slot.key,
                "household": a.slot.household.key,
                "account": a.account.key,
                "answer": a.answer,
                "wish": a.wish,
                "answered_at": timezone.localtime(a.answered_at).isoformat(),
            }
        )
        # only as exported: an answer changed meanwhile stays unsent
        VisitAnswer.objects.filter(pk=a.pk, answered_at=a.answered_at).update(
            sent_at=now, sent_bundle=mark, acknowledged_at=None
        )
    return out


def export_checkin_answers(office_code: str) -> list[dict]:
    answers = list(
        _unacknowledged(CheckinAnswer.objects.filter(checkin__office=office_code))
        .select_related("checkin__household", "account")
        .order_by("answered_at", "pk")
    )
    out = [
        {
            "office": office_code,
            "key": a.checkin.key,
            "household": a.checkin.household.key,
            "account": a.account.key,
            "health": a.health,
            "living": a.living,
            "changed": a.changed,
            "change_text": a.change_text,
            "message": a.message,
            "answered_at": timezone.localtime(a.answered_at).isoformat(),
        }
        for a in answers
    ]
    # sent again in every bundle until the core acknowledges one that carried it
    CheckinAnswer.objects.filter(pk__in=[a.pk for a in answers]).update(
        sent_at=timezone.now(), sent_bundle=_mark(), acknowledged_at=None
    )
    return out


def register() -> None:
    """Called from PortalVisitsConfig.ready() (after recipient_portal's: households come first)."""
    from hogo.transfer import services  # noqa: PLC0415 - the transfer app's registry, once apps are ready

    services.register_importer(VISIT_SLOT, import_visit_slots)
    services.register_importer(CHECKIN, import_checkins)
    services.register_exporter(VISIT_ANSWER, export_visit_answers)
    services.register_exporter(CHECKIN_ANSWER, export_checkin_answers)
    services.register_acknowledger(acknowledge)
