"""The 窓口払 一覧 lists every household paid at the counter of an approved run, by case number, with its
amount and breakdown, and ends with the count and the total; a household paid by transfer is not on it.
The shared steps here (a run with counter, bank and 代理納付 payments) are used by the other document tests."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from hogo.payments import services
from hogo.payments.documents import render_counter_list
from hogo.payments.models import Method

from ..decisions.notice_helpers import poppler
from .payment_helpers import approved_run, assisted, bank_account, payment_settings

LANDLORD = "<b>&家主"


def mixed_run(cast):
    """A December run: own by transfer with 介護保険料 paid to a payee typed as markup, mate and
    other_team at the counter."""
    payment_settings(cast.office_a)
    own = assisted(cast, "own")
    assisted(cast, "mate", cw="cw_mate")
    assisted(cast, "other_team", cw="cw_other")
    bank_account(cast.users["cw"], own)
    services.set_proxy(
        cast.users["cw"],
        own,
        item="care_premium",  # the cast's households pay no rent: housing is 0
        payee_name=LANDLORD,
        monthly_amount=3_000,
        starts_on=date(2026, 4, 1),
        bank_code="0005",
        branch_code="001",
        account_type="1",
        account_number="7654321",
        account_name="ﾔﾇｼ",
    )
    return approved_run(cast)


def pdf_text(data: bytes, tmp_path, name="out.pdf") -> str:
    """The PDF's text as laid out, runs of spaces made one."""
    path = tmp_path / name
    path.write_bytes(data)
    text = poppler("pdftotext", "-layout", path, "-")
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def test_each_counter_household_prints_with_its_case_number_and_amount_and_the_total(cast, tmp_path):
    run = mixed_run(cast)
    counter = list(run.payments.filter(method=Method.COUNTER).select_related("household"))
    assert len(counter) == 2
    text = pdf_text(render_counter_list(run), tmp_path)
    for payment in counter:
        row = next(line for line in text.splitlines() if payment.household.case_number in line)
        assert f"{payment.amount:,}" in row
        assert payment.payee_name.replace(" ", "") in row.replace(" ", "")
    assert f"合計 2件 {sum(p.amount for p in counter):,}円" in text
    assert "窓口払 一覧" in text and "令和8年12月分" in text and "定例支給" in text


def test_a_household_paid_by_transfer_is_not_on_the_counter_list(cast, tmp_path):
    run = mixed_run(cast)
    text = pdf_text(render_counter_list(run), tmp_path)
    assert cast.households["own"].case_number not in text


def test_the_rows_follow_the_case_numbers(cast, tmp_path):
    run = mixed_run(cast)
    text = pdf_text(render_counter_list(run), tmp_path)
    cases = sorted(run.payments.filter(method=Method.COUNTER).values_list("household__case_number", flat=True))
    assert text.index(cases[0]) < text.index(cases[1])


def test_a_run_not_yet_approved_is_refused(cast):
    payment_settings(cast.office_a)
    assisted(cast, "mate", cw="cw_mate")
    run = services.compute_run(cast.users["clerk"], cast.office_a, date(2026, 12, 1))
    with pytest.raises(ValidationError):
        render_counter_list(run)
