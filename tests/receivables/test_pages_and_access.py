"""The receivables pages: a determination drafted and approved in the browser's terms, the
collection team's ledger, slips and dunning; per-role access."""

import subprocess
from datetime import timedelta

import pytest
from django.urls import reverse

from hogo.receivables import services
from hogo.receivables.models import Determination
from tests.transfer.service_bundles import attached, opened

from .form_rows import determination as posted_determination
from .form_rows import line, rows


def pdf_text(content, tmp_path):
    path = tmp_path / "out.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.replace(" ", "")


def test_the_caseworker_drafts_and_the_route_approves(cast, login, today):
    url = reverse("determination_new", args=[cast.households["own"].public_id])
    response = login(cast.users["cw"]).post(
        url,
        posted_determination(
            *(line(month, "living", "35000") for month in ("2026-04", "2026-05", "2026-06")),
            cause="recipient",
            means_existed="年金の遡及支給（4〜6月分）",
            surcharge_percent="0",
            due_on=(today + timedelta(days=30)).isoformat(),
        ),
    )
    determination = Determination.objects.get()
    assert response.status_code == 302 and determination.principal63 == 105_000
    for role in ("sv", "chief"):
        login(cast.users[role]).post(reverse("determination_approve", args=[determination.public_id]), {"comment": ""})
    determination.refresh_from_db()
    assert determination.status == "approved" and determination.receivables.count() == 1


def test_a_bad_line_is_refused_on_its_field(cast, login, today):
    url = reverse("determination_new", args=[cast.households["own"].public_id])
    response = login(cast.users["cw"]).post(
        url,
        posted_determination(
            line("2026-04", "living", "abc"),
            cause="recipient",
            surcharge_percent="0",
            due_on=(today + timedelta(days=30)).isoformat(),
        ),
    )
    assert response.status_code == 200 and "金額は数字で入力してください" in response.content.decode()
    response = login(cast.users["cw"]).post(
        url,
        posted_determination(
            line("2026-04", "living", "1000"),
            cause="recipient",
            surcharge_percent="41",
            means_existed="x",
            due_on=(today + timedelta(days=30)).isoformat(),
        ),
    )
    assert "40" in response.content.decode() and not Determination.objects.exists()


def test_the_collection_team_records_a_payment_plans_and_prints_slips(
    cast, receivable, collector, client, tmp_path, today
):
    client.force_login(collector)
    assert client.get(reverse("home")).url == reverse("receivable_list")
    url = reverse("receivable_detail", args=[receivable.public_id])
    client.post(
        reverse("receivable_plan", args=[receivable.public_id]),
        rows(
            "instalments",
            {"due_on": (today + timedelta(days=30)).isoformat(), "amount": "50000"},
            {"due_on": (today + timedelta(days=60)).isoformat(), "amount": "55000"},
        ),
    )
    client.post(
        reverse("receivable_payment", args=[receivable.public_id]),
        {"amount": "50,000円", "on": today.isoformat(), "channel": "bank"},
    )
    assert services.balance_of(receivable) == 55_000
    text = pdf_text(client.get(reverse("payment_slips", args=[receivable.public_id])).content, tmp_path)
    assert "納付書" in text and "50,000円" in text and "55,000円" in text and "生活保護法第63条" in text
    page = client.get(url).content.decode()
    assert "年金" not in page  # the collection team sees the debt, not the case


def test_dunning_pages_produce_letters_and_the_sms_zip(cast, receivable, collector, client, tmp_path, today):
    type(receivable).objects.filter(pk=receivable.pk).update(
        due_on=today - timedelta(days=45), debtor_phone="090-1111-2222"
    )
    client.force_login(collector)
    params = "min_days=30&min_amount=1000&kinds=63&kinds=78"
    assert receivable.reference in client.get(f"{reverse('dunning')}?{params}").content.decode()
    response = client.post(f"{reverse('dunning')}?{params}")
    batch_url = response.url
    batch_id = batch_url.rstrip("/").split("/")[-1]
    letters = pdf_text(client.get(reverse("dunning_letters", args=[batch_id])).content, tmp_path)
    assert "督促状" in letters and "105,000円" in letters
    sms = client.get(reverse("dunning_export", args=[batch_id])).content
    bundle = opened(sms, cast.office_a.municipality_code, "sms")
    assert receivable.reference in attached(bundle, "messages.csv").decode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "results.csv", f"reference,status\n{receivable.reference},failed\n".encode(), "text/csv"
    )
    client.post(batch_url, {"results": upload})
    assert "届かなかった" in client.get(batch_url).content.decode()


@pytest.mark.parametrize(
    "role, expected", [("cw", 403), ("sv", 403), ("chief", 200), ("clerk", 200), ("admin", 403), ("b_clerk", 200)]
)
def test_the_receivables_list_per_role(cast, receivable, login, role, expected):
    response = login(cast.users[role]).get(reverse("receivable_list"))
    assert response.status_code == expected
    if role == "b_clerk":
        assert receivable.reference not in response.content.decode()


@pytest.mark.parametrize(
    "role, expected", [("cw", 200), ("chief", 200), ("clerk", 200), ("b_clerk", 404), ("cw_other", 404), ("admin", 404)]
)
def test_a_receivable_per_role(cast, receivable, login, role, expected):
    assert (
        login(cast.users[role]).get(reverse("receivable_detail", args=[receivable.public_id])).status_code == expected
    )


def test_a_caseworker_cannot_take_a_payment_through_the_page(cast, receivable, login, today):
    response = login(cast.users["cw"]).post(
        reverse("receivable_payment", args=[receivable.public_id]),
        {"amount": "1000", "on": today.isoformat(), "channel": "bank"},
    )
    assert response.status_code == 403 and services.balance_of(receivable) == 105_000


def test_the_collection_team_cannot_open_the_household(cast, receivable, collector, client):
    client.force_login(collector)
    assert client.get(reverse("household_detail", args=[cast.households["own"].public_id])).status_code == 404
