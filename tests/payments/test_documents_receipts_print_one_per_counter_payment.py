"""A 保護費領収書 prints for each counter payment given, three to a page, with the amount in ￥ and 円, the
breakdown and the line the recipient signs; a bank transfer has no receipt. A transfer the bank returned
and paid again at the counter has its own receipt with the day it was paid."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from hogo.payments.documents import render_receipts, render_repayment_receipt
from hogo.payments.models import CounterRepayment, Method, Payee, Returned, ReturnImport

from .test_documents_counter_list_shows_each_counter_household_and_the_total import mixed_run, pdf_text


def test_each_counter_payment_prints_one_receipt_with_its_amount(cast, tmp_path):
    run = mixed_run(cast)
    payments = list(run.payments.filter(method=Method.COUNTER).select_related("household"))
    text = pdf_text(render_receipts(payments), tmp_path)
    assert text.count("保 護 費 領 収 書") == len(payments) == 2
    assert text.count("上記の金額を領収しました。") == 2
    for payment in payments:
        assert f"￥{payment.amount:,}円" in text
        assert payment.household.case_number in text
    assert "令和8年12月1日" in text and "12月 生活扶助" in text


def test_four_receipts_take_two_pages(cast, tmp_path):
    run = mixed_run(cast)
    payments = list(run.payments.filter(method=Method.COUNTER)) * 2
    path = tmp_path / "receipts.pdf"
    path.write_bytes(render_receipts(payments))
    from ..decisions.notice_helpers import poppler

    assert "Pages:           2" in poppler("pdfinfo", path)


def test_a_bank_transfer_has_no_receipt(cast):
    run = mixed_run(cast)
    with pytest.raises(ValidationError):
        render_receipts(run.payments.filter(method=Method.BANK))


def test_a_returned_transfer_paid_at_the_counter_prints_its_receipt(cast, tmp_path):
    run = mixed_run(cast)
    payment = run.payments.get(method=Method.BANK, payee=Payee.HOUSEHOLD)
    imported = ReturnImport.objects.create(
        office=cast.office_a, file_name="result.txt", sha256="0" * 64, imported_by=cast.users["clerk"]
    )
    returned = Returned.objects.create(payment=payment, imported=imported, result_code="1", reason="資金不足")
    repaid = CounterRepayment.objects.create(
        returned=returned, paid_on=date(2026, 12, 8), amount=payment.amount, recorded_by=cast.users["clerk"]
    )
    text = pdf_text(render_repayment_receipt(repaid), tmp_path)
    assert f"￥{payment.amount:,}円" in text
    assert "令和8年12月8日" in text and "振込不能の再支給" in text
    assert cast.households["own"].case_number in text
