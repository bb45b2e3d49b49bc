"""Per-role access to the inquiry screens (issue 19). Asking (banks, letters), cancelling, printing a letter and
the reminder: the household's caseworker and the team's supervisor. Reading an inquiry: whoever sees the
household. A paper reply: the caseworker, the supervisor or the clerk who opened the mail. The office's
sending and replies: clerks and supervisors; the figures: chiefs, supervisors and clerks. The collection
role, the admin and a partner agency see none of it."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.inquiries import services
from hogo.inquiries.models import Inquiry, InquiryBatch, InquiryStatus
from tests.roles import ROLES, assert_sent_to_login

ROLE_TESTED_URLS = {
    "inquiry_new_banks",
    "inquiry_new_letter",
    "inquiry_detail",
    "inquiry_cancel",
    "inquiry_reply",
    "inquiry_letter",
    "inquiry_remind",
    "inquiry_office",
    "inquiry_batch_export",
    "inquiry_batch_file",
    "inquiry_letters",
    "inquiry_letters_sent",
    "inquiry_figures",
}
ASKS = {"cw", "sv"}
SEES_OWN = {"cw", "cw_mate", "sv", "chief", "clerk"}
SENDS = {"clerk", "sv", "sv_other"}
FIGURES = {"chief", "clerk", "sv", "sv_other"}


def head(household):
    return household.members.get(relation="head")


def deposit(cast) -> Inquiry:
    household = cast.households["own"]
    return services.ask_banks(
        cast.users["cw"],
        household,
        services.Person(member=head(household)),
        bank_codes=[("0001", "")],
        balance_dates=[date(2026, 4, 1)],
    )[0]


def letter(cast, *, sent=False) -> Inquiry:
    household = cast.households["own"]
    inquiry = services.ask_by_letter(
        cast.users["cw"],
        household,
        services.Person(member=head(household)),
        kind="life_insurance",
        institution_name="みなと生命保険株式会社",
        institution_address="東京都みなと市二丁目2番2号",
        asked="生命保険契約の有無",
    )
    if sent:
        services.mark_letters_sent(cast.users["cw"], [inquiry])
        inquiry.refresh_from_db()
    return inquiry


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", ["inquiry_new_banks", "inquiry_new_letter"])
def test_only_the_caseworker_and_supervisor_open_the_asking_pages(everyone, cast, login, role, view):
    response = login(everyone[role]).get(reverse(view, args=[cast.households["own"].public_id]))
    expected = 200 if role in ASKS else 403 if role in SEES_OWN else 404
    assert response.status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_only_the_caseworker_and_supervisor_ask_banks(everyone, cast, login, role):
    household = cast.households["own"]
    data = {"member": head(household).pk, "balance_date": "2026-04-01", "bank_1": "0001", "branch_1": "001"}
    login(everyone[role]).post(reverse("inquiry_new_banks", args=[household.public_id]), data)
    assert Inquiry.objects.filter(household=household).exists() == (role in ASKS)


@pytest.mark.parametrize("role", ROLES)
def test_whoever_sees_the_household_reads_an_inquiry(everyone, cast, login, role):
    inquiry = deposit(cast)
    response = login(everyone[role]).get(reverse("inquiry_detail", args=[inquiry.public_id]))
    assert response.status_code == (200 if role in SEES_OWN else 404)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_caseworker_and_supervisor_cancel(everyone, cast, login, role):
    inquiry = deposit(cast)
    login(everyone[role]).post(reverse("inquiry_cancel", args=[inquiry.public_id]), {"reason": "申請の取下げ"})
    inquiry.refresh_from_db()
    assert (inquiry.status == InquiryStatus.CANCELLED) == (role in ASKS)


@pytest.mark.parametrize("role", ROLES)
def test_the_caseworker_supervisor_or_clerk_enters_a_paper_reply(everyone, cast, login, role):
    inquiry = letter(cast, sent=True)
    data = {"answered_on": inquiry.sent_on.isoformat(), "found": "0", "detail": ""}
    login(everyone[role]).post(reverse("inquiry_reply", args=[inquiry.public_id]), data)
    inquiry.refresh_from_db()
    assert (inquiry.status == InquiryStatus.NO_RECORD) == (role in ASKS | {"clerk"})


@pytest.mark.parametrize("role", ROLES)
def test_only_the_caseworker_and_supervisor_print_a_letter(everyone, cast, login, role):
    inquiry = letter(cast)
    response = login(everyone[role]).get(reverse("inquiry_letter", args=[inquiry.public_id]))
    assert response.status_code == (200 if role in ASKS else 403 if role in SEES_OWN else 404)
    if response.status_code == 200:
        assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_caseworker_and_supervisor_send_a_reminder(everyone, cast, login, role):
    inquiry = letter(cast, sent=True)
    response = login(everyone[role]).post(reverse("inquiry_remind", args=[inquiry.public_id]))
    inquiry.refresh_from_db()
    assert (inquiry.reminded_on is not None) == (role in ASKS)
    if role in ASKS:
        assert response["Content-Type"] == "application/pdf"
    elif role not in SEES_OWN:
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_clerks_and_supervisors_open_the_sending_page(everyone, cast, login, role):
    response = login(everyone[role]).get(reverse("inquiry_office"))
    assert response.status_code == (200 if role in SENDS else 403)


@pytest.mark.parametrize("role", ROLES)
def test_clerks_and_supervisors_export_the_days_batch_and_download_it(everyone, cast, login, role):
    deposit(cast)
    client = login(everyone[role])
    client.post(reverse("inquiry_batch_export"))
    batch = InquiryBatch.objects.first()
    assert (batch is not None) == (role in SENDS)
    if batch is None:
        batch = services.export_batch(cast.users["clerk"], cast.office_a)
    response = client.get(reverse("inquiry_batch_file", args=[batch.public_id]))
    assert response.status_code == (200 if role in SENDS else 403)


@pytest.mark.parametrize("role", ROLES)
def test_clerks_and_supervisors_print_the_letters_and_mark_them_sent(everyone, cast, login, role):
    inquiry = letter(cast)
    client = login(everyone[role])
    response = client.get(reverse("inquiry_letters"))
    assert response.status_code == (200 if role in SENDS else 403)
    client.post(reverse("inquiry_letters_sent"))
    inquiry.refresh_from_db()
    assert (inquiry.status == InquiryStatus.SENT) == (role in SENDS)


@pytest.mark.parametrize("role", ROLES)
def test_chiefs_supervisors_and_clerks_see_the_figures(everyone, cast, login, role):
    response = login(everyone[role]).get(reverse("inquiry_figures"))
    assert response.status_code == (200 if role in FIGURES else 403)


def test_anonymous_visitors_are_sent_to_log_in(client, cast):
    inquiry = deposit(cast)
    assert_sent_to_login(client.get(reverse("inquiry_office")))
    assert_sent_to_login(client.get(reverse("inquiry_detail", args=[inquiry.public_id])))
    assert_sent_to_login(client.get(reverse("inquiry_new_banks", args=[cast.households["own"].public_id])))
    assert_sent_to_login(client.post(reverse("inquiry_batch_export")))
