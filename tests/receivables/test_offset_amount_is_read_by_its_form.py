"""The amount taken from the benefit (法第78条の2) is read by a form: typed as people write it, and
anything that is not an amount is refused with a message naming the field — never a server error."""

from django.contrib.messages import get_messages
from django.urls import reverse

from hogo.receivables.models import Entry


def said(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_non_numeric_amount_names_the_field_and_saves_nothing(debt78, collector, client):
    client.force_login(collector)
    before = Entry.objects.filter(receivable=debt78).count()
    response = client.post(reverse("receivable_offset", args=[debt78.public_id]), {"amount": "abc"})
    assert response.status_code == 302 and response.url == reverse("receivable_detail", args=[debt78.public_id])
    assert said(response) == ["今月の徴収額は数字で入力してください。"]
    assert Entry.objects.filter(receivable=debt78).count() == before


def test_a_missing_amount_names_the_field(debt78, collector, client):
    client.force_login(collector)
    response = client.post(reverse("receivable_offset", args=[debt78.public_id]), {})
    assert said(response) == ["今月の徴収額を入力してください。"]
    assert not Entry.objects.filter(receivable=debt78, kind="offset").exists()


def test_an_amount_with_commas_and_yen_is_recorded(debt78, collector, client):
    client.force_login(collector)
    response = client.post(reverse("receivable_offset", args=[debt78.public_id]), {"amount": "3,000円"})
    assert said(response) == ["保護金品からの徴収を記録しました。"]
    assert Entry.objects.get(receivable=debt78, kind="offset").amount == 3_000


def test_an_amount_over_the_monthly_cap_is_refused_by_the_rule(debt78, collector, client):
    client.force_login(collector)
    response = client.post(reverse("receivable_offset", args=[debt78.public_id]), {"amount": "5001"})
    assert response.status_code == 302 and "上限（5,000円）" in said(response)[0]
    assert not Entry.objects.filter(receivable=debt78, kind="offset").exists()
