"""Where an audit entry comes from is set once per request (by middleware), per command or per job;
no view or service passes it on. Contexts nest and never leak from one request to the next."""

from django.core.management import call_command
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from django.urls import reverse

from hogo.audit.context import AuditContext, audit_context, current
from hogo.audit.middleware import audit_context_middleware
from hogo.audit.models import Action, AuditEntry
from hogo.households.services import open_household


def views_of(household):
    return AuditEntry.objects.filter(action=Action.VIEW, target_id=str(household.public_id)).order_by("seq")


def test_an_audited_read_through_a_view_records_the_requests_address(cast, login):
    household = cast.households["own"]
    login(cast.users["cw"]).get(reverse("household_detail", args=[household.public_id]), REMOTE_ADDR="198.51.100.7")
    assert views_of(household).get().source == "198.51.100.7"


def test_a_list_a_view_records_itself_carries_the_address_too(cast, login):
    login(cast.users["cw"]).get(reverse("household_search"), REMOTE_ADDR="198.51.100.8")
    assert AuditEntry.objects.get(action=Action.LIST).source == "198.51.100.8"


def test_a_failed_login_records_the_address_it_came_from(cast, client):
    client.post(reverse("login"), {"username": "cw", "password": "wrong-password"}, REMOTE_ADDR="203.0.113.9")
    assert AuditEntry.objects.get(action=Action.LOGIN_FAILED).source == "203.0.113.9"


def test_a_service_called_inside_a_cli_context_records_cli(cast):
    household = cast.households["own"]
    with audit_context(source="cli"):
        open_household(cast.users["cw"], household.public_id)
    assert views_of(household).get().source == "cli"


def test_a_command_says_which_command_wrote_its_entry(cast, tmp_path):
    path = tmp_path / "positions.csv"
    path.write_text(f"case_number,latitude,longitude\n{cast.households['own'].case_number},35.68,139.76\n")
    call_command("positions", str(path), office=cast.office_a.municipality_code)
    assert AuditEntry.objects.get(action=Action.BULK_LOAD).source == "hogo positions"


def test_the_context_does_not_leak_from_one_request_to_the_next(cast, login):
    household = cast.households["own"]
    client = login(cast.users["cw"])
    client.get(reverse("household_detail", args=[household.public_id]), REMOTE_ADDR="192.0.2.1")
    client.get(reverse("household_detail", args=[household.public_id]), REMOTE_ADDR="192.0.2.2")
    assert list(views_of(household).values_list("source", flat=True)) == ["192.0.2.1", "192.0.2.2"]
    assert current() == AuditContext()


def test_nested_contexts_restore_the_outer_one():
    with audit_context(source="worker"):
        with audit_context(source="cli", purpose="監査"):
            assert current() == AuditContext("cli", "監査")
        assert current() == AuditContext("worker")
    assert current() == AuditContext()


def test_a_nested_context_keeps_what_it_does_not_set():
    with audit_context(source="192.0.2.3"), audit_context(purpose="資料作成"):
        assert current() == AuditContext("192.0.2.3", "資料作成")


def test_a_purpose_is_written_into_the_entry(cast):
    household = cast.households["own"]
    with audit_context(source="192.0.2.4", purpose="ケース診断会議の資料"):
        open_household(cast.users["cw"], household.public_id)
    assert views_of(household).get().detail == {"purpose": "ケース診断会議の資料", "basis": "own_caseload"}


def test_a_streamed_response_is_produced_inside_the_requests_context():
    def chunks():
        yield current().source.encode()
        yield b"|" + current().source.encode()

    handle = audit_context_middleware(lambda request: StreamingHttpResponse(chunks()))
    response = handle(RequestFactory().get("/", REMOTE_ADDR="192.0.2.5"))
    assert current() == AuditContext()
    assert b"".join(response.streaming_content) == b"192.0.2.5|192.0.2.5"
    assert current() == AuditContext()


def test_a_plain_response_sees_the_context_and_it_is_reset_afterwards():
    handle = audit_context_middleware(lambda request: HttpResponse(current().source))
    assert handle(RequestFactory().get("/", REMOTE_ADDR="192.0.2.6")).content == b"192.0.2.6"
    assert current() == AuditContext()
