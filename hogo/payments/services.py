"""The payments use cases (issue 21, decision 0032): one function per use case, in a transaction,
checking who may act and writing the audit record; refusals follow hogo/common/refusals.py."""

import functools
import hashlib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max, OuterRef, Subquery, Sum
from django.http import Http404
from django.utils import timezone

from hogo.approvals.models import Status
from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.wareki import wareki, wareki_month
from hogo.decisions import ledger
from hogo.decisions.models import Decision, DecisionStatus
from hogo.households.models import Household, Member, Relation
from hogo.households.scoping import may_edit
from hogo.inquiries import banks
from hogo.medical.models import Transport
from hogo.medical.transport import monthly_total
from hogo.offices.models import Office, Role
from hogo.offices.queries import standing_of
from hogo.receivables import rules as receivable_rules
from hogo.receivables.models import CollectionSettings, Entry, Receivable
from hogo.receivables.services import take_from_benefit

from . import paydays, rules, zengin
from .models import (
    AccountType,
    CounterRepayment,
    Method,
    Payee,
    Payment,
    PaymentLine,
    PaymentMethod,
    PaymentRun,
    PaymentSettings,
    ProxyItem,
    ProxyPayee,
    Returned,
    ReturnImport,
    RunKind,
)

RUNNERS = (Role.CLERK, Role.CHIEF)  # who sees runs, imports results and pays at the counter
COMPUTERS = (Role.CLERK,)  # who computes a run: the chief approves it, and a drafter cannot approve their own
NOT_RUNNER = "支給の処理は事務員又は課長が行います。"
NOT_COMPUTER = "支給の計算は事務員が行います（課長が決裁します）。"
RUN_OFFSET_NOTE = "支給（"  # how a deduction booked by a run's approval starts its note (see _debts)
BATCH = 2000
CHUNK = 5000  # ids named in one query (PostgreSQL takes at most 65,535 parameters)
METHOD_FIELDS = ("household_id", "method", "starts_on", "recorded_at", *("bank_code", "branch_code", "account_type"))
METHOD_FIELDS += ("account_number", "account_name")


def may_run(actor, office_id: int) -> bool:
    standing = standing_of(actor)
    return any(standing.has_role(role, office_id) for role in RUNNERS)


def require_runner(actor, office_id: int, what: str, roles=RUNNERS, message: str = NOT_RUNNER) -> None:
    standing = standing_of(actor)
    if not any(standing.has_role(role, office_id) for role in roles):
        record(actor, Action.DENIED, office_id=office_id, detail={"payments": what})
        raise PermissionDenied(message)


def visible_runs(actor):
    return PaymentRun.objects.filter(office_id__in=standing_of(actor).offices_with(*RUNNERS))


def open_run(actor, public_id) -> PaymentRun:
    run = visible_runs(actor).select_related("office", "drafted_by").filter(public_id=public_id).first()
    if run is None:
        record(actor, Action.DENIED, target_type=PaymentRun.audit_type, target_id=str(public_id))
        raise Http404("支給が見つかりません。")
    record(actor, Action.VIEW, target=run, office_id=run.office_id)
    return run


def settings_of(office_id: int) -> PaymentSettings:
    found = PaymentSettings.objects.filter(office_id=office_id).first()
    if found is None:
        raise ValidationError(
            "この事務所の支給の設定（支給日・振込依頼人・口座）がありません。管理画面で登録してください。"
        )
    return found


# --- payment methods and 代理納付 -------------------------------------------------------------------------


def may_change_method(actor, household: Household) -> bool:
    return may_edit(actor, household) or standing_of(actor).has_role(Role.CLERK, household.office_id)


def check_account(*, bank_code: str, branch_code: str, account_type: str, account_number: str, account_name: str):
    """The account fields normalised, or a ValidationError naming each bad field."""
    errors = {}
    bank_code = unicodedata.normalize("NFKC", bank_code or "").strip()
    branch_code = unicodedata.normalize("NFKC", branch_code or "").strip()
    account_number = unicodedata.normalize("NFKC", account_number or "").strip()
    problem = banks.check(bank_code, branch_code) if branch_code else "店舗コードは3桁の数字です。"
    if not (len(bank_code) == 4 and bank_code.isdigit()) or banks.bank_name(bank_code) is None:
        errors["bank_code"] = banks.check(bank_code)
    elif problem:
        errors["branch_code"] = problem
    if account_type not in AccountType.values:
        errors["account_type"] = "預金種目は一覧から選んでください。"
    if not (len(account_number) == 7 and account_number.isascii() and account_number.isdigit()):
        errors["account_number"] = "口座番号は7桁の数字です（7桁未満は先頭を0で埋めてください）。"
    name = ""
    try:
        name = zengin.to_zengin_kana(account_name or "", "口座名義", 30)
        if not name.strip():
            errors["account_name"] = "口座名義（カナ）を入力してください。"
    except zengin.ZenginError as exc:
        errors["account_name"] = str(exc)
    if errors:
        raise ValidationError(errors)
    return {
        "bank_code": bank_code,
        "branch_code": branch_code,
        "account_type": account_type,
        "account_number": account_number,
        "account_name": name,
    }


@transaction.atomic
def set_method(actor, household: Household, *, method: str, starts_on: date, **account) -> PaymentMethod:
    """A household's payment method from `starts_on` (a bank account is checked against zengin-code)."""
    if not may_change_method(actor, household):
        record(actor, Action.DENIED, target=household, detail={"payment_method": method})
        raise PermissionDenied("この世帯の支給方法を変更する権限がありません。")
    if method not in Method.values:
        raise ValidationError({"method": "支給方法は一覧から選んでください。"})
    if starts_on is None:
        raise ValidationError({"starts_on": "適用開始日を入力してください。"})
    fields = check_account(**account) if method == Method.BANK else {}
    made = PaymentMethod.objects.create(
        household=household, method=method, starts_on=starts_on, recorded_by=actor, **fields
    )
    record(
        actor,
        Action.CREATE,
        target=made,
        office_id=household.office_id,
        detail={"method": method, "from": starts_on.isoformat(), "bank": fields.get("bank_code", "")},
    )
    return made


@transaction.atomic
def set_proxy(
    actor,
    household: Household,
    *,
    item: str,
    payee_name: str,
    monthly_amount: int,
    starts_on: date,
    stopped=False,
    **account,
) -> ProxyPayee:
    """代理納付 of `item` to a payee from `starts_on`, or its end (`stopped`)."""
    if not may_change_method(actor, household):
        record(actor, Action.DENIED, target=household, detail={"proxy_payee": item})
        raise PermissionDenied("この世帯の代理納付を変更する権限がありません。")
    errors = {}
    if item not in ProxyItem.values:
        errors["item"] = "代理納付の対象は一覧から選んでください。"
    if starts_on is None:
        errors["starts_on"] = "適用開始日を入力してください。"
    if not stopped:
        if not (payee_name or "").strip():
            errors["payee_name"] = "納付先を入力してください。"
        if not isinstance(monthly_amount, int) or isinstance(monthly_amount, bool) or monthly_amount <= 0:
            errors["monthly_amount"] = "月額は1円以上の整数です。"
    if errors:
        raise ValidationError(errors)
    fields = check_account(**account) if not stopped else {}
    made = ProxyPayee.objects.create(
        household=household,
        item=item,
        payee_name=(payee_name or "").strip()[:100] or "（代理納付の終了）",
        monthly_amount=monthly_amount if not stopped else 0,
        starts_on=starts_on,
        stopped=bool(stopped),
        recorded_by=actor,
        **fields,
    )
    record(
        actor,
        Action.CREATE,
        target=made,
        office_id=household.office_id,
        detail={"item": item, "from": starts_on.isoformat(), "stopped": bool(stopped)},
    )
    return made


def _current(rows, key, on: date) -> dict:
    """The row in force on `on` per key: rows come latest first (starts_on desc, id desc)."""
    out = {}
    for row in rows:
        k = key(row)
        if k not in out and row.starts_on <= on:
            out[k] = row
    return out


def method_of(household: Household, on: date) -> PaymentMethod | None:
    return household.payment_methods.filter(starts_on__lte=on).first()


def proxies_of(household: Household, on: date) -> list[ProxyPayee]:
    current = _current(household.proxy_payees.order_by("-starts_on", "-id"), lambda p: p.item, on)
    return [p for p in current.values() if not p.stopped]


# --- computing a run ------------------------------------------------------------------------------------


def _month_of(value) -> date:
    if isinstance(value, date):
        return value.replace(day=1)
    text = str(value or "").strip()
    try:
        year, month = text.split("-")
        return date(int(year), int(month), 1)
    except (ValueError, TypeError):
        raise ValidationError({"month": "支給月は YYYY-MM の形で入力してください。"}) from None


def pending_decisions(office: Office, month: date) -> list[dict]:
    """Drafted or returned decisions of the office that would change what the month pays."""
    rows = (
        Decision.objects.filter(
            household__office=office,
            status__in=[DecisionStatus.DRAFT, DecisionStatus.RETURNED],
            effective_from__lt=_next_month(month),
        )
        .select_related("household")
        .order_by("household__case_number", "id")
    )
    return [
        {"case_number": d.household.case_number, "kind": d.get_kind_display(), "status": d.get_status_display()}
        for d in rows
    ]


def _next_month(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def _listed(pending: list[dict], limit: int = 10) -> str:
    shown = "、".join(f"{p['case_number']}（{p['kind']}・{p['status']}）" for p in pending[:limit])
    more = f" ほか{len(pending) - limit}件" if len(pending) > limit else ""
    return shown + more


@dataclass
class Plan:
    """What a run will pay, before it is written."""

    payments: list  # (household, payee kind, proxy, method fields, [rules.Line], offsets)
    overpaid: list


def compute_run(
    actor, office: Office, month, *, kind: str = RunKind.MONTHLY, pay_on: date | None = None, include_pending=False
) -> PaymentRun:
    """Compute a run for `month` and write it as a draft for the chief to approve."""
    require_runner(actor, office.pk, "compute", COMPUTERS, NOT_COMPUTER)
    month = _month_of(month)
    if kind not in RunKind.values:
        raise ValidationError({"kind": "支給の種類は一覧から選んでください。"})
    config = settings_of(office.pk)
    with transaction.atomic():
        Office.objects.select_for_update().get(pk=office.pk)  # one run at a time per office
        _check_can_start(office, month, kind)
        pending = pending_decisions(office, month)
        if pending and not include_pending:
            counted = f"{wareki_month(month)}に効力のある起案中・差戻しの決定が{len(pending)}件あります"
            raise ValidationError(
                {
                    "include_pending": f"{counted}: {_listed(pending)}。"
                    "決裁してから計算するか、承知のうえで計算してください。"
                }
            )
        pay_on = _pay_on(config, month, kind, pay_on)
        run = PaymentRun.objects.create(
            office=office,
            month=month,
            kind=kind,
            pay_on=pay_on,
            computed_at=timezone.now(),
            pending=pending,
            drafted_by=actor,
        )
        _fill(run)
        record(actor, Action.CREATE, target=run, office_id=office.pk, detail=_audit_totals(run))
    return run


@transaction.atomic
def recompute(actor, run: PaymentRun, *, include_pending=False, pay_on: date | None = None) -> PaymentRun:
    """A returned (差戻し) run computed again from today's decisions; an extra run's pay date is checked
    again (a new one may be given: the returned run's may have passed)."""
    require_runner(actor, run.office_id, "recompute", COMPUTERS, NOT_COMPUTER)
    Office.objects.select_for_update().get(pk=run.office_id)  # as compute_run: one run at a time per office
    run = PaymentRun.objects.select_for_update().get(pk=run.pk)
    if run.status != Status.RETURNED:
        raise ValidationError("差し戻された支給だけを計算し直せます。")
    run.pay_on = _pay_on(settings_of(run.office_id), run.month, run.kind, pay_on or run.pay_on)
    pending = pending_decisions(run.office, run.month)
    if pending and not include_pending:
        raise ValidationError(
            {"include_pending": f"起案中・差戻しの決定が{len(pending)}件あります: {_listed(pending)}。"}
        )
    run.payments.all().delete()
    run.status, run.pending, run.computed_at, run.drafted_by = Status.DRAFT, pending, timezone.now(), actor
    run.save(update_fields=["status", "pending", "computed_at", "drafted_by", "pay_on"])
    _fill(run)
    record(actor, Action.UPDATE, target=run, office_id=run.office_id, detail={"recomputed": True, **_audit_totals(run)})
    return run


def _check_can_start(office: Office, month: date, kind: str) -> None:
    unsettled = PaymentRun.objects.filter(office=office).exclude(status=Status.APPROVED).first()
    if unsettled is not None:
        raise ValidationError(
            f"{wareki_month(unsettled.month)}の{unsettled.get_kind_display()}が決裁されていません。"
            "決裁（又は差戻し後の再計算）を済ませてから次の支給を計算してください。"
        )
    if kind == RunKind.MONTHLY and PaymentRun.objects.filter(office=office, month=month, kind=kind).exists():
        raise ValidationError(
            {"month": f"{wareki_month(month)}の定例支給は既に計算されています。追加は随時払で行います。"}
        )
    if kind == RunKind.EXTRA and not PaymentRun.objects.filter(office=office, month__gte=month).exists():
        raise ValidationError(
            {"kind": f"{wareki_month(month)}の定例支給がまだありません。先に定例支給を計算してください。"}
        )


def _pay_on(config: PaymentSettings, month: date, kind: str, pay_on: date | None) -> date:
    if kind == RunKind.MONTHLY:
        return paydays.pay_date(month, config.pay_day)
    if pay_on is None:
        raise ValidationError({"pay_on": "随時払の支給日を入力してください。"})
    if pay_on < timezone.localdate():
        raise ValidationError({"pay_on": "支給日に過去の日付は使えません。"})
    if not paydays.is_bank_business_day(pay_on):
        raise ValidationError({"pay_on": f"{wareki(pay_on)}は銀行の休業日です。営業日を選んでください。"})
    return pay_on


def _audit_totals(run: PaymentRun) -> dict:
    totals = run.totals
    return {
        "month": run.month.isoformat(),
        "kind": run.kind,
        "payments": totals.get("payments", 0),
        "net": totals.get("net", 0),
    }


def _fill(run: PaymentRun) -> None:
    """Write the run's payments and lines and its totals."""
    plan = plan_run(run)
    payments, lines = [], []
    for entry in plan.payments:
        payments.append(entry["payment"])
    Payment.objects.bulk_create(payments, batch_size=BATCH)
    for entry in plan.payments:
        payment = entry["payment"]
        for line in entry["lines"]:
            lines.append(
                PaymentLine(
                    payment_id=payment.pk,
                    run_id=run.pk,
                    household_id=payment.household_id,
                    month=line.month,
                    item=line.item,
                    amount=line.amount,
                    source=line.source,
                )
            )
    PaymentLine.objects.bulk_create(lines, batch_size=BATCH)
    run.overpaid = [
        {"case_number": case, "month": line.month.isoformat(), "item": line.item, "amount": line.amount}
        for case, line in plan.overpaid
    ]
    run.totals = totals_of(run)
    run.save(update_fields=["overpaid", "totals"])


def plan_run(run: PaymentRun) -> Plan:
    office, month = run.office, run.month
    previous = (
        PaymentRun.objects.filter(office=office)
        .exclude(pk=run.pk)
        .order_by("-computed_at")
        .values_list("computed_at", flat=True)
        .first()
    )
    first_run = PaymentRun.objects.filter(office=office).order_by("month").values_list("month", flat=True).first()
    epoch = min(first_run or month, month)
    head = Member.objects.filter(household=OuterRef("pk"), relation=Relation.HEAD).values("name")[:1]
    households = {
        h.pk: h
        for h in Household.objects.filter(office=office)
        .only("pk", "case_number", "office_id")
        .annotate(head_name=Subquery(head))
    }
    decisions = defaultdict(list)
    rows = (
        Decision.objects.filter(household__office=office, status=DecisionStatus.APPROVED)
        .order_by("approved_at", "id")
        .values_list("pk", "household_id", "kind", "effective_from", "amounts", "one_time", "approved_at")
    )
    changed = set()
    for pk, household_id, kind, effective_from, amounts, one_time, approved_at in rows.iterator(chunk_size=BATCH):
        decisions[household_id].append(ledger.Approved(pk, kind, effective_from, amounts, one_time or {}))
        if previous is not None and approved_at > previous:
            changed.add(household_id)
    with_transport = set(
        Transport.objects.filter(household__office=office, status=Status.APPROVED).values_list(
            "household_id", flat=True
        )
    )
    if previous is not None:
        changed |= set(
            Transport.objects.filter(
                household__office=office, status=Status.APPROVED, approved_at__gt=previous
            ).values_list("household_id", flat=True)
        )
    # a changed household is looked at from the first run's month to the latest month any run has paid
    # (an extra run for this month also pays what a decision changed in a month already run ahead)
    horizon = max(month, PaymentRun.objects.filter(office=office).aggregate(last=Max("month"))["last"] or month)
    again = [m for m in ledger.months_between(epoch, horizon) if m != month] if previous is not None else []
    if run.kind == RunKind.MONTHLY:
        looked_at = {h: sorted((again if h in changed else []) + [month]) for h in decisions}
    else:
        looked_at = {h: sorted(again + [month]) for h in changed if h in decisions}
    paid = _paid(office, month, epoch, {h for h, months in looked_at.items() if len(months) > 1})
    methods = _current(
        PaymentMethod.objects.filter(household__office=office).order_by("-starts_on", "-id"),
        lambda m: m.household_id,
        run.pay_on,
    )
    proxies = defaultdict(list)
    proxy_rows = _current(
        ProxyPayee.objects.filter(household__office=office).order_by("-starts_on", "-id"),
        lambda p: (p.household_id, p.item),
        run.pay_on,
    )
    for (household_id, _), proxy in proxy_rows.items():
        if not proxy.stopped:
            proxies[household_id].append(proxy)
    debts, limit_left = _debts(office, month)
    proxies_paid = defaultdict(dict)
    for household_id, item, total in (
        PaymentLine.objects.filter(run__office=office, month=month, payment__payee=Payee.PROXY)
        .exclude(item=rules.REPAY)
        .values_list("household_id", "payment__proxy__item")
        .annotate(total=Sum("amount"))
    ):
        proxies_paid[household_id][item] = total
    plan = Plan([], [])
    for household_id in sorted(looked_at, key=lambda h: households[h].case_number):
        household = households[household_id]
        months = looked_at[household_id]
        transport = {m: monthly_total(household, m) for m in months} if household_id in with_transport else {}
        due = rules.due(
            decisions[household_id],
            months,
            month,
            paid.get(household_id, {}),
            transport,
            [rules.Proxy(p.pk, p.item, p.monthly_amount) for p in proxies.get(household_id, [])],
            proxies_paid.get(household_id),
        )
        plan.overpaid += [(household.case_number, line) for line in due.overpaid]
        by_key = {p.pk: p for p in proxies.get(household_id, [])}
        for key, lines in due.proxies.items():
            proxy = by_key[key]
            plan.payments.append(
                {
                    "payment": _payment(run, household, Payee.PROXY, proxy, proxy, Method.BANK, lines),
                    "lines": lines,
                }
            )
        own = list(due.own)
        if own:
            taken = rules.offsets(
                due.own_total,
                [rules.Debt(r.pk, b) for r, b in debts.get(household_id, [])],
                limit_left.get(household_id, 0),
            )
            own += [rules.Line(month, rules.OFFSET, -amount, {"receivable": key}) for key, amount in taken]
            method = methods.get(household_id)
            kind = method.method if method else Method.COUNTER
            plan.payments.append(
                {"payment": _payment(run, household, Payee.HOUSEHOLD, None, method, kind, own), "lines": own}
            )
    plan.payments += _repayments(run, households)
    return plan


def _payment(run, household, payee, proxy, account, method, lines) -> Payment:
    bank = method == Method.BANK and account is not None
    return Payment(
        run=run,
        household=household,
        payee=payee,
        proxy=proxy,
        payee_name=proxy.payee_name if proxy else (household.head_name or household.case_number),
        method=method,
        amount=sum(line.amount for line in lines),
        bank_code=account.bank_code if bank else "",
        branch_code=account.branch_code if bank else "",
        account_type=account.account_type if bank else "",
        account_number=account.account_number if bank else "",
        account_name=account.account_name if bank else "",
    )


def _paid(office: Office, month: date, epoch: date, retro_households: set) -> dict:
    """What runs have already paid, per household, (month, item): the run month for everyone, every other
    month from the first run for the households that are looked at again."""
    paid = defaultdict(dict)
    rows = PaymentLine.objects.filter(run__office=office).exclude(item__in=rules.NOT_OWED)
    current = rows.filter(month=month).values("household_id", "month", "item").annotate(total=Sum("amount"))
    others = []
    ids = sorted(retro_households)
    for start in range(0, len(ids), 500):
        others += list(
            rows.filter(household_id__in=ids[start : start + 500], month__gte=epoch)
            .exclude(month=month)
            .values("household_id", "month", "item")
            .annotate(total=Sum("amount"))
        )
    for row in [*current, *others]:
        paid[row["household_id"]][(row["month"], row["item"])] = row["total"]
    return paid


def _debts(office: Office, month: date) -> tuple[dict, dict]:
    """Per household: its 法第78条 debts the recipient asked to have taken from the benefit (oldest first,
    with their balances), and how much more may be taken in `month` under the office's limit."""
    receivables = Receivable.objects.filter(
        office=office, kind=receivable_rules.ART78, offset_applied_on__isnull=False
    ).order_by("due_on", "id")
    debts = defaultdict(list)
    entries = defaultdict(list)
    for entry in Entry.objects.filter(receivable__in=receivables):
        entries[entry.receivable_id].append(entry.as_rule())
    for receivable in receivables:
        balance = receivable_rules.balance(entries[receivable.pk])
        if balance > 0 and not any(e.kind == receivable_rules.WRITE_OFF for e in entries[receivable.pk]):
            debts[receivable.household_id].append((receivable, balance))
    limit = CollectionSettings.objects.filter(office=office).values_list("offset_monthly_limit", flat=True).first()
    limit = 5000 if limit is None else limit
    taken = defaultdict(int)
    for household_id, amount in (
        PaymentLine.objects.filter(run__office=office, month=month, item=rules.OFFSET)
        .values_list("household_id")
        .annotate(total=Sum("amount"))
    ):
        taken[household_id] += -amount
    for household_id, amount in (
        Entry.objects.filter(
            receivable__office=office,
            kind=receivable_rules.OFFSET,
            on__gte=month,
            on__lt=_next_month(month),
        )
        .exclude(note__startswith=RUN_OFFSET_NOTE)
        .values_list("receivable__household_id")
        .annotate(total=Sum("amount"))
    ):
        taken[household_id] += amount
    return debts, {h: limit - taken[h] for h in debts}


def _repayments(run: PaymentRun, households: dict) -> list:
    """Returned transfers paid again in this run, to whom they were for: the household once it has given a
    new bank account since the return, a 代理納付 payee once its account was recorded anew."""
    out = []
    waiting = (
        Returned.objects.select_for_update(of=("self",))  # a counter re-payment of the same waits for this run
        .filter(payment__run__office=run.office, counter_repayment__isnull=True, repaid_by__isnull=True)
        .select_related("payment__run", "payment__proxy", "imported")
        .order_by("id")
    )
    for returned in waiting:
        original = returned.payment
        household = households[original.household_id]
        if original.payee == Payee.PROXY:
            current = proxies_of(household, run.pay_on)
            # the same payee's corrected account only: a new landlord is not paid the old one's rent
            account = next(
                (p for p in current if p.item == original.proxy.item and p.payee_name == original.payee_name), None
            )
            proxy = account
        else:
            account = method_of(household, run.pay_on)
            proxy = None
            if account is not None and account.method != Method.BANK:
                account = None
        if account is None or account.recorded_at <= returned.imported.imported_at:
            continue
        line = rules.Line(original.run.month, rules.REPAY, original.amount, {"returned": returned.pk})
        payment = _payment(run, household, original.payee, proxy, account, Method.BANK, [line])
        payment.repays = returned
        out.append({"payment": payment, "lines": [line]})
    return out


def totals_of(run: PaymentRun) -> dict:
    """Gross by item (what the ledger owed), deductions, net by method and payee."""
    by_item = dict(
        run.lines.exclude(item=rules.OFFSET).values_list("item").annotate(total=Sum("amount")).order_by("item")
    )
    offset = -(run.lines.filter(item=rules.OFFSET).aggregate(total=Sum("amount"))["total"] or 0)
    by_method = {}
    for method, payee, count, total in (
        run.payments.values_list("method", "payee")
        .annotate(count=Count("id"), total=Sum("amount"))
        .order_by("method", "payee")
    ):
        by_method[f"{payee}:{method}"] = {"count": count, "total": total}
    net = sum(v["total"] for v in by_method.values())
    return {
        "by_item": by_item,
        "gross": sum(by_item.values()),
        "offset": offset,
        "net": net,
        "by_method": by_method,
        "payments": sum(v["count"] for v in by_method.values()),
        "households": run.payments.values("household_id").distinct().count(),
    }


# --- approval effect -----------------------------------------------------------------------------------


def on_approved(actor, run: PaymentRun) -> None:
    """The chief's approval (支出命令) freezes the run and books its 法第78条の2 deductions."""
    for line in run.lines.filter(item=rules.OFFSET).order_by("id"):
        receivable = Receivable.objects.get(pk=line.source["receivable"])
        take_from_benefit(
            actor,
            receivable,
            amount=-line.amount,
            note=f"{RUN_OFFSET_NOTE}{run.month.year}年{run.month.month}月・{run.get_kind_display()}）から控除",
        )


# --- outputs --------------------------------------------------------------------------------------------


def _require_frozen(run: PaymentRun) -> None:
    if not run.frozen:
        raise ValidationError("決裁の済んだ支給だけを出力できます。")


def zengin_file(run: PaymentRun) -> bytes:
    """The 全銀 総合振込 file of a frozen run's bank transfers."""
    _require_frozen(run)
    config = settings_of(run.office_id)
    originator = zengin.Originator(
        code=config.originator_code,
        name=config.originator_name,
        pay_bank=config.bank_code,
        pay_bank_name=_name_kana(config.bank_code),
        pay_branch=config.branch_code,
        pay_branch_name=_name_kana(config.bank_code, config.branch_code),
        account_type=config.account_type,
        account_number=config.account_number,
    )
    transfers = []
    payments = run.payments.filter(method=Method.BANK).select_related("household").order_by("id")
    for payment in payments.iterator(chunk_size=BATCH):
        try:
            name = zengin.to_zengin_kana(payment.account_name, "受取人名", 30)
        except zengin.ZenginError as exc:
            raise ValidationError(f"ケース番号 {payment.household.case_number}: {exc}") from None
        transfers.append(
            zengin.Transfer(
                bank=payment.bank_code,
                bank_name=_name_kana(payment.bank_code),
                branch=payment.branch_code,
                branch_name=_name_kana(payment.bank_code, payment.branch_code),
                account_type=payment.account_type,
                account_number=payment.account_number,
                name=name,
                amount=payment.amount,
                customer_code=payment.customer_code,
            )
        )
    return zengin.build_file(originator, run.pay_on, transfers)


@functools.lru_cache(maxsize=4096)  # a run names a few hundred banks and branches, each thousands of times
def _name_kana(bank_code: str, branch_code: str = "") -> str:
    """A bank's (or branch's) name as the 全銀 file carries it: half-width, at most 15 characters."""
    return zengin.to_zengin_kana(banks.kana_of(bank_code, branch_code), "金融機関名", 200)[:15]


def export_zengin(actor, run: PaymentRun) -> bytes:
    require_runner(actor, run.office_id, "zengin")
    data = zengin_file(run)
    record(actor, Action.VIEW, target=run, office_id=run.office_id, detail={"zengin_file": len(data)})
    return data


# --- returns (振込不能) --------------------------------------------------------------------------------


@transaction.atomic
def import_results(actor, office: Office, file_name: str, data: bytes) -> ReturnImport:
    """The bank's 振込結果 file: every transfer it could not make is marked returned. All or nothing;
    the same file twice changes nothing."""
    require_runner(actor, office.pk, "import_results")
    digest = hashlib.sha256(data).hexdigest()
    earlier = ReturnImport.objects.filter(office=office, sha256=digest).first()
    if earlier is not None:
        return earlier
    try:
        results = zengin.read_results(data)
    except zengin.ZenginError as exc:
        raise ValidationError({"file": str(exc)}) from None
    errors, returns = [], []
    ids = [int(r.customer_code) for r in results if r.customer_code.strip().isdigit()]
    payments, already = {}, set()
    for start in range(0, len(ids), CHUNK):  # a city's result file has more records than one query may name
        part = ids[start : start + CHUNK]
        payments.update(
            (p.pk, p)
            for p in Payment.objects.select_for_update(of=("self",))
            .filter(pk__in=part, run__office=office)
            .select_related("run")
        )
        already |= set(Returned.objects.filter(payment_id__in=part).values_list("payment_id", flat=True))
    paid = 0
    for result in results:
        where = f"{result.line}行目"
        payment = payments.get(int(result.customer_code)) if result.customer_code.strip().isdigit() else None
        if payment is None:
            errors.append(f"{where}: 顧客コード {result.customer_code} の振込はこの事務所の支給にありません。")
        elif payment.method != Method.BANK or not payment.run.frozen:
            errors.append(f"{where}: 顧客コード {result.customer_code} は決裁済みの口座振込ではありません。")
        elif payment.amount != result.amount or payment.account_number != result.account_number:
            errors.append(f"{where}: 顧客コード {result.customer_code} の金額又は口座番号が支給の記録と一致しません。")
        elif result.result_code == "0":
            paid += 1
        elif payment.pk in already:
            errors.append(f"{where}: 顧客コード {result.customer_code} は既に振込不能として取り込まれています。")
        else:
            already.add(payment.pk)
            returns.append((payment, result))
    if errors:
        raise ValidationError({"file": errors[:50]})
    imported = ReturnImport.objects.create(
        office=office, file_name=file_name[:200], sha256=digest, returned=len(returns), paid=paid, imported_by=actor
    )
    Returned.objects.bulk_create(
        [
            Returned(
                payment=payment,
                imported=imported,
                result_code=result.result_code,
                reason=zengin.RESULT_CODES.get(result.result_code, "その他"),
            )
            for payment, result in returns
        ]
    )
    record(actor, Action.CREATE, target=imported, office_id=office.pk, detail={"returned": len(returns), "paid": paid})
    return imported


def unpaid_returns(office_ids) -> list[Returned]:
    """Returned transfers not yet paid again (at the counter or by a later run)."""
    return list(
        Returned.objects.filter(
            payment__run__office_id__in=office_ids, counter_repayment__isnull=True, repaid_by__isnull=True
        )
        .select_related("payment__household", "payment__run", "imported")
        .order_by("payment__household__case_number", "id")
    )


@transaction.atomic
def repay_at_counter(actor, returned: Returned, *, paid_on: date) -> CounterRepayment:
    """A returned transfer paid at the counter; the receipt is printed from it."""
    office_id = returned.payment.run.office_id
    require_runner(actor, office_id, "repay_at_counter")
    Office.objects.select_for_update().get(pk=office_id)  # not while a run of the office is being computed
    returned = Returned.objects.select_for_update(of=("self",)).select_related("payment__run").get(pk=returned.pk)
    if paid_on is None or paid_on > timezone.localdate():
        raise ValidationError({"paid_on": "支給日を入力してください（未来の日付は使えません）。"})
    if CounterRepayment.objects.filter(returned=returned).exists() or Payment.objects.filter(repays=returned).exists():
        raise ValidationError("この振込不能は既に再支給されています。")
    made = CounterRepayment.objects.create(
        returned=returned, paid_on=paid_on, amount=returned.payment.amount, recorded_by=actor
    )
    record(
        actor,
        Action.CREATE,
        target=made,
        office_id=office_id,
        detail={"payment": str(returned.payment.public_id), "amount": made.amount},
    )
    return made


# --- per household --------------------------------------------------------------------------------------


def history_of(household: Household, limit: int = 24) -> list[Payment]:
    """The household's payments, newest first, with their lines and whether they came back."""
    return list(
        household.payments.filter(run__status=Status.APPROVED)
        .select_related("run", "returned__counter_repayment")
        .prefetch_related("lines")
        .order_by("-run__pay_on", "-id")[:limit]
    )
