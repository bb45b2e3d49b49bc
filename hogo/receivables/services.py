"""Every change in receivables: one function per use case, in a transaction, permission checked,
audited. A determination follows the office's approval route like other decisions; the collection
team works receivables without seeing case records."""

import csv
import io
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common import versions
from hogo.common.bounds import NOTE_MAX
from hogo.common.refusals import ErrorList
from hogo.common.wareki import wareki
from hogo.decisions.models import LedgerAdjustment
from hogo.households.models import Household, Relation
from hogo.households.scoping import households_visible_to
from hogo.households.services import open_household_record, require_edit
from hogo.offices.models import Role
from hogo.offices.queries import standing_of
from hogo.transfer import services as transfer
from hogo.transfer.bundle import attachment_name

from . import rules
from .models import (
    CollectionSettings,
    Delivery,
    Determination,
    DunningBatch,
    Entry,
    Instalment,
    Receivable,
)

NOT_YOURS = "この世帯の返還金・徴収金を扱う権限がありません。"
COLLECTING_ROLES = (Role.COLLECTOR, Role.CLERK)
READING_ROLES = (Role.COLLECTOR, Role.CLERK, Role.CHIEF)


def _refuse(exc: rules.RuleError):
    raise ValidationError({exc.field: str(exc)})


# --- determinations -----------------------------------------------------------------------------


def candidate_lines(household) -> list[dict]:
    """Repayment candidates the benefit ledger recorded (a retroactive decision that lowered a
    month's benefit), as lines to start a determination from."""
    return [
        {"month": a.month.isoformat(), "assistance": a.assistance, "amount": -a.amount}
        for a in LedgerAdjustment.objects.filter(
            household=household, kind=LedgerAdjustment.Kind.REPAYMENT_CANDIDATE
        ).order_by("month", "assistance")
    ]


@transaction.atomic
def draft_determination(
    actor,
    household: Household,
    *,
    lines: list[dict],
    cause: str,
    due_on: date,
    means_existed: str = "",
    dishonest_from: date | None = None,
    dishonest_facts: str = "",
    deductions: list[dict] = (),
    surcharge_percent: int = 0,
) -> Determination:
    require_edit(actor, household, NOT_YOURS)
    try:
        parsed = [
            rules.Overpayment(date.fromisoformat(str(x["month"])[:7] + "-01"), x["assistance"], int(x["amount"]))
            for x in lines
        ]
        cut = [rules.Deduction(int(d["amount"]), d.get("reason", "")) for d in deductions or []]
    except (KeyError, ValueError, TypeError):
        raise ValidationError({"lines": "月（YYYY-MM）・扶助・金額を正しく入力してください。"}) from None
    try:
        result = rules.determine(
            parsed,
            dishonest_from=dishonest_from,
            deductions=cut,
            surcharge_percent=surcharge_percent,
            this_month=timezone.localdate().replace(day=1),
        )
    except rules.RuleError as exc:
        _refuse(exc)
    errors = {
        field: f"{label}は{NOTE_MAX:,}文字以内で入力してください（いま{len(text):,}文字）。"
        for field, label, text in (
            ("means_existed", "資力があった事実", means_existed or ""),
            ("dishonest_facts", "不正な手段の事実", dishonest_facts or ""),
        )
        if len(text.strip()) > NOTE_MAX
    }
    if result.lines63 and not (means_existed or "").strip():
        errors["means_existed"] = "法第63条の部分について、資力があった事実（いつ、何があったか）を記録してください。"
    if result.lines78 and not (dishonest_facts or "").strip():
        errors["dishonest_facts"] = "法第78条の部分について、不実の申請その他不正な手段の事実を記録してください。"
    if due_on is None or due_on < timezone.localdate():
        errors["due_on"] = "納期限は今日以降の日付にしてください。"
    if errors:
        raise ValidationError(errors)
    determination = Determination.objects.create(
        household=household,
        lines=[{"month": x.month.isoformat(), "assistance": x.assistance, "amount": x.amount} for x in parsed],
        means_existed=(means_existed or "").strip(),
        dishonest_from=dishonest_from,
        dishonest_facts=(dishonest_facts or "").strip(),
        deductions=[{"amount": d.amount, "reason": d.reason} for d in cut],
        surcharge_percent=surcharge_percent,
        cause=cause,
        principal63=result.principal63,
        principal78=result.principal78,
        surcharge78=result.surcharge78,
        due_on=due_on,
        drafted_by=actor,
    )
    record(actor, Action.CREATE, target=determination, detail={"total": determination.total})
    return determination


def articles_of(determination: Determination) -> list[tuple[str, int, int]]:
    """(article, principal, surcharge) of each article with a principal: 法第63条, 法第78条."""
    return [
        (kind, principal, surcharge)
        for kind, principal, surcharge in (
            (rules.ART63, determination.principal63, 0),
            (rules.ART78, determination.principal78, determination.surcharge78),
        )
        if principal
    ]


def create_receivable(determination: Determination, kind: str, created_on: date) -> Receivable:
    """The receivable of one article of an approved determination: the debtor as the case file names
    the head now, and the reference the payment slips carry (office code, determination, article)."""
    household = determination.household
    head = household.members.filter(relation=Relation.HEAD).first()
    return Receivable.objects.create(
        office_id=household.office_id,
        household=household,
        determination=determination,
        kind=kind,
        reference=f"{household.office.municipality_code}{determination.pk:07d}{kind}",
        debtor_name=head.name if head else "",
        debtor_address=household.address,
        cause=determination.cause,
        created_on=created_on,
        due_on=determination.due_on,
    )


def open_receivables(actor, determination: Determination) -> list[Receivable]:
    """What the last approval of a determination sets in motion (registered with the approvals app):
    one receivable per article with its principal (and surcharge) entries."""
    today = timezone.localdate()
    created = []
    for kind, principal, surcharge in articles_of(determination):
        receivable = create_receivable(determination, kind, today)
        Entry.objects.create(
            receivable=receivable,
            kind=rules.PRINCIPAL,
            amount=principal,
            on=today,
            recorded_by=actor,
            note=f"{wareki(today)}決裁の返還金・徴収金の決定",
        )
        if surcharge:
            Entry.objects.create(
                receivable=receivable,
                kind=rules.SURCHARGE,
                amount=surcharge,
                on=today,
                recorded_by=actor,
                note=f"法第78条第1項 加算金 {determination.surcharge_percent}%",
            )
        created.append(receivable)
    return created


def open_determination(actor, public_id) -> Determination:
    return open_household_record(actor, Determination, public_id, "決定が見つかりません。")


# --- receivables --------------------------------------------------------------------------------


def visible_receivables(actor):
    """The collection team, clerks and the chief see their office's receivables; caseworkers and
    supervisors see those of the households they may see."""
    standing = standing_of(actor)
    offices = standing.offices_with(*READING_ROLES)
    return Receivable.objects.filter(office_id__in=offices) | Receivable.objects.filter(
        household__in=households_visible_to(actor)
    )


def open_receivable(actor, public_id) -> Receivable:
    receivable = visible_receivables(actor).filter(public_id=public_id).select_related("office").first()
    if receivable is None:
        office = Receivable.objects.filter(public_id=public_id).values_list("office_id", flat=True).first()
        record(
            actor,
            Action.DENIED,
            target_type=Receivable.audit_type,
            target_id=str(public_id),
            office_id=office,
        )
        raise Http404("債権が見つかりません。")
    record(actor, Action.VIEW, target=receivable, office_id=receivable.office_id)
    return receivable


def require_collecting(actor, receivable: Receivable):
    if not standing_of(actor).has_role(Role.COLLECTOR, receivable.office_id) and not standing_of(actor).has_role(
        Role.CLERK, receivable.office_id
    ):
        raise PermissionDenied("入金・分納・督促を扱えるのは債権管理の担当と事務です。")


def require_writing_off(actor, receivable: Receivable):
    if not standing_of(actor).has_role(Role.CHIEF, receivable.office_id):
        raise PermissionDenied("不納欠損の処理は課長の決裁で行います。")


def ledger_of(receivable: Receivable) -> list[rules.Entry]:
    return [e.as_rule() for e in receivable.entries.all()]


def balance_of(receivable: Receivable) -> int:
    return rules.balance(ledger_of(receivable))


def _credit(actor, receivable: Receivable, kind: str, amount: int, on: date, channel: str, note: str) -> Entry:
    receivable = Receivable.objects.select_for_update().get(pk=receivable.pk)
    try:
        rules.check_credit(ledger_of(receivable), kind, amount)
    except rules.RuleError as exc:
        _refuse(exc)
    if on is None or on > timezone.localdate():
        raise ValidationError({"on": "日付を正しく入力してください（未来の日付は使えません）。"})
    entry = Entry.objects.create(
        receivable=receivable, kind=kind, amount=amount, on=on, channel=channel, note=note[:200], recorded_by=actor
    )
    record(
        actor,
        Action.UPDATE,
        target=receivable,
        office_id=receivable.office_id,
        detail={"entry": kind, "amount": amount},
    )
    return entry


@transaction.atomic
def record_payment(actor, receivable: Receivable, *, amount: int, on: date, channel: str, note: str = "") -> Entry:
    require_collecting(actor, receivable)
    if channel not in ("bank", "counter", "convenience"):
        raise ValidationError({"channel": "入金の方法は一覧から選んでください。"})
    return _credit(actor, receivable, rules.PAYMENT, amount, on, channel, note)


@transaction.atomic
def record_offset(actor, receivable: Receivable, *, amount: int, on: date) -> Entry:
    """法第78条の2: from the benefit, after the recipient's written application, within the office's cap."""
    require_collecting(actor, receivable)
    settings_row, _ = CollectionSettings.objects.get_or_create(office_id=receivable.office_id)
    month_start = on.replace(day=1) if on else timezone.localdate().replace(day=1)
    already = sum(
        Entry.objects.filter(
            receivable__household=receivable.household, kind=rules.OFFSET, on__gte=month_start
        ).values_list("amount", flat=True)
    )
    try:
        rules.check_offset(
            receivable.kind,
            amount,
            applied_in_writing=receivable.offset_applied_on is not None,
            monthly_limit=settings_row.offset_monthly_limit,
            already_this_month=already,
        )
    except rules.RuleError as exc:
        _refuse(exc)
    return _credit(actor, receivable, rules.OFFSET, amount, on, "offset", "法第78条の2 保護金品からの徴収")


def take_from_benefit(actor, receivable: Receivable, *, amount: int, note: str) -> Entry:
    """法第78条の2: an offset a payment run deducted, booked when the run is approved (the run checked the
    written application and the office's monthly limit when it computed the deduction)."""
    if receivable.offset_applied_on is None or receivable.kind != rules.ART78:
        raise ValidationError({"offset": f"{receivable.reference}: 保護金品からの徴収の申出がありません。"})
    return _credit(actor, receivable, rules.OFFSET, amount, timezone.localdate(), "offset", note)


@transaction.atomic
def record_offset_application(actor, receivable: Receivable, *, applied_on: date) -> Receivable:
    require_collecting(actor, receivable)
    if receivable.kind != rules.ART78:
        raise ValidationError({"applied_on": "保護金品からの徴収（法第78条の2）は法第78条の徴収金に限られます。"})
    Receivable.objects.filter(pk=receivable.pk).update(offset_applied_on=applied_on)
    record(
        actor,
        Action.UPDATE,
        target=receivable,
        office_id=receivable.office_id,
        detail={"offset_applied_on": applied_on.isoformat()},
    )
    receivable.refresh_from_db()
    return receivable


PHONE_FORMAT = __import__("re").compile(r"^0\d{1,4}-?\d{1,4}-?\d{3,4}$")


def contact_watched(receivable: Receivable) -> list[versions.Watched]:
    """What the contact form shows (decision 0021): a stale form is refused with the current number."""
    return [versions.Watched("phone", receivable, "debtor_phone", "電話番号")]


def plan_version_of(receivable: Receivable) -> int:
    """The version of the current instalment plan (0: no plan, paid at once)."""
    return receivable.instalments.aggregate(v=Max("version"))["v"] or 0


@transaction.atomic
def update_contact(actor, receivable: Receivable, *, phone: str, version: dict | None = None) -> Receivable:
    """The debtor's phone number, for dunning by SMS (the case file is not the collection team's).
    `version`: what the form was loaded with; a number changed since is refused (decision 0021)."""
    require_collecting(actor, receivable)
    phone = (phone or "").strip().replace("－", "-")
    if phone and not PHONE_FORMAT.match(phone):
        raise ValidationError({"phone": "電話番号は 090-1234-5678 のように入力してください。"})
    locked = Receivable.objects.select_for_update().get(pk=receivable.pk)
    versions.refuse_if_changed(version, contact_watched(locked), {"phone": phone})
    Receivable.objects.filter(pk=receivable.pk).update(debtor_phone=phone)
    record(actor, Action.UPDATE, target=receivable, office_id=receivable.office_id, detail={"contact": True})
    receivable.refresh_from_db()
    return receivable


@transaction.atomic
def write_off(actor, receivable: Receivable, *, reason: str) -> Entry:
    """不納欠損: the chief approves it by doing it; the reason is kept with the entry."""
    require_writing_off(actor, receivable)
    if not (reason or "").strip():
        raise ValidationError({"reason": "不納欠損の理由（時効の完成など）を入力してください。"})
    left = balance_of(receivable)
    return _credit(actor, receivable, rules.WRITE_OFF, left, timezone.localdate(), "", reason.strip())


@transaction.atomic
def set_plan(
    actor, receivable: Receivable, *, instalments: list[tuple[date, int]], plan_version: int | None = None
) -> list[Instalment]:
    """A new version of the plan. `plan_version`: the version the form was loaded with; when someone made
    a newer plan since, the form is refused (decision 0021: the earlier plan stays as history either way)."""
    require_collecting(actor, receivable)
    Receivable.objects.select_for_update().filter(pk=receivable.pk).first()
    current = plan_version_of(receivable)
    if plan_version is not None and plan_version != current:
        raise ValidationError(
            {
                "instalments": f"この画面を開いた後に、他の人が分納の計画を作り直しました（第{current}版）。"
                "保存していません。画面を開き直して、いまの計画を確かめてください。"
            }
        )
    try:
        rules.check_plan(instalments, balance_of(receivable))
    except rules.RuleError as exc:
        _refuse(exc)
    version = current + 1
    rows = [
        Instalment.objects.create(
            receivable=receivable, version=version, number=i, due_on=d, amount=a, created_by=actor
        )
        for i, (d, a) in enumerate(instalments, start=1)
    ]
    record(
        actor,
        Action.UPDATE,
        target=receivable,
        office_id=receivable.office_id,
        detail={"plan_version": version, "instalments": len(rows)},
    )
    return rows


def current_plan(receivable: Receivable) -> list[Instalment]:
    version = plan_version_of(receivable)
    return list(receivable.instalments.filter(version=version)) if version else []


def next_due(receivable: Receivable) -> date | None:
    """The due date of the first amount not yet paid (by plan, or the receivable's due date)."""
    entries = ledger_of(receivable)
    if rules.balance(entries) <= 0:
        return None
    paid = sum(e.amount for e in entries if e.kind in (rules.PAYMENT, rules.OFFSET))
    cumulative = 0
    for instalment in current_plan(receivable):
        cumulative += instalment.amount
        if cumulative > paid:
            return instalment.due_on
    return receivable.due_on


# --- dunning -----------------------------------------------------------------------------------


def overdue(office_id, *, min_days: int, min_amount: int, kinds: list[str], today: date) -> list[dict]:
    rows = []
    for receivable in Receivable.objects.filter(office_id=office_id, kind__in=kinds).prefetch_related(
        "entries", "instalments"
    ):
        if any(e.kind == rules.WRITE_OFF for e in receivable.entries.all()):
            continue
        due = next_due(receivable)
        left = balance_of(receivable)
        if due is not None and (today - due).days >= min_days and left >= min_amount:
            rows.append({"receivable": receivable, "balance": left, "due": due, "days": (today - due).days})
    return sorted(rows, key=lambda r: (-r["days"], r["receivable"].reference))


SMS_MESSAGE = (
    "福祉事務所からのお知らせです。お支払いの期限が過ぎています。お手元の通知をご確認のうえ、担当までご連絡ください。"
)


@transaction.atomic
def create_batch(actor, office_id, *, criteria: dict, receivables: list[Receivable]) -> DunningBatch:
    if not standing_of(actor).offices_with(*COLLECTING_ROLES) or office_id not in standing_of(actor).offices_with(
        *COLLECTING_ROLES
    ):
        raise PermissionDenied("督促を作れるのは債権管理の担当と事務です。")
    if not receivables:
        raise ValidationError("督促の対象がありません。")
    batch = DunningBatch.objects.create(office_id=office_id, criteria=criteria, created_by=actor)
    batch.receivables.set(receivables)
    record(
        actor,
        Action.BULK_LOAD,
        office_id=office_id,
        detail={"dunning_batch": str(batch.public_id), "receivables": [r.reference for r in receivables]},
    )
    return batch


def sms_export(batch: DunningBatch) -> bytes:
    """The file for the message service on the LGWAN side: a signed transfer bundle addressed to
    `service:sms` (docs/transfer/README.md), signed with the office's core key. It holds only phone
    number, a short message without sensitive details and the reference: one `sms_message` record per
    message, and the same rows as `messages.csv` (an attachment the `batch` record names). The bundle id is
    the batch's id, so downloading the batch again gives the same bundle and the service sends it once."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["reference", "phone", "message"])
    messages = []
    for receivable in batch.receivables.order_by("reference"):
        if receivable.debtor_phone:
            writer.writerow([receivable.reference, receivable.debtor_phone, SMS_MESSAGE])
            messages.append(
                {"reference": receivable.reference, "phone": receivable.debtor_phone, "message": SMS_MESSAGE}
            )
    messages_csv = out.getvalue().encode("utf-8")
    csv_name = attachment_name(messages_csv, "csv")
    description = {
        "batch": str(batch.public_id),
        "created_at": batch.created_at.isoformat(),
        "count": len(messages),
        "files": {"messages.csv": csv_name},
    }
    return transfer.export_for_service(
        batch.office.municipality_code,
        "sms",
        {"batch": [description], "sms_message": messages},
        {csv_name: messages_csv},
        bundle_id=str(batch.public_id),
        created_at=timezone.localtime(batch.created_at),
    )


def _shown(value: str) -> str:
    """A value from the file, as quoted in an error: at most 30 characters."""
    return value if len(value) <= 30 else value[:30] + "…"


@transaction.atomic
def import_deliveries(actor, batch: DunningBatch, data: bytes) -> int:
    """Delivery results (reference,status with status delivered/failed): all or nothing; an unknown
    reference refuses the whole file; importing the same file again changes nothing. The file is
    read row by row and only one result per receivable of the batch is kept, so memory follows the
    batch, not the file; a refusal lists the first errors and counts the rest (ErrorList)."""
    if batch.office_id not in standing_of(actor).offices_with(*COLLECTING_ROLES):
        raise PermissionDenied("配信結果を取り込めるのは債権管理の担当と事務です。")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("UTF-8 の CSV として読めません。") from None
    members = {r.reference: r for r in batch.receivables.all()}
    results: dict[str, tuple[str, str]] = {}  # reference → (status, detail), the first row for each
    errors, rows = ErrorList(), 0
    reader = csv.DictReader(io.StringIO(text))
    try:
        for number, row in enumerate(reader, start=2):
            rows += 1
            reference, status = (row.get("reference") or "").strip(), (row.get("status") or "").strip()
            found = []
            if reference not in members:
                found.append(f"{number}行目 reference: この督促に含まれない整理番号「{_shown(reference)}」です。")
            if status not in ("delivered", "failed"):
                found.append(f"{number}行目 status: delivered か failed です（{_shown(status)}）。")
            if not found:
                results.setdefault(reference, (status, (row.get("detail") or "")[:100]))
            errors.add(*found)
    except csv.Error:  # a field over csv's limit (128 KiB), a stray NUL …
        raise ValidationError(f"{reader.line_num + 1}行目を CSV として読めません。") from None
    if errors:
        raise errors.refusal()
    if not rows:
        raise ValidationError("結果の行がありません。")
    done = set(batch.deliveries.values_list("receivable__reference", flat=True))
    added = 0
    for reference, (status, detail) in results.items():
        if reference in done:
            continue
        Delivery.objects.create(
            batch=batch, receivable=members[reference], reached=status == "delivered", detail=detail
        )
        added += 1
    record(
        actor,
        Action.UPDATE,
        office_id=batch.office_id,
        detail={"dunning_batch": str(batch.public_id), "delivery_results": added},
    )
    return added


# --- figures -----------------------------------------------------------------------------------

AGE_BUCKETS = [(0, "期限内"), (1, "1〜90日"), (91, "91〜365日"), (366, "1年超")]


def figures(office_id, today: date) -> dict:
    by_kind_age: dict = {}
    new_by_month: dict = {}
    charged = collected = 0
    for receivable in Receivable.objects.filter(office_id=office_id).prefetch_related("entries", "instalments"):
        entries = ledger_of(receivable)
        left = rules.balance(entries)
        charged += sum(e.amount for e in entries if e.kind in rules.DEBITS)
        collected += sum(e.amount for e in entries if e.kind in (rules.PAYMENT, rules.OFFSET))
        month = receivable.created_on.strftime("%Y-%m")
        new_by_month.setdefault(month, {"recipient": 0, "office": 0})[receivable.cause] += 1
        if left <= 0:
            continue
        due = next_due(receivable) or receivable.due_on
        days = (today - due).days
        label = [name for start, name in AGE_BUCKETS if days >= start][-1] if days > 0 else AGE_BUCKETS[0][1]
        by_kind_age.setdefault(receivable.get_kind_display(), {}).setdefault(label, 0)
        by_kind_age[receivable.get_kind_display()][label] += left
    return {
        "by_kind_age": by_kind_age,
        "new_by_month": dict(sorted(new_by_month.items())),
        "collection_rate": round(collected / charged, 3) if charged else None,
        "charged": charged,
        "collected": collected,
    }
