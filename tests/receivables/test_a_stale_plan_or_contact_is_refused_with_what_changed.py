"""Two collectors on one receivable's page (issue 16 point 2, decision 0021): the instalment plan and the
phone number carry what the page was loaded with; the later submit of the earlier-loaded page is refused
with what changed, and the other person's plan or number stays."""

from datetime import timedelta

from django.urls import reverse

from hogo.receivables import services
from tests.roles import said

from .form_rows import rows


def _page_context(client, receivable):
    return client.get(reverse("receivable_detail", args=[receivable.public_id])).context


def _plan(receivable, today, amount_first):
    balance = services.balance_of(receivable)
    return rows(
        "instalments",
        {"due_on": (today + timedelta(days=30)).isoformat(), "amount": f"{amount_first:,}"},
        {"due_on": (today + timedelta(days=60)).isoformat(), "amount": f"{balance - amount_first:,}"},
    )


def test_a_plan_saved_from_a_page_loaded_before_another_plan_is_refused(receivable, collector, client, today):
    client.force_login(collector)
    loaded = _page_context(client, receivable)["plan_form"]["plan_version"].value()
    first = client.post(
        reverse("receivable_plan", args=[receivable.public_id]),
        _plan(receivable, today, 10_000) | {"plan_version": loaded},
    )
    assert first.status_code == 302

    second = client.post(
        reverse("receivable_plan", args=[receivable.public_id]),
        _plan(receivable, today, 20_000) | {"plan_version": loaded},
    )

    assert second.status_code == 200
    errors = " ".join(e for errs in second.context["plan_form"].errors.values() for e in errs)
    assert "他の人が分納の計画を作り直しました（第1版）" in errors
    assert [i.amount for i in services.current_plan(receivable)][0] == 10_000


def test_a_phone_number_saved_from_a_stale_page_is_refused_naming_the_current_number(receivable, collector, client):
    client.force_login(collector)
    loaded = _page_context(client, receivable)["contact_version"]
    url = reverse("receivable_contact", args=[receivable.public_id])
    client.post(url, {"phone": "090-1111-2222", "version": loaded})

    response = client.post(url, {"phone": "090-3333-4444", "version": loaded})

    assert any("電話番号「090-1111-2222」" in text for level, text in said(response) if level == "error")
    receivable.refresh_from_db()
    assert receivable.debtor_phone == "090-1111-2222"


def test_a_fresh_page_saves_the_phone_number(receivable, collector, client):
    client.force_login(collector)
    loaded = _page_context(client, receivable)["contact_version"]

    client.post(
        reverse("receivable_contact", args=[receivable.public_id]), {"phone": "090-1111-2222", "version": loaded}
    )

    receivable.refresh_from_db()
    assert receivable.debtor_phone == "090-1111-2222"
