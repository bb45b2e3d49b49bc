"""The monthly run prints thousands of tickets (bench/tickets.py: 10,000 households in under 60 s):
2,000 tickets render into one PDF of 1,000 pages, every ticket in it, with a handful of queries (not one
per ticket), and the registration file of the same tickets has a line for each. The time is printed
(`-s`); the bound asserted is generous so that a busy machine does not fail the test."""

import time
from datetime import date

from hogo.common.kana import search_key
from hogo.households.models import Member
from hogo.medical.documents import registration_file, render_tickets
from hogo.medical.models import Institution, InstitutionKind, Ticket

from ..decisions.notice_helpers import poppler
from .test_documents_tickets_show_number_month_institution_recipient_and_self_pay import MONTH

COUNT = 2000
MEMBERS = 50


def many_tickets(cast) -> list[Ticket]:
    household = cast.households["own"]
    members = Member.objects.bulk_create(
        Member(
            household=household,
            name=f"架空 {i}郎",
            name_kana=f"カクウ {i}ロウ",
            search_name=search_key(f"架空 {i}郎"),
            search_kana=search_key(f"カクウ {i}ロウ"),
            birth_date=date(1940 + i % 60, 1 + i % 12, 1 + i % 28),
            sex="female" if i % 2 else "male",
            relation="child",
        )
        for i in range(MEMBERS)
    )
    places = Institution.objects.bulk_create(
        Institution(
            office=cast.office_a,
            code=f"13{i:05d}",
            name=f"架空第{i}診療所",
            address=f"東京都みなと市{i}丁目1番1号",
            kind=InstitutionKind.MEDICAL,
            designated_from=date(2000, 4, 1),
        )
        for i in range(COUNT // MEMBERS)
    )
    prefix = f"{cast.office_a.municipality_code}2611M"
    Ticket.objects.bulk_create(
        Ticket(
            number=f"{prefix}{n + 1:05d}",
            kind="medical",
            household=household,
            member=members[n % MEMBERS],
            institution=places[n // MEMBERS],
            month=MONTH,
            self_pay=(n % 7) * 1000,
            issued_by=cast.users["clerk"],
        )
        for n in range(COUNT)
    )
    return Ticket.objects.filter(household=household, month=MONTH).order_by("number")


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
