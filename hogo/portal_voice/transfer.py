"""The portal's end of the voice record types (docs/transfer/recipients.md; the core's end is
hogo/voice/transfer.py, decision 0038).

Core → portal: `portal_notice` (the whole current list for the office's portal households: upserted by key, a
notice no longer listed is withdrawn; each new one notifies the household once) and `portal_content` (the
guides and open surveys: upserted, one no longer sent is unlisted). Portal → core: `certificate_request`,
`opinion` and `survey_answer` not sent yet, each marked by the export that carried it. An anonymous opinion
carries no household, account or name."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from hogo.portal_notify.services import notify
from hogo.recipient_portal.models import RecipientHousehold
from hogo.transfer import fields

from .models import CertificateRequest, Content, Opinion, PortalNotice, SurveyAnswer

NOTICE, CONTENT = "portal_notice", "portal_content"
CERTIFICATE, OPINION, SURVEY_ANSWER = "certificate_request", "opinion", "survey_answer"
NOTICE_KINDS = {"decision", "declaration", "dunning", "certificate"}


def import_notices(records: list[dict], bundle) -> None:
    what = "お知らせ"
    office = bundle.office_code
    households = {h.key: h for h in RecipientHousehold.objects.filter(office=office)}
    listed, fresh = set(), []
    for row in records:
        fields.office(row, bundle, what)
        key = fields.text(row, "key", what, max_length=80)
        household = households.get(str(row.get("household")))
        if household is None:
            raise ValidationError(f"{what}: 世帯 {row.get('household')!r} はポータルに届いていません（{key}）。")
        kind = row.get("kind")
        if kind not in NOTICE_KINDS:
            raise ValidationError(f"{what}: 種類 {kind!r} が不正です（{key}）。")
        values = {
            "kind": kind,
            "title": fields.text(row, "title", what, max_length=120),
            "body": fields.text(row, "body", what, max_length=5000),
            "dated": fields.iso_date(row.get("dated"), what),
            "pdf": None,
            "pdf_label": "",
        }
        attachment = row.get("attachment")
        if attachment is not None:
            if (
                not isinstance(attachment, str)
                or not attachment.endswith(".pdf")
                or attachment not in bundle.attachments
            ):
                raise ValidationError(f"{what}: 添付 {attachment!r} がバンドルにありません（{key}）。")
            values["pdf"] = bundle.attachments[attachment]
            values["pdf_label"] = fields.text(row, "attachment_label", what, max_length=60)
        if (household.pk, key) in listed:
            raise ValidationError(f"{what}: キー {key} が重なっています。")
        listed.add((household.pk, key))
        notice, created = PortalNotice.objects.update_or_create(household=household, key=key, defaults=values)
        if created:
            fresh.append(notice)
    for notice in PortalNotice.objects.filter(household__office=office):
        if (notice.household_id, notice.key) not in listed:
            notice.delete()  # withdrawn in the core
    for notice in fresh:
        notify(
            notice.household,
            kind=f"notice:{notice.kind}",
            subject=notice.title,
            body=notice.body,
            url=reverse("my_notice", args=[notice.pk]),
            dedupe_key=f"voice-notice:{notice.key}",
        )


def import_content(records: list[dict], bundle) -> None:
    what = "案内・アンケート"
    office = bundle.office_code
    listed = []
    for row in records:
        fields.office(row, bundle, what)
        key = fields.text(row, "key", what, max_length=60)
        kind = row.get("kind")
        values = {"kind": kind, "title": fields.text(row, "title", what, max_length=100), "listed": True}
        if kind == "guide":
            order = row.get("order")
            if not isinstance(order, int) or not 0 <= order <= 999:
                raise ValidationError(f"{what}: 並び順 {order!r} が不正です（{key}）。")
            values.update(body=fields.text(row, "body", what, max_length=20000), order=order, questions=[])
        elif kind == "survey":
            values.update(
                body=fields.text(row, "intro", what, max_length=1000, blank=True),
                questions=_questions(row.get("questions"), key),
                opens_on=fields.iso_date(row.get("opens_on"), what),
                closes_on=fields.iso_date(row.get("closes_on"), what),
            )
        else:
            raise ValidationError(f"{what}: 種類 {kind!r} が不正です（{key}）。")
        Content.objects.update_or_create(office=office, key=key, defaults=values)
        listed.append(key)
    Content.objects.filter(office=office).exclude(key__in=listed).update(listed=False)


def _questions(rows, key: str) -> list[dict]:
    what = f"アンケート {key} の質問"
    if not isinstance(rows, list) or not rows or len(rows) > 20:
        raise ValidationError(f"{what}が不正です。")
    out = []
    for q in rows:
        if not isinstance(q, dict) or not isinstance(q.get("choices"), list):
            raise ValidationError(f"{what}が不正です。")
        choices = q["choices"]
        if not all(isinstance(c, str) and 0 < len(c) <= 50 for c in choices) or len(choices) > 10:
            raise ValidationError(f"{what}の選択肢が不正です。")
        out.append(
            {
                "key": fields.text(q, "key", what, max_length=10),
                "text": fields.text(q, "text", what, max_length=200),
                "choices": choices,
            }
        )
    return out


# --- portal → core -------------------------------------------------------------------------------------------


def _mark() -> str:
    """What marks the rows an export carried: the bundle's id; the core acknowledges it once accepted."""
    from hogo.transfer.services import current_export_id  # noqa: PLC0415

    return current_export_id()


def _unacknowledged(queryset):
    from hogo.transfer.services import unacknowledged  # noqa: PLC0415

    return unacknowledged(queryset)


def acknowledge(office_code: str, bundle_ids: list[str]) -> None:
    """The core accepted these bundles: their requests, opinions and survey answers are not sent again."""
    from hogo.transfer.services import acknowledge as mark  # noqa: PLC0415

    mark(CertificateRequest.objects.filter(household__office=office_code), bundle_ids)
    mark(Opinion.objects.filter(office=office_code), bundle_ids)
    mark(SurveyAnswer.objects.filter(household__office=office_code), bundle_ids)


def _at(value) -> str:
    return timezone.localtime(value).isoformat()


def export_certificate_requests(office_code: str) -> list[dict]:
    rows = list(
        _unacknowledged(CertificateRequest.objects.filter(household__office=office_code))
        .select_related("household", "account")
        .order_by("pk")
    )
    out = [
        {
            "office": office_code,
            "key": r.key,
            "household": r.household.key,
            "account": r.account.key,
            "kind": r.kind,
            "purpose": r.purpose,
            "delivery": r.delivery,
            "person": r.person_key or None,
            "clinic": r.clinic,
            "reason": r.reason,
            "requested_at": _at(r.requested_at),
        }
        for r in rows
    ]
    # sent again in every bundle until the core acknowledges one that carried it
    CertificateRequest.objects.filter(pk__in=[r.pk for r in rows]).update(sent_bundle=_mark(), acknowledged_at=None)
    return out


def export_opinions(office_code: str) -> list[dict]:
    rows = list(
        _unacknowledged(Opinion.objects.filter(office=office_code))
        .select_related("household", "account")
        .order_by("pk")
    )
    out = []
    for o in rows:
        row = {
            "office": office_code,
            "key": o.key,
            "anonymous": o.household_id is None,
            "category": o.category,
            "text": o.text,
            "submitted_at": _at(o.submitted_at),
        }
        if o.household_id is not None:
            row.update(household=o.household.key, account=o.account.key, name=o.name)
        out.append(row)
    Opinion.objects.filter(pk__in=[o.pk for o in rows]).update(sent_bundle=_mark(), acknowledged_at=None)
    return out


def export_survey_answers(office_code: str) -> list[dict]:
    rows = list(
        _unacknowledged(SurveyAnswer.objects.filter(household__office=office_code))
        .select_related("household", "account", "survey")
        .order_by("pk")
    )
    out = [
        {
            "office": office_code,
            "key": a.key,
            "survey": a.survey.key,
            "household": a.household.key,
            "account": a.account.key,
            "answers": a.answers,
            "answered_at": _at(a.answered_at),
        }
        for a in rows
    ]
    SurveyAnswer.objects.filter(pk__in=[a.pk for a in rows]).update(sent_bundle=_mark(), acknowledged_at=None)
    return out


def register() -> None:
    from hogo.transfer import services  # noqa: PLC0415

    services.register_importer(NOTICE, import_notices)
    services.register_importer(CONTENT, import_content)
    services.register_exporter(CERTIFICATE, export_certificate_requests)
    services.register_exporter(OPINION, export_opinions)
    services.register_exporter(SURVEY_ANSWER, export_survey_answers)
    services.register_acknowledger(acknowledge)
