"""A bundle the core signs for an external service (`service:<name>`) verifies for that service only: the
core (or the portal) quarantines it as addressed elsewhere, another service refuses it, and a csv file —
what services read — is refused in a bundle to a zone even when its sender really signed it."""

import pytest
from django.core.exceptions import ValidationError

from hogo.transfer import keys, services
from hogo.transfer.bundle import BundleRefused, attachment_name, read_bundle, write_bundle

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused, resigned, rezip
from .service_bundles import opened, published_key

CSV = "reference,phone\r\n1,090-0000-0000\r\n".encode()


@pytest.fixture
def office(db):
    office = OfficeFactory()
    keys.new_key("core", office.municipality_code)
    return office


def test_the_service_reads_the_bundle_signed_for_it(office):
    name = attachment_name(CSV, "csv")

    data = services.export_for_service(office.municipality_code, "sms", {"ping": [{"text": "a"}]}, {name: CSV})

    bundle = opened(data, office.municipality_code, "sms")
    assert bundle.records == {"ping": [{"text": "a"}]} and bundle.attachments == {name: CSV}


def test_the_core_quarantines_a_bundle_addressed_to_a_service(office, ping):
    keys.trust(keys.export_public(keys.current_key_id("core", office.municipality_code)))
    data = services.export_for_service(office.municipality_code, "sms", {"ping": [{"text": "a"}]})

    refused(data, "wrong_zone")


def test_another_service_refuses_the_bundle(office):
    data = services.export_for_service(office.municipality_code, "sms", {"ping": [{"text": "a"}]})
    key = published_key(office.municipality_code)

    with pytest.raises(BundleRefused) as caught:
        read_bundle(data, trusted_keys={key.key_id: key}, zone="service:deposit_inquiry")

    assert caught.value.reason_code == "wrong_zone"


def test_a_csv_file_is_refused_in_a_bundle_to_a_zone(office, ping):
    name = attachment_name(CSV, "csv")
    signer = portal_signer(office.municipality_code)
    with pytest.raises(ValueError, match="external service"):
        write_bundle({}, {name: CSV}, source_zone="portal", target_zone="core", office_code="131016", signer=signer)

    path = f"attachments/{name}"
    data = resigned(rezip(from_portal(signer, office.municipality_code), add={path: CSV}), signer, replace={path: CSV})

    assert "このゾーンでは受け付けません" in refused(data, "disallowed_file").reason


def test_an_office_without_a_key_is_told_the_command_and_gets_no_key(db):
    code = OfficeFactory().municipality_code

    with pytest.raises(ValidationError, match=f"hogo transfer keys new --zone core --office {code}"):
        services.export_for_service(code, "sms", {"ping": []})

    assert not list(keys.keys_dir().glob("*.key"))


def test_a_service_name_is_lower_case_letters_digits_and_underscore(office):
    with pytest.raises(ValidationError) as caught:
        services.export_for_service(office.municipality_code, "../core", {"ping": []})

    assert "service" in caught.value.message_dict
