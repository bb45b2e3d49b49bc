"""Every transfer test keeps its keys and quarantine in its own folder, and has the test-only `ping`
record type: a ping record becomes an auth Group named "ping <text>" (a table both zones have), so
whether a bundle was applied is a count of groups."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from hogo.transfer import services


@pytest.fixture(autouse=True)
def transfer_dirs(settings, tmp_path):
    settings.HOGO_TRANSFER_KEYS_DIR = tmp_path / "keys"
    settings.HOGO_TRANSFER_QUARANTINE_DIR = tmp_path / "quarantine"
    return tmp_path


def import_pings(records, bundle):
    for row in records:
        if row.get("fail"):
            raise ValidationError(f"ping {row['text']} は取り込めません。")
        Group.objects.create(name=f"ping {row['text']}")


def export_pings(office_code):
    return [{"text": f"{office_code}-{i}"} for i in range(3)]


@pytest.fixture
def ping():
    exporters, importers = dict(services.EXPORTERS), dict(services.IMPORTERS)
    services.EXPORTERS.clear()
    services.IMPORTERS.clear()
    services.register_exporter("ping", export_pings)
    services.register_importer("ping", import_pings)
    yield
    services.EXPORTERS.clear()
    services.IMPORTERS.clear()
    services.EXPORTERS.update(exporters)
    services.IMPORTERS.update(importers)
