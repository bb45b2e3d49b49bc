"""The SMS export is a transfer bundle addressed to `service:sms`, signed with the office's core key: the
service verifies it with the office's public key, a changed message or messages.csv fails verification,
the same batch gives the same bundle (the service sends it once), and without a key the download is
refused naming the command that makes one."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.receivables import services
from hogo.transfer import keys
from hogo.transfer.bundle import BundleRefused
from tests.transfer.helpers import rezip
from tests.transfer.service_bundles import attached, opened, path_of, read_entry


@pytest.fixture
def batch(cast, receivable, collector, today):
    type(receivable).objects.filter(pk=receivable.pk).update(
        due_on=today - timedelta(days=40), debtor_phone="090-0000-0000"
    )
    return services.create_batch(collector, cast.office_a.pk, criteria={"min_days": 30}, receivables=[receivable])


def refused_by_the_service(data: bytes, office_code: str) -> str:
    with pytest.raises(BundleRefused) as caught:
        opened(data, office_code, "sms")
    return caught.value.reason_code


def test_the_sms_bundle_verifies_with_the_offices_public_key(cast, batch, receivable):
    bundle = opened(services.sms_export(batch), cast.office_a.municipality_code, "sms")

    assert bundle.bundle_id == str(batch.public_id) and bundle.target_zone == "service:sms"
    assert bundle.key_id == keys.current_key_id("core", cast.office_a.municipality_code)
    assert bundle.counts == {"batch": 1, "sms_message": 1}
    assert attached(bundle, "messages.csv").decode().splitlines() == [
        "reference,phone,message",
        f"{receivable.reference},090-0000-0000,{services.SMS_MESSAGE}",
    ]


def test_the_same_batch_gives_the_same_bundle_again(batch):
    assert services.sms_export(batch) == services.sms_export(type(batch).objects.get(pk=batch.pk))


def test_a_changed_phone_number_fails_verification(cast, batch):
    data = services.sms_export(batch)
    path = "records/sms_message.jsonl"
    changed = read_entry(data, path).replace(b"090-0000-0000", b"090-9999-9999")

    assert refused_by_the_service(rezip(data, replace={path: changed}), cast.office_a.municipality_code) == (
        "manifest_mismatch"
    )
    name = path_of(data, "attachments/")
    changed = read_entry(data, name).replace(b"090-0000-0000", b"090-9999-9999")
    assert refused_by_the_service(rezip(data, replace={name: changed}), cast.office_a.municipality_code) == (
        "manifest_mismatch"
    )


def test_without_a_signing_key_the_sms_export_is_refused_naming_the_command(cast, batch, collector, client):
    code = cast.office_a.municipality_code
    for path in keys.keys_dir().glob(f"core-{code}-*.key"):
        path.unlink()

    with pytest.raises(ValidationError, match=f"hogo transfer keys new --zone core --office {code}"):
        services.sms_export(batch)
    client.force_login(collector)
    response = client.get(reverse("dunning_export", args=[batch.public_id]))
    assert response.status_code == 400 and "hogo transfer keys new" in response.content.decode()
