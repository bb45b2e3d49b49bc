"""Building blocks for the inquiry tests: ask banks about a household's head, send the day's batch, and
write the reply file of the deposit-inquiry service (records 1, 2, 3, 4, 8, 9) with a trailer that adds
up unless a test says otherwise."""

import csv
import io
from datetime import date, timedelta

from django.utils import timezone

from hogo.inquiries import services
from hogo.inquiries.models import Inquiry

MIZUHO, MUFG, SMBC = "0001", "0005", "0009"
TOKYO_EIGYOBU = "001"  # みずほ 東京営業部


def today() -> date:
    return timezone.localdate()


def head_of(household) -> services.Person:
    return services.Person(member=household.members.get(relation="head"))


def ask(cw, household, *bank_codes: tuple[str, str], balance_dates=None, with_transactions=False) -> list[Inquiry]:
    return services.ask_banks(
        cw,
        household,
        head_of(household),
        bank_codes=list(bank_codes) or [(MIZUHO, TOKYO_EIGYOBU)],
        balance_dates=balance_dates or [today() - timedelta(days=30)],
        with_transactions=with_transactions,
    )


def ask_and_send(cast, *bank_codes: tuple[str, str], household="own", **kw) -> list[Inquiry]:
    """Deposit inquiries of cw's household, sent in today's batch of office A by the clerk."""
    made = ask(cast.users["cw"], cast.households[household], *bank_codes, **kw)
    services.export_batch(cast.users["clerk"], cast.office_a)
    return [Inquiry.objects.get(pk=i.pk) for i in made]


def balance(reference, bank, branch, number, as_of, amount, *, branch_name="東京営業部", kind="普通") -> list:
    return ["2", reference, bank, branch, branch_name, kind, number, str(as_of), str(amount)]


def transaction(reference, number, on, amount, description="") -> list:
    return ["3", reference, number, str(on), str(amount), description]


def no_account(reference, bank) -> list:
    return ["4", reference, bank]


def reply_file(office, *records, created_on=None, count=None, total=None, encoding="utf-8") -> bytes:
    """The service's reply file for `office`: header, the records, a trailer (counted unless given), end."""
    created_on = created_on or today()
    said_count = len(records) if count is None else count
    said_total = sum(int(r[8]) for r in records if r[0] == "2") if total is None else total
    lines = [
        ["1", office.municipality_code, created_on.isoformat()],
        *records,
        ["8", str(said_count), str(said_total)],
        ["9"],
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(lines)
    return out.getvalue().encode(encoding)


def import_file(actor, office, data: bytes, name="reply.csv"):
    return services.import_replies(actor, office, name, data)
