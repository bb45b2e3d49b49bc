"""The instalment plan on a receivable's page is form rows (納期限・金額), not typed text: an amount
with a comma and 円 is saved, empty rows are ignored, a bad value is named on its row, nothing saved."""

from datetime import timedelta

from django.urls import reverse

from hogo.receivables import services

from .form_rows import rows


def plan(client, receivable, *items, **extra):
    return client.post(reverse("receivable_plan", args=[receivable.public_id]), rows("instalments", *items) | extra)


def test_the_page_shows_the_plan_as_rows_with_a_date_and_an_amount(receivable, collector, client):
    client.force_login(collector)
    html = client.get(reverse("receivable_detail", args=[receivable.public_id])).content.decode()
    assert 'type="date" name="instalments-0-due_on"' in html and 'name="instalments-0-amount"' in html
    assert "行を追加" in html and "2026-12-25 10000" not in html


def test_a_row_with_50000_yen_is_saved_as_50000(receivable, collector, client, today):
    client.force_login(collector)
    balance = services.balance_of(receivable)
    response = plan(
        client,
        receivable,
        {"due_on": (today + timedelta(days=30)).isoformat(), "amount": "50,000円"},
        {"due_on": "", "amount": ""},
        {"due_on": (today + timedelta(days=60)).isoformat(), "amount": f"{balance - 50_000:,}円"},
    )
    assert response.status_code == 302
    assert [(i.number, i.amount) for i in services.current_plan(receivable)] == [(1, 50_000), (2, balance - 50_000)]


def test_a_bad_date_or_amount_is_named_on_its_row_and_nothing_is_saved(receivable, collector, client, today):
    client.force_login(collector)
    response = plan(
        client,
        receivable,
        {"due_on": (today + timedelta(days=30)).isoformat(), "amount": "abc"},
        {"due_on": "2026-02-30", "amount": "1000"},
    )
    errors = response.context["plan_form"].non_field_errors()
    assert response.status_code == 200
    assert "1行目の金額は数字で入力してください。" in errors
    assert any(e.startswith("2行目の納期限は正しい日付で") for e in errors)
    assert services.current_plan(receivable) == []


def test_add_row_adds_an_empty_row_and_saves_nothing(receivable, collector, client, today):
    client.force_login(collector)
    response = plan(client, receivable, {"due_on": "", "amount": "10,000円"}, add_row="instalments")
    assert response.status_code == 200 and len(response.context["plan_form"].instalments.forms) == 2
    assert services.current_plan(receivable) == []
