"""Per-role access to the payment screens (issue 21). The office's runs, results and unpaid transfers, a
run, its outputs and the counter re-payment: the office's clerk and chief (the chief approves, the clerk
computes). A household's payment method and 代理納付: its caseworker and supervisor, and the clerk; the
others who see the household are refused (403), the rest do not find it (404)."""

import pytest
from django.urls import reverse

from hogo.payments import services
from tests.roles import ROLES, assert_sent_to_login

from .payment_helpers import DECEMBER, approved_run, assisted, bank_account, payment_settings

ROLE_TESTED_URLS = {
    "payment_office",
    "payment_results_import",
    "payment_run",
    "payment_run_approve",
    "payment_run_return",
    "payment_run_recompute",
    "payment_run_zengin",
    "payment_run_pdf",
    "payment_run_proxy_csv",
    "payment_repay",
    "payment_repayment_receipt",
    "payment_method_edit",
    "proxy_payee_edit",
}
RUNS = {"clerk", "chief"}
CHANGES = {"cw", "sv", "clerk"}
SEES_OWN = {"cw", "cw_mate", "sv", "chief", "clerk"}


@pytest.fixture
def frozen(cast):
    payment_settings(cast.office_a)
    household = assisted(cast)
    bank_account(cast.users["cw"], household)
    return approved_run(cast)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_clerk_and_chief_open_the_office_payments(everyone, cast, login, role):
    payment_settings(cast.office_a)
    response = login(everyone[role]).get(reverse("payment_office"))
    assert response.status_code == (200 if role in RUNS else 403)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_clerk_and_chief_open_a_run_and_its_outputs(everyone, cast, login, role, frozen):
    client = login(everyone[role])
    for url in (
        reverse("payment_run", args=[frozen.public_id]),
        reverse("payment_run_zengin", args=[frozen.public_id]),
        reverse("payment_run_pdf", args=[frozen.public_id, "accounting"]),
        reverse("payment_run_proxy_csv", args=[frozen.public_id]),
    ):
        assert client.get(url).status_code == (200 if role in RUNS else 404), url


@pytest.mark.parametrize("role", ROLES)
def test_only_the_chief_approves_a_run_the_clerk_computed(everyone, cast, login, role):
    payment_settings(cast.office_a)
    assisted(cast)
    run = services.compute_run(cast.users["clerk"], cast.office_a, DECEMBER)
    response = login(everyone[role]).post(reverse("payment_run_approve", args=[run.public_id]), {"comment": ""})
    run.refresh_from_db()
    assert response.status_code == (302 if role in RUNS else 404)
    assert (run.status == "approved") == (role == "chief")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_chief_returns_a_run_and_only_its_office_recomputes_it(everyone, cast, login, role):
    payment_settings(cast.office_a)
    assisted(cast)
    run = services.compute_run(cast.users["clerk"], cast.office_a, DECEMBER)
    client = login(everyone[role])
    response = client.post(reverse("payment_run_return", args=[run.public_id]), {"comment": "確認のため"})
    run.refresh_from_db()
    assert response.status_code == (302 if role in RUNS else 404)
    assert (run.status == "returned") == (role == "chief")
    response = client.post(reverse("payment_run_recompute", args=[run.public_id]))
    assert response.status_code == (302 if role in RUNS else 404)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_clerk_and_chief_import_results_and_repay_at_the_counter(everyone, cast, login, role, frozen):
    client = login(everyone[role])
    payment = frozen.payments.get()
    response = client.post(reverse("payment_results_import"), {})
    assert response.status_code == (302 if role in RUNS else 403)
    response = client.post(reverse("payment_repay", args=[payment.public_id]), {"paid_on": "2026-12-01"})
    # no transfer came back: the office finds no return to repay (404); the others are refused first
    assert response.status_code == (404 if role in RUNS else 403)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", ["payment_method_edit", "proxy_payee_edit"])
def test_the_caseworker_supervisor_and_clerk_change_how_a_household_is_paid(everyone, cast, login, role, view):
    response = login(everyone[role]).get(reverse(view, args=[cast.households["own"].public_id]))
    assert response.status_code == (200 if role in CHANGES else 403 if role in SEES_OWN else 404)


@pytest.mark.parametrize("role", ROLES)
def test_the_household_page_shows_payments_to_whoever_sees_the_household(everyone, cast, login, role, frozen):
    response = login(everyone[role]).get(reverse("household_detail", args=[cast.households["own"].public_id]))
    if role in SEES_OWN:
        assert "保護費の支給" in response.content.decode()
        assert "payment-history" in response.content.decode()
    else:
        assert response.status_code == 404


def test_a_counter_receipt_opens_for_the_offices_clerk_and_chief_only(everyone, cast, login, frozen):
    from tests.payments.payment_helpers import returned_and_repaid  # noqa: PLC0415

    repaid = returned_and_repaid(cast, frozen)
    for role in ROLES:
        response = login(everyone[role]).get(reverse("payment_repayment_receipt", args=[repaid.public_id]))
        assert response.status_code == (200 if role in RUNS else 403), role


def test_anonymous_users_are_sent_to_the_login_page(client, cast):
    assert_sent_to_login(client.get(reverse("payment_office")))
