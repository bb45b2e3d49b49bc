"""The day's batch is a transfer bundle addressed to `service:deposit_inquiry`, signed with the office's
core key: the service verifies it with the office's public key (and no other), a changed request.csv or
manifest fails verification, the core itself never imports it, and without a key nothing is sent."""

import json

import pytest
from django.core.exceptions import ValidationError

from hogo.inquiries import services
from hogo.inquiries.models import Inquiry, InquiryBatch, InquiryStatus
from hogo.transfer import keys
from hogo.transfer import services as transfer
from hogo.transfer.bundle import BundleRefused, read_bundle
from tests.transfer.helpers import rezip
from tests.transfer.service_bundles import attached, opened, path_of, published_key, read_entry

from .reply_helpers import MIZUHO, MUFG, ask


@pytest.fixture
def sent(cast):
    ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""), (MUFG, ""))
    batch = services.export_batch(cast.users["clerk"], cast.office_a)
    return batch, services.bundle_of(batch)


def refused_by_the_service(data: bytes, office_code: str) -> str:
    with pytest.raises(BundleRefused) as caught:
        opened(data, office_code, "deposit_inquiry")
    return caught.value.reason_code


def test_the_bundle_verifies_with_the_offices_public_key(cast, sent):
    batch, data = sent

    bundle = opened(data, cast.office_a.municipality_code, "deposit_inquiry")

    assert bundle.key_id == keys.current_key_id("core", cast.office_a.municipality_code)
    assert bundle.source_zone == "core" and bundle.counts == {"batch": 1, "deposit_inquiry": 2}
    assert attached(bundle, "request.csv").decode().count("\r\n") == 3


def test_another_offices_key_does_not_verify_the_bundle(cast, sent):
    _, data = sent
    other = published_key(cast.office_b.municipality_code)

    with pytest.raises(BundleRefused) as caught:
        read_bundle(data, trusted_keys={other.key_id: other}, zone="service:deposit_inquiry")

    assert caught.value.reason_code == "unknown_key"


def test_a_changed_request_csv_fails_verification(cast, sent):
    _, data = sent
    name = path_of(data, "attachments/")
    request = read_entry(data, name).replace(b"0005", b"0009")

    assert refused_by_the_service(rezip(data, replace={name: request}), cast.office_a.municipality_code) == (
        "manifest_mismatch"
    )


def test_a_changed_manifest_fails_verification(cast, sent):
    _, data = sent
    manifest = json.loads(read_entry(data, "manifest.json"))
    manifest["office"] = cast.office_b.municipality_code
    changed = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()

    assert refused_by_the_service(rezip(data, replace={"manifest.json": changed}), cast.office_a.municipality_code) == (
        "key_mismatch"
    )
    manifest["office"] = cast.office_a.municipality_code
    manifest["counts"]["deposit_inquiry"] = 1
    changed = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
    assert refused_by_the_service(rezip(data, replace={"manifest.json": changed}), cast.office_a.municipality_code) == (
        "bad_signature"
    )


def test_the_core_refuses_to_import_the_bundle_addressed_to_the_service(cast, sent, settings, tmp_path):
    settings.HOGO_TRANSFER_QUARANTINE_DIR = tmp_path / "quarantine"
    _, data = sent
    keys.trust(keys.export_public(keys.current_key_id("core", cast.office_a.municipality_code)))

    with pytest.raises(transfer.ImportRefused) as caught:
        transfer.import_bundle(data, "deposit-inquiries.zip")

    assert caught.value.reason_code == "wrong_zone"


def test_without_a_signing_key_the_batch_is_refused_naming_the_command_and_nothing_is_sent(cast):
    made = ask(cast.users["cw"], cast.households["own"], (MIZUHO, ""))
    code = cast.office_a.municipality_code
    for path in keys.keys_dir().glob(f"core-{code}-*.key"):
        path.unlink()

    with pytest.raises(ValidationError, match=f"hogo transfer keys new --zone core --office {code}"):
        services.export_batch(cast.users["clerk"], cast.office_a)

    assert not InquiryBatch.objects.exists()
    assert Inquiry.objects.get(pk=made[0].pk).status == InquiryStatus.DRAFT
