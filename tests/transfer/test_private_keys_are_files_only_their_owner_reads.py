"""A private key is a file (0600) in HOGO_TRANSFER_KEYS_DIR and never in the database; what the receiver
stores is the public key. Trusting the same key twice changes nothing; another key under a known id is refused."""

import json
import stat

import pytest
from django.core.exceptions import ValidationError

from hogo.transfer import keys
from hogo.transfer.models import TrustedKey


def test_the_private_key_file_is_readable_by_its_owner_only(db, transfer_dirs):
    key_id = keys.new_key("core", "131016")

    path = transfer_dirs / "keys" / f"{key_id}.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in path.read_bytes()
    assert "PRIVATE" not in keys.export_public(key_id)


def test_trusting_stores_only_the_public_key_and_twice_changes_nothing(db):
    key_id = keys.new_key("core", "131016")
    text = keys.export_public(key_id)

    first, created = keys.trust(text)
    again, created_again = keys.trust(text)

    assert created and not created_again and first == again and TrustedKey.objects.count() == 1
    assert first.zone == "core" and first.office_code == "131016"
    assert first.public_key == json.loads(text)["public_key"]


def test_another_public_key_under_a_trusted_key_id_is_refused(db):
    key_id = keys.new_key("core", "131016")
    keys.trust(keys.export_public(key_id))
    other = json.loads(keys.export_public(keys.new_key("core", "131024")))
    other.update(key_id=key_id, office="131016")

    with pytest.raises(ValidationError):
        keys.trust(json.dumps(other))
