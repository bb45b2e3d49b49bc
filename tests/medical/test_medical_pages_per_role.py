"""Per-role access to the medical-assistance screens (issue 20). A household's requests, 意見書 and tickets:
its caseworker and the team's supervisor act; whoever sees the household reads; others get a 404. The
嘱託医 sees the review pages only (and no household); the monthly bulk issue is the clerks' and
supervisors'. The collection role, the admin and a partner agency see none of it."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.medical import services
from hogo.medical.models import MedicalPeriod, MedicalRequest, Review, Ticket, TicketRun
from tests.roles import ROLES, assert_sent_to_login

from ..decisions.change_helpers import head_of
from .medical_helpers import NOVEMBER, RECEIVED, advisor, assisted, decided_period, institutions, replied_opinion

ROLE_TESTED_URLS = {
    "medical_request_new",
    "medical_request_detail",
    "medical_opinion_issue",
    "medical_opinion_detail",
    "medical_opinion_pdf",
    "medical_opinion_reply",
    "medical_period_decide",
    "medical_review_queue",
    "medical_review",
    "medical_tickets",
    "medical_ticket_run",
    "medical_ticket_run_pdf",
    "medical_ticket_run_file",
    "medical_ticket_detail",
    "medical_ticket_correct",
}
ALL = [*ROLES, "doctor"]
ACTS = {"cw", "sv"}
SEES = {"cw", "cw_mate", "sv", "chief", "clerk"}
RUNS = {"clerk", "sv", "sv_other"}


@pytest.fixture
def world(cast, everyone):
    users = {**everyone, "doctor": advisor(cast)}
    household = assisted(cast)
    places = institutions(cast.office_a)
    period = decided_period(cast.users["cw"], users["doctor"], household, places.hospital)
    run = services.issue_month(cast.users["clerk"], cast.office_a, NOVEMBER)
    return {"users": users, "household": household, "places": places, "period": period, "run": run}


def status_for(role, acts=ACTS, sees=SEES):
    return 200 if role in acts else 403 if role in sees else 404


@pytest.mark.parametrize("role", ALL)
def test_only_the_caseworker_and_supervisor_record_a_request(world, login, role):
    client = login(world["users"][role])
    household = world["household"]
    response = client.get(reverse("medical_request_new", args=[household.public_id]))
    assert response.status_code == status_for(role)
    data = {
        "member": head_of(household).pk,
        "received_on": "2026-11-02",
        "complaint": "咳が続く",
        "institution": world["places"].clinic.pk,
    }
    client.post(reverse("medical_request_new", args=[household.public_id]), data)
    assert MedicalRequest.objects.filter(complaint="咳が続く").exists() == (role in ACTS)


@pytest.mark.parametrize("role", ALL)
def test_whoever_sees_the_household_reads_its_requests_opinions_and_tickets(world, login, role):
    client = login(world["users"][role])
    opinion = world["period"].opinion
    ticket = world["run"].tickets.first()
    expected = 200 if role in SEES else 404
    assert client.get(reverse("medical_request_detail", args=[opinion.request.public_id])).status_code == expected
    assert client.get(reverse("medical_opinion_detail", args=[opinion.public_id])).status_code == expected
    assert client.get(reverse("medical_ticket_detail", args=[ticket.public_id])).status_code == expected


@pytest.mark.parametrize("role", ALL)
def test_only_the_caseworker_and_supervisor_issue_print_and_enter_an_opinion(world, cast, login, role):
    client = login(world["users"][role])
    request = world["period"].opinion.request
    client.post(reverse("medical_opinion_issue", args=[request.public_id]))
    assert (request.opinions.count() == 2) == (role in ACTS)
    pdf = client.get(reverse("medical_opinion_pdf", args=[world["period"].opinion.public_id]))
    assert pdf.status_code == status_for(role)
    fresh = services.issue_opinion(cast.users["cw"], request)
    reply = {
        "replied_on": fresh.issued_on.isoformat(),
        "diagnosis": "気管支炎",
        "care": "outpatient",
        "expected_months": "3",
        "doctor_name": "青木 医師",
    }
    client.post(reverse("medical_opinion_reply", args=[fresh.public_id]), reply)
    fresh.refresh_from_db()
    assert (fresh.replied_on is not None) == (role in ACTS)


@pytest.mark.parametrize("role", ALL)
def test_only_the_caseworker_and_supervisor_decide_a_period(world, cast, login, role):
    opinion = replied_opinion(cast.users["cw"], world["household"], world["places"].clinic, received_on=RECEIVED)
    services.review(world["users"]["doctor"], opinion, verdict="agree")
    login(world["users"][role]).post(
        reverse("medical_period_decide", args=[opinion.public_id]), {"starts_on": "2026-10-01"}
    )
    assert MedicalPeriod.objects.filter(opinion=opinion).exists() == (role in ACTS)


@pytest.mark.parametrize("role", ALL)
def test_only_the_offices_medical_advisor_reviews(world, cast, login, role):
    opinion = replied_opinion(cast.users["cw"], world["household"], world["places"].clinic)
    client = login(world["users"][role])
    queue = client.get(reverse("medical_review_queue"))
    assert queue.status_code == (200 if role == "doctor" else 403)
    if role == "doctor":
        html = queue.content.decode()
        assert opinion.reference in html and "山田" not in html  # the review needs no name
    page = client.get(reverse("medical_review", args=[opinion.public_id]))
    assert page.status_code == (200 if role == "doctor" else 403)
    client.post(reverse("medical_review", args=[opinion.public_id]), {"verdict": "agree", "remarks": ""})
    assert Review.objects.filter(opinion=opinion).exists() == (role == "doctor")


@pytest.mark.parametrize("role", ALL)
def test_clerks_and_supervisors_run_the_monthly_issue_and_print_it(world, cast, login, role):
    client = login(world["users"][role])
    assert client.get(reverse("medical_tickets")).status_code == (200 if role in RUNS else 403)
    client.post(reverse("medical_tickets"), {"month": "2026-12"})
    assert TicketRun.objects.filter(month=date(2026, 12, 1)).exists() == (role in RUNS)
    run = world["run"]
    expected = 200 if role in RUNS else 403
    assert client.get(reverse("medical_ticket_run", args=[run.public_id])).status_code == expected
    institution = run.tickets.first().institution_id
    assert client.get(reverse("medical_ticket_run_pdf", args=[run.public_id, institution])).status_code == expected
    assert client.get(reverse("medical_ticket_run_file", args=[run.public_id])).status_code == expected


@pytest.mark.parametrize("role", ALL)
def test_only_the_caseworker_and_supervisor_correct_a_ticket(world, login, role):
    ticket = world["run"].tickets.first()
    data = {"self_pay": "1000", "cost": "", "reason": "収入の訂正"}
    login(world["users"][role]).post(reverse("medical_ticket_correct", args=[ticket.public_id]), data)
    ticket.refresh_from_db()
    assert ticket.void == (role in ACTS)
    assert Ticket.objects.filter(replaces=ticket).exists() == (role in ACTS)


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    opinion = world["period"].opinion
    assert_sent_to_login(client.get(reverse("medical_review_queue")))
    assert_sent_to_login(client.get(reverse("medical_tickets")))
    assert_sent_to_login(client.get(reverse("medical_opinion_detail", args=[opinion.public_id])))
