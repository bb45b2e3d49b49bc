"""Shared steps for the payment tests: an office's payment settings, households under approved start
decisions with bank accounts or the counter, and a run computed by the clerk and approved by the chief."""

from datetime import date

from hogo.approvals import services as approvals
from hogo.payments import services
from hogo.payments.models import PaymentSettings

from ..decisions.change_helpers import under_start_decision

DECEMBER = date(2026, 12, 1)
NOVEMBER = date(2026, 11, 1)


def payment_settings(office, pay_day=1) -> PaymentSettings:
    return PaymentSettings.objects.create(
        office=office,
        pay_day=pay_day,
        originator_code="1234567890",
        originator_name="ﾐﾅﾄｼ ﾌｸｼｼﾞﾑｼﾖ",
        bank_code="0001",
        branch_code="001",
        account_type="2",
        account_number="0012345",
    )


def bank_account(actor, household, *, number="1234567", name="ヤマダ タロウ", starts_on=date(2026, 4, 1)):
    return services.set_method(
        actor,
        household,
        method="bank",
        starts_on=starts_on,
        bank_code="0005",
        branch_code="001",
        account_type="1",
        account_number=number,
        account_name=name,
    )


def assisted(cast, key="own", cw="cw"):
    household = cast.households[key]
    under_start_decision(household, cast.users[cw])
    return household


def approved_run(cast, month=DECEMBER, **kwargs):
    run = services.compute_run(cast.users["clerk"], cast.office_a, month, **kwargs)
    approvals.approve(cast.users["chief"], run)
    run.refresh_from_db()
    return run


def returned_and_repaid(cast, run, paid_on=None):
    """The run's first transfer comes back from the bank and is paid at the counter."""
    from django.utils import timezone  # noqa: PLC0415

    from hogo.payments.models import Returned  # noqa: PLC0415

    clerk = cast.users["clerk"]
    services.import_results(clerk, cast.office_a, "result.txt", first_transfer_returned(run))
    returned = Returned.objects.get(payment__run=run)
    return services.repay_at_counter(clerk, returned, paid_on=paid_on or timezone.localdate())


# --- helpers of the behaviour tests (offsets, 代理納付, retroactive runs, returns) ---------------------------


def decided(household, actor, *, effective_from=date(2026, 4, 1), kind="start", status="approved", **amounts):
    """A decision with exactly these monthly amounts (living=…, housing=…), approved now unless `status` says
    otherwise (drafted or returned decisions are pending for a run)."""
    from django.utils import timezone

    from hogo.decisions.models import Decision

    return Decision.objects.create(
        household=household,
        kind=kind,
        effective_from=effective_from,
        amounts=amounts,
        benefit_total=sum(amounts.values()),
        reasons="テストの決定。",
        drafted_by=actor,
        status=status,
        approved_at=timezone.now() if status == "approved" else None,
    )


def next_business_day():
    """The first bank business day after today (the earliest pay day of an extra run)."""
    from datetime import timedelta

    from django.utils import timezone

    from hogo.payments.paydays import is_bank_business_day

    day = timezone.localdate() + timedelta(days=1)
    while not is_bank_business_day(day):
        day += timedelta(days=1)
    return day


def extra_run(cast, month=DECEMBER, approve=True):
    run = services.compute_run(cast.users["clerk"], cast.office_a, month, kind="extra", pay_on=next_business_day())
    if approve:
        approvals.approve(cast.users["chief"], run)
        run.refresh_from_db()
    return run


def debt78(cast, key="own", *, amount=35_000, applied=True, cw="cw"):
    """An approved 法第78条 determination of `amount` yen (no surcharge) and its receivable; its debtor applied
    in writing for offsetting (法第78条の2) unless `applied` is False."""
    from datetime import timedelta

    from django.utils import timezone

    from hogo.receivables import services as receivables
    from hogo.receivables.models import Receivable

    today = timezone.localdate()
    determination = receivables.draft_determination(
        cast.users[cw],
        cast.households[key],
        lines=[{"month": "2026-04", "assistance": "living", "amount": amount}],
        cause="recipient",
        due_on=today + timedelta(days=30),
        dishonest_from=date(2026, 4, 1),
        dishonest_facts="収入を申告しなかった。",
    )
    approvals.approve(cast.users["sv"], determination)
    approvals.approve(cast.users["chief"], determination)
    debt = determination.receivables.get()
    if applied:
        Receivable.objects.filter(pk=debt.pk).update(offset_applied_on=today)
        debt.refresh_from_db()
    return debt


def balance_of(receivable) -> int:
    from hogo.receivables import rules as receivable_rules

    return receivable_rules.balance([e.as_rule() for e in receivable.entries.all()])


def offset_limit(office, limit):
    from hogo.receivables.models import CollectionSettings

    CollectionSettings.objects.update_or_create(office=office, defaults={"offset_monthly_limit": limit})


def household_payment(run, household):
    return run.payments.get(household=household, payee="household", repays__isnull=True)


def lines_of(payment) -> dict:
    """(month, item) → amount of a payment's lines."""
    return {(line.month, line.item): line.amount for line in payment.lines.all()}


def bank_result(data: bytes, customer_code: str, code: str = "1") -> bytes:
    """The bank's 振込結果 file for a 総合振込 file: the data record of `customer_code` gets result `code`
    (the first byte of its trailing 7-byte dummy, byte 114), the others 0 (paid); CRLF after each record."""
    assert data.endswith(b"\r\n")
    out, found = [], False
    for record in data[:-2].split(b"\r\n"):
        assert len(record) == 120
        if record[:1] == b"2":
            mine = record[91:101] == customer_code.encode()
            found = found or mine
            record = record[:113] + (code if mine else "0").encode() + record[114:]
        out.append(record)
    assert found, customer_code
    return b"".join(r + b"\r\n" for r in out)


def first_transfer_returned(run, code: str = "1") -> bytes:
    """The bank's result for an approved run: its first transfer came back (取引なし), the others were made."""
    first = run.payments.filter(method="bank").order_by("id").first()
    return bank_result(services.zengin_file(run), first.customer_code, code)
