"""The monthly run prints thousands of tickets (bench/tickets.py: 10,000 households in under 60 s):
2,000 tickets render into one PDF of 1,000 pages, every ticket in it, with a handful of queries (not one
per ticket), and the registration file of the same tickets has a line for each. The time is printed
(`-s`); the bound asserted is generous so that a busy machine does not fail the test."""

import time

from hogo.medical.documents import registration_file, render_tickets

from ..decisions.notice_helpers import poppler
from .medical_helpers import bulk_tickets
from .test_documents_tickets_show_number_month_institution_recipient_and_self_pay import MONTH

COUNT = 2000
MEMBERS = 50


def many_tickets(cast):
    return bulk_tickets(
        cast, MONTH, count=COUNT, members=MEMBERS, places=COUNT // MEMBERS, place_of=lambda n: n // MEMBERS
    )


def test_two_thousand_tickets_render_in_one_pdf_quickly_with_few_queries(cast, tmp_path, django_assert_max_num_queries):
    tickets = many_tickets(cast)
    started = time.perf_counter()
    with django_assert_max_num_queries(8):
        pdf = render_tickets(tickets)
    took = time.perf_counter() - started
    print(f"\n{COUNT} tickets: {took:.2f} s, {len(pdf) / 1e6:.1f} MB")
    path = tmp_path / "tickets.pdf"
    path.write_bytes(pdf)
    info = dict(line.split(":", 1) for line in poppler("pdfinfo", path).splitlines())
    assert int(info["Pages"]) == COUNT // 2
    text = poppler("pdftotext", "-raw", "-f", "1000", "-l", "1000", path, "-")
    prefix = f"{cast.office_a.municipality_code}2611M"
    assert f"{prefix}01999" in text and f"{prefix}02000" in text
    assert took < 20


def test_the_registration_file_of_two_thousand_tickets_has_a_line_each(cast, django_assert_max_num_queries):
    tickets = many_tickets(cast)
    started = time.perf_counter()
    with django_assert_max_num_queries(8):
        data = registration_file(tickets)
    print(f"\nregistration file of {COUNT} tickets: {time.perf_counter() - started:.2f} s")
    lines = data.decode("utf-8").split("\r\n")
    assert len(lines) == COUNT + 2 and lines[-1] == ""  # the header, a line a ticket, the final CRLF
