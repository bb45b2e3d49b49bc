"""Synthetic replies of the deposit-inquiry service for a batch (the demo and the e2e test): in the reply
file layout of docs/inquiries/deposit_reply.md, one ordinary account with a balance on each asked date for
most inquiries and 口座なし for every third. Nothing is real; the figures come from a seeded generator."""

import random
from datetime import date

from . import banks
from .models import InquiryBatch


def synthetic_replies(batch: InquiryBatch, created_on: date, seed: int = 1) -> bytes:
    rng = random.Random(f"inquiry-replies-{seed}-{batch.pk}")
    lines = [f"1,{batch.office.municipality_code},{created_on.isoformat()}"]
    count = total = 0
    for n, inquiry in enumerate(batch.inquiries.order_by("reference")):
        if n % 3 == 2:
            lines.append(f"4,{inquiry.reference},{inquiry.bank_code}")
            count += 1
            continue
        branches = banks.branches_of(inquiry.bank_code)
        branch_code = inquiry.branch_code or next(iter(branches))
        branch = branches[branch_code]
        number = f"{rng.randrange(1_000_000, 9_999_999)}"
        for day in inquiry.balance_dates:
            balance = rng.randrange(0, 300_000)
            lines.append(
                f"2,{inquiry.reference},{inquiry.bank_code},{branch_code},{branch},普通,{number},{day},{balance}"
            )
            count, total = count + 1, total + balance
    lines += [f"8,{count},{total}", "9"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
