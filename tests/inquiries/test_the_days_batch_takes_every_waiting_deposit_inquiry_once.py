"""Sending: the clerk (or a supervisor) exports the office's waiting electronic deposit inquiries of the
day as one batch — each is sent that day and due a week later; one batch a day per office; letters and
other offices' inquiries stay out. The bundle, opened with the office's public key, holds a record per
inquiry and request.csv, and the same batch gives the same bytes again."""

import csv
import hashlib
import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.inquiries import services
from hogo.inquiries.models import Inquiry, InquiryBatch, InquiryStatus
from tests.transfer.service_bundles import attached, opened

from .reply_helpers import MIZUHO, MUFG, SMBC, TOKYO_EIGYOBU, ask, head_of, today


def letter(cast):
    household = cast.households["own"]
    return services.ask_by_letter(
        cast.users["cw"],
        household,
        head_of(household),
        kind="life_insurance",
        institution_name="あおぞら生命保険株式会社",
        institution_address="東京都千代田区一丁目2番3号",
        asked="保険契約の有無、解約返戻金の額",
    )


def test_the_batch_sends_every_waiting_deposit_inquiry_of_the_office(cast):
    made = ask(cast.users["cw"], cast.households["own"], (MIZUHO, TOKYO_EIGYOBU), (MUFG, ""))
    made += ask(cast.users["cw_mate"], cast.households["mate"], (SMBC, ""))

    batch = services.export_batch(cast.users["clerk"], cast.office_a)

    assert batch.count == 3 and batch.day == today() and batch.office == cast.office_a
    for inquiry in Inquiry.objects.filter(pk__in=[i.pk for i in made]):
        assert inquiry.batch == batch
        assert inquiry.status == InquiryStatus.SENT
        assert inquiry.sent_on == today()
        assert inquiry.due_on == today() + timedelta(days=7)


def test_letters_and_other_offices_inquiries_stay_out_of_the_batch(cast):
    [deposit] = ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""))
    by_letter = letter(cast)
    [in_b] = ask(cast.users["b_cw"], cast.households["b_household"], (MIZUHO, ""))

    batch = services.export_batch(cast.users["clerk"], cast.office_a)

    assert list(batch.inquiries.all()) == [deposit]
    by_letter.refresh_from_db()
    in_b.refresh_from_db()
    assert by_letter.status == InquiryStatus.DRAFT and by_letter.batch is None
    assert in_b.status == InquiryStatus.DRAFT and in_b.batch is None


def test_a_cancelled_or_already_sent_inquiry_is_not_sent_again(cast):
    cw = cast.users["cw"]
    [cancelled] = ask(cw, cast.households["own"], (MIZUHO, ""))
    services.cancel(cw, cancelled, "申告の誤り")
    [sent] = ask(cw, cast.households["own"], (MUFG, ""))
    yesterday = services.export_batch(cast.users["clerk"], cast.office_a, today() - timedelta(days=1))
    [waiting] = ask(cw, cast.households["own"], (SMBC, ""))

    batch = services.export_batch(cast.users["clerk"], cast.office_a)

    assert list(batch.inquiries.all()) == [waiting]
    assert list(yesterday.inquiries.all()) == [sent]
    cancelled.refresh_from_db()
    assert cancelled.status == InquiryStatus.CANCELLED and cancelled.batch is None


def test_a_second_export_the_same_day_is_refused_and_changes_nothing(cast):
    ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""))
    first = services.export_batch(cast.users["clerk"], cast.office_a)
    [later] = ask(cast.users["cw"], cast.households["own"], (MUFG, ""))

    with pytest.raises(ValidationError, match="既に書き出しています"):
        services.export_batch(cast.users["sv"], cast.office_a)

    later.refresh_from_db()
    assert later.status == InquiryStatus.DRAFT and later.batch is None
    assert list(InquiryBatch.objects.all()) == [first]


def test_each_office_has_its_own_batch_of_the_day(cast):
    ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""))
    ask(cast.users["b_cw"], cast.households["b_household"], (MIZUHO, ""))

    in_a = services.export_batch(cast.users["clerk"], cast.office_a)
    in_b = services.export_batch(cast.users["b_clerk"], cast.office_b)

    assert (in_a.count, in_b.count) == (1, 1) and in_a.day == in_b.day


def test_nothing_waiting_is_refused_without_an_empty_batch(cast):
    letter(cast)

    with pytest.raises(ValidationError):
        services.export_batch(cast.users["clerk"], cast.office_a)

    assert not InquiryBatch.objects.exists()


@pytest.mark.parametrize("who", ["cw", "chief", "admin", "b_clerk", "b_sv"])
def test_only_a_clerk_or_supervisor_of_the_office_may_export(cast, who):
    [inquiry] = ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""))

    with pytest.raises(PermissionDenied):
        services.export_batch(cast.users[who], cast.office_a)

    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.DRAFT and not InquiryBatch.objects.exists()


def test_the_signed_bundle_holds_a_record_per_inquiry_and_the_request_csv(cast):
    made = ask(
        cast.users["cw"],
        cast.households["own"],
        (MUFG, ""),
        (MIZUHO, TOKYO_EIGYOBU),
        balance_dates=[today() - timedelta(days=31), today() - timedelta(days=1)],
        with_transactions=True,
    )
    batch = services.export_batch(cast.users["clerk"], cast.office_a)

    bundle = services.bundle_of(batch)

    opened_bundle = opened(bundle, cast.office_a.municipality_code, "deposit_inquiry")
    assert opened_bundle.target_zone == "service:deposit_inquiry" and opened_bundle.bundle_id == str(batch.public_id)
    (description,) = opened_bundle.records["batch"]
    assert description["format"] == services.REQUEST_FORMAT
    assert description["count"] == 2 and description["day"] == today().isoformat()
    assert description["office"] == opened_bundle.office_code == cast.office_a.municipality_code
    request = attached(opened_bundle, "request.csv")
    header, *rows = list(csv.reader(io.StringIO(request.decode("utf-8"))))
    records = opened_bundle.records["deposit_inquiry"]
    assert [[r[field] for field in services.REQUEST_FIELDS] for r in records] == rows
    assert header == services.REQUEST_HEADER
    assert [row[0] for row in rows] == sorted(i.reference for i in made)
    by_reference = {row[0]: row for row in rows}
    mizuho = by_reference[made[1].reference]
    assert mizuho[1:4] == [MIZUHO, TOKYO_EIGYOBU, "山田 太郎"]
    assert mizuho[7] == f"{today() - timedelta(days=31)};{today() - timedelta(days=1)}"
    assert mizuho[8] == "1" and mizuho[9] == "生活保護法第29条"
    assert by_reference[made[0].reference][2] == ""  # 本店一括
    assert batch.sha256 == hashlib.sha256(bundle).hexdigest()


def test_the_same_batch_gives_the_same_bytes_again(cast):
    ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""), (MUFG, ""))
    batch = services.export_batch(cast.users["clerk"], cast.office_a)

    first = services.bundle_of(batch)
    again = services.bundle_of(InquiryBatch.objects.get(pk=batch.pk))

    assert first == again
    assert hashlib.sha256(again).hexdigest() == batch.sha256


def test_the_bundle_does_not_change_when_its_inquiries_are_cancelled_later(cast):
    made = ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""), (MUFG, ""))
    batch = services.export_batch(cast.users["clerk"], cast.office_a)
    first = services.bundle_of(batch)

    services.cancel(cast.users["cw"], made[0], "本人から通帳の提出があったため")

    assert services.bundle_of(InquiryBatch.objects.get(pk=batch.pk)) == first
