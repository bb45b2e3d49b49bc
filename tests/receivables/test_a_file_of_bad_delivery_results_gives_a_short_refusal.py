"""A delivery-results file full of bad rows is refused as a whole with the first 100 errors and a
count of the rest (decision 0023): the page stays small and the server's memory stays within a
budget however long the file is. Nothing of a refused file is saved."""

import tracemalloc
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hogo.receivables import services
from hogo.receivables.models import Delivery
from tests.roles import said

MiB = 1024 * 1024


@pytest.fixture
def batch(cast, receivable, collector, today):
    type(receivable).objects.filter(pk=receivable.pk).update(due_on=today - timedelta(days=40))
    return services.create_batch(collector, cast.office_a.pk, criteria={"min_days": 30}, receivables=[receivable])


def bad_rows(size: int, first: str = "") -> bytes:
    """A CSV of about `size` bytes whose rows all name no receivable of the batch and no status."""
    lines, total, number = ["reference,status", *([first] if first else [])], 0, 0
    while total < size:
        number += 1
        line = f"X{number},no"
        lines.append(line)
        total += len(line) + 1
    return ("\n".join(lines) + "\n").encode()


def test_a_long_file_of_bad_rows_lists_the_first_100_errors_and_counts_the_rest(batch, collector):
    data = bad_rows(1_200_000)
    with pytest.raises(ValidationError) as refused:
        services.import_deliveries(collector, batch, data)
    messages = refused.value.messages
    rows = data.count(b"\n") - 1
    assert len(messages) == 101
    assert messages[0] == "2行目 reference: この督促に含まれない整理番号「X1」です。"
    assert messages[1] == "2行目 status: delivered か failed です（no）。"
    assert messages[-1] == f"ほかに{2 * rows - 100:,}件の誤りがあります（最初の100件だけを示しました）。"


def test_one_good_row_among_bad_ones_saves_nothing(batch, collector, receivable):
    data = bad_rows(10_000, first=f"{receivable.reference},delivered")
    with pytest.raises(ValidationError):
        services.import_deliveries(collector, batch, data)
    assert not Delivery.objects.exists()


def test_a_long_value_is_quoted_shortened(batch, collector):
    with pytest.raises(ValidationError) as refused:
        services.import_deliveries(collector, batch, b"reference,status\n" + b"A" * 5_000 + b",delivered\n")
    assert refused.value.messages == [f"2行目 reference: この督促に含まれない整理番号「{'A' * 30}…」です。"]


def test_a_field_over_the_csv_limit_is_a_message_not_a_server_error(batch, collector):
    with pytest.raises(ValidationError, match="2行目を CSV として読めません"):
        services.import_deliveries(collector, batch, b"reference,status\n" + b"A" * 200_000 + b",delivered\n")


def test_the_refused_file_gives_a_short_page_within_50_mib(client, batch, collector):
    client.force_login(collector)
    url = reverse("dunning_batch", args=[batch.public_id])
    upload = SimpleUploadedFile("results.csv", bad_rows(1_200_000), content_type="text/csv")
    tracemalloc.start()
    try:
        response = client.post(url, {"results": upload}, follow=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200
    assert peak < 50 * MiB
    assert len(response.content) < 200 * 1024
    assert "最初の100件だけを示しました" in response.content.decode()
    assert not Delivery.objects.exists()


def test_a_file_over_5_mb_is_refused_before_it_is_read(client, batch, collector):
    client.force_login(collector)
    upload = SimpleUploadedFile("results.csv", bad_rows(5 * MiB + 1), content_type="text/csv")
    response = client.post(reverse("dunning_batch", args=[batch.public_id]), {"results": upload})
    assert said(response) == [("error", "「配信結果」: 配信結果のファイルが大きすぎます。5MBまでです。")]
