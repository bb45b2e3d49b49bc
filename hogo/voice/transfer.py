"""The core's end of the voice record types (docs/transfer/recipients.md, decision 0038).

Core → portal, each the whole current state for the households with a portal account (ended_at null):
`portal_notice` — a decision whose notice was issued (a plain summary; the paper notice stays the legal one),
an open income-declaration follow-up within its warning period, a receivable whose amount due is overdue, and
a fulfilled certificate request (its PDF attached when delivered in the portal); a notice no longer listed is
withdrawn on the portal. `portal_content` — the office's published guides and its surveys not yet closed.
Portal → core: `certificate_request`, `opinion` (an anonymous one names no household), `survey_answer`;
each checked field by field (a bad row refuses the whole bundle), idempotent by the portal's key, audited
with its bundle."""

import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from hogo.approvals.models import Status as ApprovalStatus
from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.wareki import wareki
from hogo.decisions.models import Decision, DecisionKind
from hogo.followups.models import DeclarationKind, FollowUp
from hogo.followups.models import State as FollowupState
from hogo.households.models import Household, Member
from hogo.offices.models import Office
from hogo.receivables import services as receivables
from hogo.receivables.models import Receivable
from hogo.recipients.models import PortalAccount
from hogo.transfer import fields
from hogo.transfer.bundle import attachment_name
from hogo.transfer.services import Exported

from .models import (
    CertificateKind,
    CertificateRequest,
    Delivery,
    Guide,
    Opinion,
    RequestState,
    Survey,
    SurveyAnswer,
)

NOTICE, CONTENT = "portal_notice", "portal_content"
CERTIFICATE, OPINION, SURVEY_ANSWER = "certificate_request", "opinion", "survey_answer"
DECISION_DAYS = 180  # a decision notice stays in the portal this long after it was issued
CERTIFICATE_DAYS = 90  # a delivered certificate stays downloadable this long
OPINION_CATEGORIES = {
    "service": "窓口・職員の対応",
    "procedure": "手続き・書類",
    "portal": "このポータル",
    "other": "その他",
}
DECISION_SUMMARY = {
    DecisionKind.START: ("保護の開始が決まりました", "生活保護を{day}から始めることが決まりました。"),
    DecisionKind.CHANGE: ("保護の内容が変わりました", "{day}から保護の内容（保護費の額など）が変わります。"),
    DecisionKind.SUSPENSION: ("保護を一時止めることが決まりました", "{day}から保護を一時止めます。"),
    DecisionKind.TERMINATION: ("保護を終えることが決まりました", "{day}で保護を終えることが決まりました。"),
    DecisionKind.REJECTION: ("申請について決まりました", "保護の申請について、開始しないことが決まりました。"),
}
PAPER = (
    "正式な通知書（決定通知書）は紙でお送りしています。理由や不服があるときの手続き（審査請求）も通知書に"
    "書いてあります。わからないことは担当のケースワーカーに聞いてください。"
)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _served_households(office_code: str):
    return Household.objects.filter(
        office__municipality_code=office_code,
        pk__in=PortalAccount.objects.filter(ended_at__isnull=True).values("household_id"),
    )


# --- core → portal -------------------------------------------------------------------------------------------


def export_notices(office_code: str) -> Exported:
    households = list(_served_households(office_code))
    today = timezone.localdate()
    rows, attachments = [], {}

    def notice(household, key, kind, title, body, dated, attachment=None, label=""):
        rows.append(
            {
                "office": office_code,
                "key": key,
                "household": str(household.public_id),
                "kind": kind,
                "title": title,
                "body": body,
                "dated": dated.isoformat(),
                "attachment": attachment,
                "attachment_label": label,
            }
        )

    decisions = Decision.objects.filter(
        household__in=households,
        status=ApprovalStatus.APPROVED,
        notice_number__isnull=False,
        notice_number__assigned_at__gte=timezone.now() - timedelta(days=DECISION_DAYS),
    ).select_related("household", "notice_number")
    for d in decisions:
        title, text = DECISION_SUMMARY[d.kind]
        body = text.format(day=wareki(d.effective_from))
        if d.kind in (DecisionKind.START, DecisionKind.CHANGE) and d.benefit_total:
            body += f"1か月の保護費は{d.benefit_total:,}円です。"
        issued = timezone.localdate(d.notice_number.assigned_at)
        notice(d.household, f"decision-{d.public_id}", "decision", title, f"{body}\n{PAPER}", issued)

    followups = FollowUp.objects.filter(
        household__in=households,
        state=FollowupState.OPEN,
        rule__closed_by=DeclarationKind.INCOME,
        warn_on__lte=today,
    ).select_related("household")
    for f in followups:
        period = f"（{f.period_label}）" if f.period_label else ""
        body = (
            f"収入の申告{period}の期限は{wareki(f.due_on)}です。働いて得たお金や年金などを申告してください"
            "（生活保護法第61条）。このポータルの「申告・届出」から出せます。"
        )
        notice(f.household, f"declaration-{f.public_id}", "declaration", "収入の申告をお願いします", body, f.warn_on)

    for r in Receivable.objects.filter(household__in=households).prefetch_related("entries", "instalments"):
        if any(e.kind == "write_off" for e in r.entries.all()):
            continue
        due = receivables.next_due(r)
        if due is None or due >= today:
            continue
        body = (
            f"お支払いの期限（{wareki(due)}）が過ぎています。残りは{receivables.balance_of(r):,}円です。"
            "お手元の通知をご確認のうえ、担当までご連絡ください。"
        )
        notice(
            r.household,
            f"dunning-{r.public_id}-{due.isoformat()}",
            "dunning",
            "お支払いの期限が過ぎています",
            body,
            due,
        )

    since = timezone.now() - timedelta(days=CERTIFICATE_DAYS)
    certificates = CertificateRequest.objects.filter(
        household__in=households, state__in=[RequestState.ISSUED, RequestState.POSTED], fulfilled_at__gte=since
    ).select_related("household")
    for c in certificates:
        what = c.get_kind_display()
        if c.state == RequestState.ISSUED:
            name = attachment_name(bytes(c.pdf), "pdf")
            attachments[name] = bytes(c.pdf)
            body = f"申請された{what}ができました。下のボタンからPDFを受け取れます（{CERTIFICATE_DAYS}日間）。"
            notice(
                c.household,
                f"certificate-{c.public_id}",
                "certificate",
                f"{what}ができました",
                body,
                timezone.localdate(c.fulfilled_at),
                name,
                f"{what}.pdf",
            )
        else:
            body = f"申請された{what}を郵便でお送りしました。数日で届きます。"
            notice(
                c.household,
                f"certificate-{c.public_id}",
                "certificate",
                f"{what}を郵送しました",
                body,
                timezone.localdate(c.fulfilled_at),
            )
    rows.sort(key=lambda r: r["key"])
    return Exported(rows, attachments)


def export_content(office_code: str) -> list[dict]:
    today = timezone.localdate()
    rows = [
        {"office": office_code, "key": g.key, "kind": "guide", "title": g.title, "body": g.body, "order": g.order}
        for g in Guide.objects.filter(office__municipality_code=office_code, published=True)
    ]
    for s in Survey.objects.filter(office__municipality_code=office_code, closes_on__gte=today).order_by("pk"):
        rows.append(
            {
                "office": office_code,
                "key": s.key,
                "kind": "survey",
                "title": s.title,
                "intro": s.intro,
                "questions": s.questions,
                "opens_on": s.opens_on.isoformat(),
                "closes_on": s.closes_on.isoformat(),
            }
        )
    return rows


# --- portal → core -------------------------------------------------------------------------------------------


def _text(row: dict, field: str, what: str, max_length: int, *, blank: bool = False) -> str:
    # the core's reading of a portal text: stripped, and a null is refused even where a blank text is allowed
    return fields.text(row, field, what, max_length=max_length, blank=blank, null=False, strip=True)


def _office(row: dict, bundle, what: str) -> Office:
    return Office.objects.get(municipality_code=fields.office(row, bundle, what))


def _key(row: dict, prefix: str, what: str) -> str:
    key = row.get("key")
    if not isinstance(key, str) or not key.startswith(prefix) or not 4 < len(key) <= 40:
        raise ValidationError(f"{what}: キー {key!r} が不正です。")
    return key


def _household(row: dict, office: Office, what: str) -> Household:
    household = Household.objects.filter(public_id=_uuid(row.get("household"), what), office=office).first()
    if household is None:
        raise ValidationError(f"{what}: 世帯 {row.get('household')!r} はこの事務所にありません（{row.get('key')}）。")
    return household


def _uuid(value, what: str):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationError(f"{what}: キー {value!r} が不正です。") from None


def _account(row: dict, household: Household, what: str) -> str:
    key = str(row.get("account", ""))
    if not (key.startswith("ra-") and key[3:].isdigit()):
        raise ValidationError(f"{what}: アカウント {key!r} が不正です。")
    if not PortalAccount.objects.filter(pk=int(key[3:]), household=household).exists():
        raise ValidationError(f"{what}: アカウント {key} はこの世帯のものではありません。")
    return key


def import_certificate_requests(records: list[dict], bundle) -> None:
    what = "証明書の申請"
    for row in records:
        office = _office(row, bundle, what)
        key = _key(row, "cr-", what)
        household = _household(row, office, what)
        account = _account(row, household, what)
        kind = row.get("kind")
        if kind not in CertificateKind.values:
            raise ValidationError(f"{what}: 種類 {kind!r} が不正です（{key}）。")
        delivery = row.get("delivery")
        if delivery not in Delivery.values:
            raise ValidationError(f"{what}: 受け取り方 {delivery!r} が不正です（{key}）。")
        values = {
            "household": household,
            "account_key": account,
            "kind": kind,
            "delivery": delivery,
            "purpose": _text(row, "purpose", what, 200, blank=kind != CertificateKind.RECEIPT),
            "clinic": _text(row, "clinic", what, 100, blank=kind != CertificateKind.MEDICAL),
            "reason": _text(row, "reason", what, 1000, blank=True),
            "requested_at": fields.aware_datetime(row.get("requested_at"), what),
            "member": None,
        }
        if kind == CertificateKind.MEDICAL:
            values["member"] = Member.objects.filter(
                public_id=_uuid(row.get("person"), what), household=household, left_on__isnull=True
            ).first()
            if values["member"] is None:
                raise ValidationError(f"{what}: 受診する人 {row.get('person')!r} はこの世帯の世帯員ではありません。")
        existing = CertificateRequest.objects.filter(key=key).first()
        if existing is not None:
            if existing.household_id != household.pk:
                raise ValidationError(f"{what}: キー {key} は別の世帯の申請です。")
            continue  # arrived before
        request = CertificateRequest.objects.create(key=key, bundle_id=bundle.bundle_id, **values)
        record(
            None,
            Action.CREATE,
            target=request,
            detail={"certificate": kind, "from": "portal", "bundle": bundle.bundle_id},
        )


def import_opinions(records: list[dict], bundle) -> None:
    what = "ご意見"
    for row in records:
        office = _office(row, bundle, what)
        key = _key(row, "op-", what)
        anonymous = row.get("anonymous")
        if not isinstance(anonymous, bool):
            raise ValidationError(f"{what}: anonymous は true か false です（{key}）。")
        household, name = None, ""
        if anonymous:
            if any(row.get(f) for f in ("household", "account", "name")):
                raise ValidationError(f"{what}: 匿名のご意見に世帯・アカウント・名前が入っています（{key}）。")
        else:
            household = _household(row, office, what)
            _account(row, household, what)
            name = _text(row, "name", what, 100)
        category = row.get("category")
        if category not in OPINION_CATEGORIES:
            raise ValidationError(f"{what}: 分類 {category!r} が不正です（{key}）。")
        text = _text(row, "text", what, 2000)
        submitted_at = fields.aware_datetime(row.get("submitted_at"), what)
        existing = Opinion.objects.filter(key=key).first()
        if existing is not None:
            continue
        opinion = Opinion.objects.create(
            office=office,
            key=key,
            household=household,
            name=name,
            category=category,
            text=text,
            submitted_at=submitted_at,
            bundle_id=bundle.bundle_id,
        )
        record(
            None,
            Action.CREATE,
            target=opinion,
            office_id=office.pk,
            detail={"opinion": "anonymous" if anonymous else "named", "from": "portal", "bundle": bundle.bundle_id},
        )


def import_survey_answers(records: list[dict], bundle) -> None:
    what = "アンケートの回答"
    for row in records:
        office = _office(row, bundle, what)
        key = _key(row, "sa-", what)
        household = _household(row, office, what)
        _account(row, household, what)
        survey_key = str(row.get("survey", ""))
        survey = None
        if survey_key.startswith("sv-"):
            survey = Survey.objects.filter(public_id=_uuid(survey_key[3:], what), office=office).first()
        if survey is None:
            raise ValidationError(f"{what}: アンケート {survey_key!r} はこの事務所にありません。")
        answers = row.get("answers")
        if not isinstance(answers, dict):
            raise ValidationError(f"{what}: answers が不正です（{key}）。")
        questions = {q["key"]: q for q in survey.questions}
        if set(answers) - set(questions):
            raise ValidationError(f"{what}: ない質問への回答があります（{key}）。")
        for qkey, value in answers.items():
            q = questions[qkey]
            if not isinstance(value, str) or len(value) > 1000:
                raise ValidationError(f"{what}: {qkey} の回答が不正です（{key}）。")
            if q["choices"] and value and value not in q["choices"]:
                raise ValidationError(f"{what}: {qkey} の回答 {value!r} は選択肢にありません（{key}）。")
        answered_at = fields.aware_datetime(row.get("answered_at"), what)
        if (
            SurveyAnswer.objects.filter(key=key).exists()
            or SurveyAnswer.objects.filter(survey=survey, household=household).exists()
        ):
            continue  # once per household: the first answer stands
        SurveyAnswer.objects.create(
            survey=survey,
            household=household,
            key=key,
            answers=answers,
            answered_at=answered_at,
            bundle_id=bundle.bundle_id,
        )
        record(
            None,
            Action.CREATE,
            target=survey,
            office_id=office.pk,
            detail={"survey_answer": key, "from": "portal", "bundle": bundle.bundle_id},
        )


def register() -> None:
    from hogo.transfer import services  # noqa: PLC0415

    services.register_exporter(NOTICE, export_notices)
    services.register_exporter(CONTENT, export_content)
    services.register_importer(CERTIFICATE, import_certificate_requests)
    services.register_importer(OPINION, import_opinions)
    services.register_importer(SURVEY_ANSWER, import_survey_answers)
