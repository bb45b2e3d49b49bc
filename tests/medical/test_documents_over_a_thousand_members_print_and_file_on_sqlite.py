"""A month's run reaches thousands of members (bench/tickets.py: ~13,000 tickets). What the documents show
is loaded a few hundred tickets at a time: one query for more than 1,000 members (or households,
institutions, periods) fails on SQLite with 「Expression tree is too large」. So the registration file and
the grouping by institution of 1,200 tickets of 1,200 members each have every ticket, and the loading in
chunks gives the same file as loading all at once."""

from datetime import date

from hogo.common.kana import search_key
from hogo.households.models import Member
from hogo.medical import documents
from hogo.medical.documents import by_institution, registration_file
from hogo.medical.models import Institution, InstitutionKind, Ticket

from .test_documents_tickets_show_number_month_institution_recipient_and_self_pay import MONTH

COUNT = 1200  # more distinct members than SQLite's expression depth of 1,000 allows in one query
PLACES = 3


def tickets_of_many_members(cast, count=COUNT) -> list[Ticket]:
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
        for i in range(count)
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
        for i in range(PLACES)
    )
    prefix = f"{cast.office_a.municipality_code}2611M"
    Ticket.objects.bulk_create(
        Ticket(
            number=f"{prefix}{n + 1:05d}",
            kind="medical",
            household=household,
            member=members[n],
            institution=places[n % PLACES],
            month=MONTH,
            self_pay=(n % 7) * 1000,
            issued_by=cast.users["clerk"],
        )
        for n in range(count)
    )
    return list(Ticket.objects.filter(household=household, month=MONTH).order_by("number"))


def test_the_registration_file_of_tickets_of_over_a_thousand_members_has_a_line_each(cast):
    tickets = tickets_of_many_members(cast)

    lines = registration_file(tickets).decode("utf-8").split("\r\n")

    assert len(lines) == COUNT + 2 and lines[-1] == ""
    assert [line.split(",")[2] for line in lines[1:-1]] == [t.number for t in tickets]


def test_tickets_of_over_a_thousand_members_group_by_institution_in_order(cast):
    tickets = tickets_of_many_members(cast)

    groups = by_institution(tickets)

    assert [place.code for place, _ in groups] == ["1300000", "1300001", "1300002"]
    assert [len(group) for _, group in groups] == [COUNT // PLACES] * PLACES
    assert [t.number for _, group in groups for t in group] == [
        t.number for i in range(PLACES) for t in tickets[i::PLACES]
    ]
    assert all(t.member.name_kana and t.institution.code for _, group in groups for t in group)


def test_loading_in_small_chunks_gives_the_same_file_as_loading_at_once(cast, monkeypatch):
    tickets = tickets_of_many_members(cast, count=40)
    at_once = registration_file(tickets)
    monkeypatch.setattr(documents, "CHUNK", 3)

    in_chunks = registration_file(Ticket.objects.filter(pk__in=[t.pk for t in tickets]).order_by("number"))

    assert in_chunks == at_once
