"""`hogo transfer keys new|export-public|trust|retire`, `hogo transfer export` and `hogo transfer import`:
the operator's path. A quarantined bundle is a CommandError (non-zero exit) naming the reason."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from hogo.transfer.models import Quarantined, TrustedKey

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer


def run(*args) -> str:
    out = StringIO()
    call_command("transfer", *args, stdout=out)
    return out.getvalue()


def test_keys_are_made_exported_trusted_and_retired_from_the_command(db, tmp_path):
    out = run("keys", "new", "--zone", "portal", "--office", "131016")
    key_id = out.split("新しい鍵: ")[1].split("（")[0]
    public = tmp_path / "portal.pub"
    public.write_text(run("keys", "export-public", key_id))

    assert "信頼しました" in run("keys", "trust", str(public))
    assert "既に信頼しています" in run("keys", "trust", str(public))
    run("keys", "retire", key_id)

    assert TrustedKey.objects.get(key_id=key_id).retired_at is not None


def test_export_writes_a_bundle_and_refuses_to_overwrite(db, ping, tmp_path):
    code = OfficeFactory().municipality_code
    run("keys", "new", "--zone", "core", "--office", code)
    target = tmp_path / "to-portal.zip"

    out = run("export", "--to", "portal", "--office", code, "--out", str(target))

    assert target.read_bytes()[:2] == b"PK" and "書き出し" in out
    with pytest.raises(CommandError, match="既にあります"):
        run("export", "--to", "portal", "--office", code, "--out", str(target))


def test_export_without_a_key_says_how_to_make_one(db, ping, tmp_path):
    code = OfficeFactory().municipality_code

    with pytest.raises(CommandError, match="keys new"):
        run("export", "--to", "portal", "--office", code, "--out", str(tmp_path / "x.zip"))


def test_import_applies_a_bundle_then_says_the_second_time_changes_nothing(db, ping, tmp_path):
    code = OfficeFactory().municipality_code
    path = tmp_path / "from-portal.zip"
    path.write_bytes(from_portal(portal_signer(code), code))

    first = run("import", str(path))
    second = run("import", str(path))

    assert "取込:" in first and "ping: 2" in first
    assert "既に取り込まれています" in second and Group.objects.count() == 2


def test_a_quarantined_bundle_fails_the_command_with_its_reason(db, ping, tmp_path):
    code = OfficeFactory().municipality_code
    path = tmp_path / "forged.zip"
    path.write_bytes(from_portal(portal_signer(code, trusted=False), code))

    with pytest.raises(CommandError, match="unknown_key"):
        run("import", str(path))

    assert Quarantined.objects.get().file_name == "forged.zip" and not Group.objects.exists()
