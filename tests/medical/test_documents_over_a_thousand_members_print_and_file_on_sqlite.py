"""A month's run reaches thousands of members (bench/tickets.py: ~13,000 tickets). What the documents show
is loaded a few hundred tickets at a time: one query for more than 1,000 members (or households,
institutions, periods) fails on SQLite with 「Expression tree is too large」. So the registration file and
the grouping by institution of 1,200 tickets of 1,200 members each have every ticket, and the loading in
chunks gives the same file as loading all at once."""

from hogo.medical import documents
from hogo.medical.documents import by_institution, registration_file
from hogo.medical.models import Ticket

from .medical_helpers import bulk_tickets
from .test_documents_tickets_show_number_month_institution_recipient_and_self_pay import MONTH

COUNT = 1200  # more distinct members than SQLite's expression depth of 1,000 allows in one query
PLACES = 3


def tickets_of_many_members(cast, count=COUNT) -> list:
    return list(bulk_tickets(cast, MONTH, count=count, members=count, places=PLACES, place_of=lambda n: n % PLACES))


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
