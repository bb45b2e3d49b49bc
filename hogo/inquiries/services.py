"""The inquiry work (issue 19, decision 0030): one function per use case, each in a transaction, checking
who may act and writing the audit entry.

- A caseworker (or the team's supervisor) asks: deposit inquiries to banks chosen from zengin-code (or
  本店一括), letters to the others. Each gets a reference that brings its reply back.
- The clerk (or a supervisor) sends: the day's electronic deposit inquiries of the office as one batch
  (a signed transfer bundle addressed to the deposit-inquiry service, issue 22); letters in
  bulk as one PDF.
- Replies come back: the service's reply file imported whole or not at all, once; a paper reply entered
  against its reference. A reply to a cancelled inquiry is kept and flagged. An inquiry is answered once:
  a later reply from a file is skipped, a later paper reply refused (checked with the inquiry locked).
"""

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import Event, record, record_many
from hogo.common.serials import next_serial
from hogo.decisions.models import Application
from hogo.households.models import Household, Member
from hogo.households.scoping import households_visible_to, may_edit
from hogo.households.services import open_household_record
from hogo.linkage.layouts import FileRefused, Refusal
from hogo.offices.models import Office, Role
from hogo.offices.queries import standing_of
from hogo.transfer import services as transfer
from hogo.transfer.bundle import attachment_name

from . import banks, replyfile
from .models import (
    OPEN,
    Account,
    Balance,
    Channel,
    Inquiry,
    InquiryBatch,
    InquiryKind,
    InquiryStatus,
    Reply,
    ReplyImport,
    Transaction,
)

# 預貯金等照会の電子化: replies in about a week (seed 003 取組1: 2–4 weeks on paper, about 1 week electronic)
DUE_DAYS = {Channel.ELECTRONIC: 7, Channel.PAPER: 14}
SENDERS = (Role.CLERK, Role.SUPERVISOR)
NOT_SENDER = "照会の送付と回答の取込は、事務と査察指導員が行います。"
NOT_CASEWORKING = "この世帯の照会を作成する権限がありません（担当CWと係の査察指導員が作成します）。"
REQUEST_FORMAT = "hogo-deposit-inquiry-request/1"
REQUEST_HEADER = [
    "照会番号",
    "金融機関コード",
    "店舗コード",
    "氏名",
    "氏名カナ",
    "生年月日",
    "住所",
    "残高基準日",
    "取引履歴",
    "照会の根拠",
    "照会元",
]
# the same columns as a `deposit_inquiry` record of the signed bundle: each value the text request.csv has
REQUEST_FIELDS = [
    "reference",
    "bank_code",
    "branch_code",
    "person_name",
    "person_kana",
    "person_birth_date",
    "person_address",
    "balance_dates",
    "with_transactions",
    "legal_basis",
    "office_name",
]


def _require_caseworking(actor, household: Household) -> None:
    if not may_edit(actor, household):
        record(actor, Action.DENIED, target=household, detail={"inquiry": "create"})
        raise PermissionDenied(NOT_CASEWORKING)


def may_send(actor, office_id: int) -> bool:
    standing = standing_of(actor)
    return any(standing.has_role(role, office_id) for role in SENDERS)


def _require_sender(actor, office_id: int) -> None:
    if not may_send(actor, office_id):
        record(actor, Action.DENIED, office_id=office_id, detail={"inquiry": "send"})
        raise PermissionDenied(NOT_SENDER)


def _next_reference(office: Office, today: date) -> str:
    """<office's 6-digit code><yy><6-digit number of the year>: typed on a paper reply form, so short. The
    whole code, not its last 4 digits: 012025 and 122025 share those (each office counts its own)."""
    Office.objects.select_for_update().filter(pk=office.pk).first()
    return next_serial(Inquiry, "reference", f"{office.municipality_code}{today.year % 100:02d}", 6)


@dataclass
class Person:
    """Who an inquiry is about: a member, or a person liable to support who is not one."""

    member: Member | None = None
    name: str = ""
    kana: str = ""
    birth_date: date | None = None
    address: str = ""


def _person_fields(household: Household, person: Person, errors: dict) -> dict:
    member = person.member
    if member is not None:
        if member.household_id != household.pk:
            errors["member"] = "この世帯の世帯員を選んでください。"
            return {}
        return {
            "member": member,
            "person_name": member.name,
            "person_kana": member.name_kana,
            "person_birth_date": member.birth_date,
            "person_address": household.address,
        }
    if not person.name.strip():
        errors["person_name"] = "照会の対象者の氏名を入力してください。"
    if not person.kana.strip():
        errors["person_kana"] = "照会の対象者の氏名カナを入力してください。"
    return {
        "person_name": person.name.strip(),
        "person_kana": person.kana.strip(),
        "person_birth_date": person.birth_date,
        "person_address": person.address.strip(),
    }


def application_of(household: Household):
    """The household's application waiting for its decision, if any (its inquiries serve its deadline)."""
    return Application.objects.filter(household=household, decided_on__isnull=True).order_by("-received_on").first()


@transaction.atomic
def ask_banks(
    actor,
    household: Household,
    person: Person,
    *,
    bank_codes: list[tuple[str, str]],
    balance_dates: list[date],
    with_transactions: bool = False,
    purpose: str = "保護の要否及び程度の決定のため（資産の調査）",
) -> list[Inquiry]:
    """Deposit inquiries about `person` to each (bank, branch) — branch '' asks every branch (本店一括)."""
    _require_caseworking(actor, household)
    errors: dict[str, str] = {}
    fields = _person_fields(household, person, errors)
    if not bank_codes:
        errors["banks"] = "照会する金融機関を1つ以上選んでください。"
    for bank_code, branch_code in bank_codes:
        if problem := banks.check(bank_code, branch_code):
            errors["banks"] = problem
    if len(set(bank_codes)) != len(bank_codes):
        errors["banks"] = "同じ金融機関・店舗が2回選ばれています。"
    if not balance_dates:
        errors["balance_dates"] = "残高を求める日を1つ以上入力してください。"
    today = timezone.localdate()
    if any(day > today for day in balance_dates):
        errors["balance_dates"] = "残高を求める日は今日までの日付にしてください。"
    if errors:
        raise ValidationError(errors)
    application = application_of(household)
    made = []
    for bank_code, branch_code in bank_codes:
        inquiry = Inquiry.objects.create(
            reference=_next_reference(household.office, today),
            household=household,
            application=application,
            kind=InquiryKind.DEPOSIT,
            channel=Channel.ELECTRONIC,
            purpose=purpose.strip()[:200],
            asked="預貯金の口座の有無、基準日の残高" + ("、取引履歴" if with_transactions else ""),
            institution_name=banks.label(bank_code, branch_code),
            bank_code=bank_code,
            branch_code=branch_code,
            balance_dates=sorted({d.isoformat() for d in balance_dates}),
            with_transactions=with_transactions,
            created_by=actor,
            **fields,
        )
        made.append(inquiry)
    record_many(
        actor,
        [
            Event(Action.CREATE, Inquiry.audit_type, str(i.public_id), household.office_id, {"reference": i.reference})
            for i in made
        ],
    )
    return made


@transaction.atomic
def ask_by_letter(
    actor,
    household: Household,
    person: Person,
    *,
    kind: str,
    institution_name: str,
    institution_address: str,
    asked: str,
    purpose: str = "保護の要否及び程度の決定のため",
) -> Inquiry:
    """An inquiry sent by letter: 生命保険会社, 勤務先, 年金事務所, 扶養義務者."""
    _require_caseworking(actor, household)
    errors: dict[str, str] = {}
    fields = _person_fields(household, person, errors)
    if kind not in InquiryKind.values or kind == InquiryKind.DEPOSIT:
        errors["kind"] = "照会の種類を一覧から選んでください（預貯金は金融機関への電子照会で行います）。"
    if not institution_name.strip():
        errors["institution_name"] = "照会先を入力してください。"
    if not institution_address.strip():
        errors["institution_address"] = "照会先の住所を入力してください（文書で送ります）。"
    if not asked.strip():
        errors["asked"] = "照会事項を入力してください。"
    if errors:
        raise ValidationError(errors)
    inquiry = Inquiry.objects.create(
        reference=_next_reference(household.office, timezone.localdate()),
        household=household,
        application=application_of(household),
        kind=kind,
        channel=Channel.PAPER,
        purpose=purpose.strip()[:200],
        asked=asked.strip(),
        institution_name=institution_name.strip()[:100],
        institution_address=institution_address.strip()[:200],
        created_by=actor,
        **fields,
    )
    record(actor, Action.CREATE, target=inquiry, detail={"reference": inquiry.reference, "kind": kind})
    return inquiry


def open_inquiry(actor, public_id) -> Inquiry:
    """One inquiry: visible exactly when its household is (audited; a refusal is a 404)."""
    return open_household_record(actor, Inquiry, public_id, "照会が見つかりません。", related=("created_by__staff",))


def visible_inquiries(actor):
    return Inquiry.objects.filter(household__in=households_visible_to(actor))


@transaction.atomic
def cancel(actor, inquiry: Inquiry, reason: str) -> Inquiry:
    _require_caseworking(actor, inquiry.household)
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if inquiry.status not in OPEN:
        raise ValidationError(f"この照会は既に「{inquiry.get_status_display()}」です。")
    if not reason.strip():
        raise ValidationError({"reason": "取消の理由を入力してください。"})
    inquiry.status, inquiry.cancelled_reason = InquiryStatus.CANCELLED, reason.strip()[:200]
    inquiry.save(update_fields=["status", "cancelled_reason"])
    record(actor, Action.UPDATE, target=inquiry, detail={"cancelled": inquiry.cancelled_reason})
    return inquiry


@transaction.atomic
def remind(actor, inquiry: Inquiry) -> Inquiry:
    """A reminder to a paper inquiry still unanswered: recorded today; the letter is printed by the caller."""
    _require_caseworking(actor, inquiry.household)
    inquiry = Inquiry.objects.select_for_update().select_related("household__office").get(pk=inquiry.pk)
    if inquiry.status != InquiryStatus.SENT or inquiry.channel != Channel.PAPER:
        raise ValidationError("督促できるのは、送付済みで回答のない文書の照会です。")
    inquiry.reminded_on = timezone.localdate()
    # the reminder asks for a reply within two weeks of its own date (letters.render_reminder prints it)
    inquiry.due_on = inquiry.reminded_on + timedelta(days=DUE_DAYS[Channel.PAPER])
    inquiry.save(update_fields=["reminded_on", "due_on"])
    record(actor, Action.UPDATE, target=inquiry, detail={"reminded": inquiry.reminded_on.isoformat()})
    return inquiry


# --- sending ---------------------------------------------------------------------------------------


def _request_values(inquiries) -> list[list[str]]:
    """Each inquiry's fields in REQUEST_HEADER's order, as the service reads them."""
    return [
        [
            i.reference,
            i.bank_code,
            i.branch_code,
            i.person_name,
            i.person_kana,
            i.person_birth_date.isoformat() if i.person_birth_date else "",
            i.person_address,
            ";".join(i.balance_dates),
            "1" if i.with_transactions else "0",
            i.legal_basis,
            i.household.office.name,
        ]
        for i in inquiries
    ]


def request_rows(inquiries) -> bytes:
    """The request file of the deposit-inquiry service (docs/inquiries/deposit_request.md), UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REQUEST_HEADER)
    writer.writerows(_request_values(inquiries))
    return out.getvalue().encode("utf-8")


def bundle_of(batch: InquiryBatch) -> bytes:
    """The batch as the service receives it (docs/inquiries/deposit_request.md): a signed transfer bundle
    addressed to `service:deposit_inquiry`, signed with the office's core key; one `deposit_inquiry`
    record per row, request.csv as an attachment, and a `batch` record describing both. The bundle id is
    the batch's id and its time the export's, so the same batch gives the same bytes again (until the
    office's key is rotated)."""
    inquiries = list(batch.inquiries.select_related("household__office").order_by("reference"))
    request = request_rows(inquiries)
    csv_name = attachment_name(request, "csv")
    description = {
        "format": REQUEST_FORMAT,
        "office": batch.office.municipality_code,
        "day": batch.day.isoformat(),
        "count": len(inquiries),
        "files": {"request.csv": csv_name},
    }
    rows = [dict(zip(REQUEST_FIELDS, row, strict=True)) for row in _request_values(inquiries)]
    return transfer.export_for_service(
        batch.office.municipality_code,
        "deposit_inquiry",
        {"batch": [description], "deposit_inquiry": rows},
        {csv_name: request},
        bundle_id=str(batch.public_id),
        created_at=timezone.localtime(batch.exported_at),
    )


def export_batch(actor, office: Office, day: date | None = None) -> InquiryBatch:
    """The day's batch of the office: every electronic inquiry waiting to be sent goes in it and is sent
    that day (due a week later). One batch a day: a second export that day is refused (the first can be
    downloaded again)."""
    _require_sender(actor, office.pk)
    day = day or timezone.localdate()
    with transaction.atomic():
        waiting = list(
            Inquiry.objects.select_for_update()
            .filter(household__office=office, channel=Channel.ELECTRONIC, status=InquiryStatus.DRAFT)
            .order_by("reference")
        )
        if InquiryBatch.objects.filter(office=office, day=day).exists():
            raise ValidationError("今日の分は既に書き出しています（一覧から同じファイルをもう一度取り出せます）。")
        if not waiting:
            raise ValidationError("送付を待つ預貯金の照会がありません。")
        try:
            with transaction.atomic():
                batch = InquiryBatch.objects.create(
                    office=office, day=day, exported_by=actor, sha256="", count=len(waiting)
                )
        except IntegrityError:
            raise ValidationError("今日の分は既に書き出しています。") from None
        Inquiry.objects.filter(pk__in=[i.pk for i in waiting]).update(
            batch=batch,
            status=InquiryStatus.SENT,
            sent_on=day,
            due_on=day + timedelta(days=DUE_DAYS[Channel.ELECTRONIC]),
        )
        batch.sha256 = hashlib.sha256(bundle_of(batch)).hexdigest()
        batch.save(update_fields=["sha256"])
        record(
            actor,
            Action.CREATE,
            target=batch,
            office_id=office.pk,
            detail={"day": day.isoformat(), "count": len(waiting)},
        )
    return batch


@transaction.atomic
def mark_letters_sent(actor, inquiries: list[Inquiry], day: date | None = None) -> int:
    """The letters printed are sent today: each waits for its reply for two weeks."""
    day = day or timezone.localdate()
    ids = [i.pk for i in inquiries if i.channel == Channel.PAPER and i.status == InquiryStatus.DRAFT]
    for inquiry in inquiries:
        if not may_send(actor, inquiry.household.office_id):
            _require_caseworking(actor, inquiry.household)
    # only those still drafts now (one cancelled a moment ago stays cancelled)
    ids = list(Inquiry.objects.filter(pk__in=ids, status=InquiryStatus.DRAFT).values_list("pk", flat=True))
    Inquiry.objects.filter(pk__in=ids).update(
        status=InquiryStatus.SENT, sent_on=day, due_on=day + timedelta(days=DUE_DAYS[Channel.PAPER])
    )
    events = [
        Event(Action.UPDATE, Inquiry.audit_type, str(i.public_id), i.household.office_id, {"sent": day.isoformat()})
        for i in inquiries
        if i.pk in ids
    ]
    if events:
        record_many(actor, events)
    return len(ids)


# --- replies -----------------------------------------------------------------------------------------


@dataclass
class Imported:
    source: ReplyImport
    already: bool = False
    answered: int = 0
    skipped: int = 0  # replies to inquiries already answered by an earlier file


def import_replies(actor, office: Office, file_name: str, data: bytes) -> Imported:
    """The service's reply file: checked whole (FileRefused names the records and fields; nothing saved),
    once (the same file again changes nothing), each reply matched to its inquiry by reference."""
    _require_sender(actor, office.pk)
    parsed = replyfile.read(data)
    digest = hashlib.sha256(data).hexdigest()
    earlier = ReplyImport.objects.filter(office=office, sha256=digest).first()
    if earlier is not None:
        return Imported(earlier, already=True, answered=earlier.replies)
    refusal = Refusal()
    if parsed.office_code != office.municipality_code:
        refusal.add(1, "事務所の市区町村コード", "この事務所の回答ファイルではありません。")
    inquiries = {
        i.reference: i
        for i in Inquiry.objects.filter(reference__in=list(parsed.by_reference)).select_related("household")
    }
    for reference, reply in parsed.by_reference.items():
        inquiry = inquiries.get(reference)
        if inquiry is None:
            refusal.add(reply.line, "照会番号", f"照会番号 {reference} の照会はありません。")
        elif inquiry.household.office_id != office.pk:
            refusal.add(reply.line, "照会番号", f"照会番号 {reference} は他の福祉事務所の照会です。")
        elif inquiry.status == InquiryStatus.DRAFT:
            refusal.add(reply.line, "照会番号", f"照会番号 {reference} はまだ送付していない照会です。")
        elif inquiry.kind != InquiryKind.DEPOSIT or inquiry.bank_code != reply.bank_code:
            refusal.add(reply.line, "金融機関コード", f"照会番号 {reference} の照会先の金融機関と違います。")
        for account in reply.accounts.values():
            if problem := banks.check(reply.bank_code, account.branch_code):
                refusal.add(account.line, "店舗コード", problem)
    if refusal:
        raise FileRefused(refusal)
    with transaction.atomic():
        try:
            with transaction.atomic():
                source = ReplyImport.objects.create(
                    office=office, file_name=file_name[:200], sha256=digest, imported_by=actor
                )
        except IntegrityError:
            return Imported(ReplyImport.objects.get(office=office, sha256=digest), already=True)
        # Lock every inquiry of the file (in pk order, so two imports never wait on each other in a
        # circle), then look at the replies: one that came while the file was being checked counts too.
        ids = [inquiries[reference].pk for reference in parsed.by_reference]
        locked = {i.pk: i for i in Inquiry.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
        # answered already (by an earlier file, or on paper; a cancelled inquiry's late reply too): the
        # earlier reply stands, an inquiry is answered once
        done = set(Reply.objects.filter(inquiry_id__in=list(locked)).values_list("inquiry_id", flat=True))
        result = Imported(source)
        for reference, rows in parsed.by_reference.items():
            inquiry = locked[inquiries[reference].pk]
            if inquiry.pk in done:
                result.skipped += 1
                continue
            _save_reply(actor, inquiry, rows, parsed.created_on, source)
            result.answered += 1
        source.replies = result.answered
        source.save(update_fields=["replies"])
        record(
            actor,
            Action.CREATE,
            target=source,
            office_id=office.pk,
            detail={"answered": result.answered, "skipped": result.skipped, "sha256": digest},
        )
    return result


def _save_reply(actor, inquiry: Inquiry, rows: replyfile.ReplyRows, answered_on: date, source) -> Reply:
    cancelled = inquiry.status == InquiryStatus.CANCELLED
    reply = Reply.objects.create(
        inquiry=inquiry,
        source=source,
        answered_on=answered_on,
        found=not rows.none,
        detail="口座なし" if rows.none else f"口座 {len(rows.accounts)}件",
        after_cancel=cancelled,
        recorded_by=actor,
    )
    for row in rows.accounts.values():
        account = Account.objects.create(
            reply=reply,
            bank_code=row.bank_code,
            branch_code=row.branch_code,
            branch_name=row.branch_name or banks.branch_name(row.bank_code, row.branch_code) or "",
            account_type=row.account_type,
            account_number=row.account_number,
        )
        Balance.objects.bulk_create(
            [Balance(account=account, as_of=d, amount=a) for d, a in sorted(row.balances.items())]
        )
        Transaction.objects.bulk_create(
            [Transaction(account=account, on=d, amount=a, description=t) for d, a, t in row.transactions]
        )
    if not cancelled:
        inquiry.status = InquiryStatus.NO_RECORD if rows.none else InquiryStatus.ANSWERED
        inquiry.answered_on = answered_on
        inquiry.save(update_fields=["status", "answered_on"])
    record(
        actor,
        Action.UPDATE,
        target=inquiry,
        detail={"reply": "none" if rows.none else len(rows.accounts), "after_cancel": cancelled},
    )
    return reply


@transaction.atomic
def enter_reply(actor, inquiry: Inquiry, *, answered_on: date, found: bool, amount: int | None, detail: str) -> Reply:
    """A paper reply entered against its reference by the caseworker (or the clerk who opened the mail)."""
    if not (may_edit(actor, inquiry.household) or may_send(actor, inquiry.household.office_id)):
        raise PermissionDenied("この照会の回答を入力する権限がありません。")
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    errors = {}
    if inquiry.status == InquiryStatus.DRAFT:
        errors["answered_on"] = "まだ送付していない照会です。"
    elif inquiry.status in (InquiryStatus.ANSWERED, InquiryStatus.NO_RECORD) or inquiry.replies.exists():
        # checked under the lock; a cancelled inquiry keeps its late reply once (its status says nothing)
        errors["answered_on"] = "この照会には既に回答があります。"
    if answered_on > timezone.localdate():
        errors["answered_on"] = "回答日は今日までの日付にしてください。"
    elif inquiry.sent_on and answered_on < inquiry.sent_on:
        errors["answered_on"] = "回答日が送付日より前です。"
    if found and not detail.strip() and amount is None:
        errors["detail"] = "回答の内容（又は金額）を入力してください。"
    if amount is not None and not 0 <= amount <= 2_147_483_647:  # the column's bounds
        errors["amount"] = "金額は0円以上の円単位で入力してください。"
    if errors:
        raise ValidationError(errors)
    cancelled = inquiry.status == InquiryStatus.CANCELLED
    reply = Reply.objects.create(
        inquiry=inquiry,
        answered_on=answered_on,
        found=found,
        amount=amount,
        detail=detail.strip(),
        after_cancel=cancelled,
        recorded_by=actor,
    )
    if not cancelled:
        inquiry.status = InquiryStatus.ANSWERED if found else InquiryStatus.NO_RECORD
        inquiry.answered_on = answered_on
        inquiry.save(update_fields=["status", "answered_on"])
    record(
        actor, Action.UPDATE, target=inquiry, detail={"reply": "found" if found else "none", "after_cancel": cancelled}
    )
    return reply


def balances_of(household: Household) -> list[dict]:
    """For the need test's asset section: each account's latest reported balance with its source."""
    accounts = (
        Account.objects.filter(reply__inquiry__household=household, reply__after_cancel=False)
        .select_related("reply__inquiry")
        .prefetch_related("balances")
        .order_by("reply__inquiry__person_name", "bank_code", "branch_code")
    )
    out = []
    for account in accounts:
        balances = list(account.balances.all())
        if not balances:
            continue
        latest = balances[-1]
        inquiry = account.reply.inquiry
        out.append(
            {
                "person": inquiry.person_name,
                "bank": banks.bank_name(account.bank_code) or account.bank_code,
                "branch": account.branch_name,
                "account": f"{account.account_type} {account.account_number}",
                "as_of": latest.as_of,
                "amount": latest.amount,
                "answered_on": account.reply.answered_on,
                "reference": inquiry.reference,
                "inquiry": inquiry,
            }
        )
    return out
