"""A large office pays thousands of households at the counter: 2,000 counter payments print into one
窓口払 一覧 in well under 10 s (the time is printed with `-s`), every row on it, with a few queries."""

import time
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hogo.households.models import Household
from hogo.payments.documents import ROWS_PER_PAGE, render_counter_list
from hogo.payments.models import Method, Payee, Payment, PaymentLine

from .test_documents_counter_list_shows_each_counter_household_and_the_total import mixed_run, pdf_text

COUNT = 2000


def add_counter_payments(run, count=COUNT):
    office = run.office
    households = Household.objects.bulk_create(
        Household(
            office=office,
            case_number=f"9{i:05d}",
            address="東京都みなと市一丁目1番1号",
            grade_area=office.default_grade_area,
            winter_region=office.default_winter_region,
            household_type="elderly",
            status="active",
        )
        for i in range(count)
    )
    payments = Payment.objects.bulk_create(
        Payment(
            run=run,
            household=h,
            payee=Payee.HOUSEHOLD,
            payee_name=f"架空 {i}郎",
            method=Method.COUNTER,
            amount=70_000 + i,
        )
        for i, h in enumerate(households)
    )
    PaymentLine.objects.bulk_create(
        PaymentLine(payment=p, run=run, household=p.household, month=date(2026, 12, 1), item="living", amount=p.amount)
        for p in payments
    )
    return payments


def test_two_thousand_counter_payments_print_quickly_with_every_row(cast, tmp_path):
    run = mixed_run(cast)
    added = add_counter_payments(run)
    expected = sum(run.payments.filter(method=Method.COUNTER).values_list("amount", flat=True))
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        data = render_counter_list(run)
    seconds = time.perf_counter() - started
    print(f"\n{COUNT} counter payments: {seconds:.2f} s, {len(data):,} bytes, {len(queries)} queries")
    assert seconds < 10
    assert len(queries) < 10
    text = pdf_text(data, tmp_path)
    assert all(p.household.case_number in text for p in added[::97])
    assert "9" + f"{COUNT - 1:05d}" in text
    total = COUNT + 2
    assert f"合計 {total:,}件 {expected:,}円" in text
    pages = -(-total // ROWS_PER_PAGE)
    assert f"{pages} / {pages} ページ" in text
